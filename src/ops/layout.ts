import { checkVolume, describeValue, Volume } from "../core/checks";

/** HWC (tfjs: pixel[row][column][channel]) to CHW (PyTorch: channel[row][column]). */
export function hwcToChw(image: number[][][]): Volume {
  const caller = "hwcToChw";
  if (
    !Array.isArray(image) ||
    image.length === 0 ||
    !Array.isArray(image[0]) ||
    image[0].length === 0 ||
    !Array.isArray(image[0][0])
  ) {
    throw new Error(
      `${caller}: image must be number[row][column][channel], got ${describeValue(image)}. For one gray channel, wrap each value: [[ [v] ]].`,
    );
  }
  const channels = image[0][0].length;
  const width = image[0].length;
  image.forEach((row: unknown, r) => {
    if (!Array.isArray(row) || row.length !== width) {
      throw new Error(
        `${caller}: image row ${r} has ${Array.isArray(row) ? row.length : "no"} pixels but row 0 has ${width}. Every row must have the same width.`,
      );
    }
    row.forEach((pixel: unknown, c) => {
      if (!Array.isArray(pixel) || pixel.length !== channels) {
        throw new Error(
          `${caller}: pixel (${r}, ${c}) is ${describeValue(pixel)} but pixel (0, 0) has ${channels} channel(s). Every pixel must list the same number of channel values.`,
        );
      }
      pixel.forEach((v: unknown, k) => {
        if (typeof v !== "number" || !Number.isFinite(v))
          throw new Error(
            `${caller}: pixel (${r}, ${c}) channel ${k} is ${describeValue(v)}; every value must be a finite number. Replace it (e.g. with 0).`,
          );
      });
    });
  });
  return Array.from({ length: channels }, (_, k) => image.map((row) => row.map((pixel) => pixel[k])));
}

/** CHW (PyTorch) to HWC (tfjs). */
export function chwToHwc(volume: Volume): number[][][] {
  checkVolume("chwToHwc", "volume", volume);
  return volume[0].map((row, r) => row.map((_, c) => volume.map((channel) => channel[r][c])));
}
