import { requireNumber, requireSeed, requireWholeNumber } from "../core/checks";
import { optionKeys, requireOptions } from "../core/options";
import { createRng } from "./random";

export interface RingPointsOptions {
  /** Radius of the ring (default 2). */
  radius?: number;
  /** Standard deviation of the radius around it (default 0.1). */
  noise?: number;
  /** Seed of the draws (default 1). */
  seed?: number;
}

const KEYS = optionKeys<RingPointsOptions>()("radius", "noise", "seed");

/**
 * Points on a ring (for the 2-D GAN demo): angle uniform, radius = radius + noise·N(0, 1).
 * Deterministic for a given seed (the course's seeded generator and Box–Muller).
 */
export function ringPoints(count: number, options: RingPointsOptions = {}): number[][] {
  const caller = "ringPoints";
  requireOptions<RingPointsOptions>(caller, options, KEYS, "{ radius: 2, noise: 0.1 }");
  const { radius = 2, noise = 0.1, seed = 1 } = options;
  requireWholeNumber(caller, "count", count, 1, 256);
  requireNumber(caller, "radius", radius, { above: 0, example: 2 });
  requireNumber(caller, "noise", noise, { min: 0, example: 0.1 });
  const rng = createRng(requireSeed(caller, seed));
  const points: number[][] = [];
  for (let i = 0; i < count; i++) {
    const angle = 2 * Math.PI * rng.next();
    // 1 − u lies in (0, 1], so the logarithm is finite.
    const gaussian = Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
    const r = radius + noise * gaussian;
    points.push([r * Math.cos(angle), r * Math.sin(angle)]);
  }
  return points;
}
