import { checkVolume, describeValue, Volume } from "../core/checks";

/** HWC (tfjs: pixel[row][column][channel]) to CHW (PyTorch: channel[row][column]). */
export function hwcToChw(image: number[][][]): Volume {
  const caller = "hwcToChw";
  if (!Array.isArray(image) || image.length === 0 || !Array.isArray(image[0]) || image[0].length === 0 || !Array.isArray(image[0][0])) {
    throw new Error(`${caller}: image must be number[row][column][channel], got ${describeValue(image)}. For one gray channel, wrap each value: [[ [v] ]].`);
  }
  // Checking the CHW copy checks every row, pixel and value of the HWC input.
  const channels = image[0][0].length;
  const chw = Array.from({ length: channels }, (_, c) => image.map((row) => (Array.isArray(row) ? row.map((pixel) => (Array.isArray(pixel) && pixel.length === channels ? pixel[c] : NaN)) : [])));
  checkVolume(caller, "image (as CHW)", chw);
  return chw;
}

/** CHW (PyTorch) to HWC (tfjs). */
export function chwToHwc(volume: Volume): number[][][] {
  checkVolume("chwToHwc", "volume", volume);
  return volume[0].map((row, r) => row.map((_, c) => volume.map((channel) => channel[r][c])));
}
