import { describeValue } from "../core/checks";

/**
 * Lessons run at a small default size so they finish in minutes on a laptop CPU.
 * Set CONVNET_FULL=1 (or run `npm run lesson -- NN --full`) for the full-size run.
 */
export function fullSize(): boolean {
  const value = process.env.CONVNET_FULL;
  if (value === undefined || value === "" || value === "0") return false;
  if (value === "1") return true;
  throw new Error(
    `fullSize: CONVNET_FULL is ${describeValue(value)}; it must be "1" (full size) or "0"/unset (default size).`,
  );
}

/** Picks the default-size or the full-size value of a lesson setting. */
export function bySize<T>(defaultValue: T, fullValue: T): T {
  return fullSize() ? fullValue : defaultValue;
}
