import { requireNumber, requireWholeNumber } from "../core/checks";
import { requireSeed } from "./random";

/**
 * Points on a ring (for the 2-D GAN demo): angle uniform, radius = radius + noise·N(0, 1).
 * Deterministic for a given seed (a small linear congruential generator and Box–Muller).
 */
export function ringPoints(count: number, options: { radius?: number; noise?: number; seed?: number } = {}): number[][] {
  const { radius = 2, noise = 0.1, seed = 1 } = options;
  requireWholeNumber("ringPoints", "count", count, 1, 256);
  requireNumber("ringPoints", "radius", radius, { above: 0, example: 2 });
  requireNumber("ringPoints", "noise", noise, { min: 0, example: 0.1 });
  requireSeed("ringPoints", seed);
  let state = (seed >>> 0) || 1;
  const uniform = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (state + 0.5) / 4294967296;
  };
  const points: number[][] = [];
  for (let i = 0; i < count; i++) {
    const angle = 2 * Math.PI * uniform();
    const gaussian = Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
    const r = radius + noise * gaussian;
    points.push([r * Math.cos(angle), r * Math.sin(angle)]);
  }
  return points;
}
