// Checks shared by the model builders (lenet5, alexnet, vgg, googlenet, resnet, mobilenetLike).

import { describeValue, requireNumber, requireWholeNumber } from "../core/checks";

export type ImageShape = [number, number, number];

/** Throws unless shape is [height, width, channels] of whole numbers ≥ 1; returns it. */
export function requireImageShape(caller: string, shape: unknown, example = "[28, 28, 1]"): ImageShape {
  if (!Array.isArray(shape) || shape.length !== 3 || !shape.every((v) => Number.isInteger(v) && v >= 1)) {
    throw new Error(
      `${caller}: inputShape must be [height, width, channels] of whole numbers ≥ 1, got ${describeValue(shape)}. Pass e.g. inputShape: ${example}.`,
    );
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
    throw new Error(
      `${caller}: width must be a positive number (a channel multiplier), got ${describeValue(width)}. Pass e.g. width: 0.25 for a quarter of the channels.`,
    );
  }
  return Math.max(1, Math.round(channels * width));
}

/** Throws unless value is a dropout rate in [0, 1). */
export function requireRate(caller: string, name: string, value: unknown, fix: string): number {
  return requireNumber(caller, name, value, { min: 0, below: 1, fix });
}

/** Throws unless value is an array of `count` whole numbers ≥ 1 (filters per stage, ...). */
export function requireCounts(caller: string, name: string, value: unknown, count: number, fix: string): number[] {
  if (!Array.isArray(value) || value.length !== count) {
    throw new Error(`${caller}: ${name} must be ${count} whole numbers ≥ 1, got ${describeValue(value)}. ${fix}`);
  }
  return value.map((v, i) => requireWholeNumber(caller, `${name}[${i}]`, v, 1, fix));
}
