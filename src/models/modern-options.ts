import { requireWholeNumber } from "../core/checks";

import { describeValue } from "../core/checks";
// Input checks shared by the modern architectures (googlenet, resnet, mobilenetLike); not re-exported.

export type ImageShape = [number, number, number];

/** Throws unless shape is [height, width, channels] of whole numbers ≥ 1; returns it. */
export function requireImageShape(caller: string, shape: unknown, example = "[28, 28, 1]"): ImageShape {
  if (!Array.isArray(shape) || shape.length !== 3 || !shape.every((v) => Number.isInteger(v) && v >= 1)) {
    throw new Error(`${caller}: inputShape must be [height, width, channels] of whole numbers ≥ 1, got ${describeValue(shape)}. Pass e.g. inputShape: ${example}.`);
  }
  return shape as ImageShape;
}

/** Throws unless the model has at least 2 classes. */
export function requireClasses(caller: string, classes: unknown): number {
  return requireWholeNumber(caller, "classes", classes, 2, 10);
}

/** Scales a channel count by a width multiplier, keeping at least one channel. */
export function scaledChannels(caller: string, channels: number, width: unknown): number {
  if (typeof width !== "number" || !Number.isFinite(width) || width <= 0) {
    throw new Error(`${caller}: width must be a positive number (a channel multiplier), got ${describeValue(width)}. Pass e.g. width: 0.25 for a quarter of the channels.`);
  }
  return Math.max(1, Math.round(channels * width));
}
