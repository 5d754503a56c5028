import * as tf from "@tensorflow/tfjs";
import { requireWholeNumber } from "../core/checks";
import { requireOptions } from "../core/options";

export interface InferenceTiming {
  /** Median wall-clock milliseconds of one run (robust to an occasional slow run on a busy machine). */
  medianMs: number;
  /** Every timed run, in milliseconds, in the order they ran. */
  runsMs: number[];
}

/**
 * Measures how long a forward computation takes on the active backend: a few untimed warm-up runs
 * (wasm compiles and allocates on first use), then `repeats` timed runs, each ending by reading the
 * result back (so the work has really finished). The tensors a run creates are freed after it.
 * Numbers depend on the machine and its load: measure, and report them as measurements.
 */
export async function measureInference(
  run: () => tf.Tensor | tf.Tensor[],
  options: { repeats?: number; warmup?: number } = {},
): Promise<InferenceTiming> {
  if (typeof run !== "function") {
    throw new Error(
      `measureInference: run must be a function returning the output tensor(s), got ${typeof run}. Pass e.g. () => model.predict(x) as tf.Tensor.`,
    );
  }
  requireOptions<{ repeats?: number; warmup?: number }>(
    "measureInference",
    options,
    ["repeats", "warmup"],
    "{ repeats: 5, warmup: 1 }",
  );
  const repeats = requireWholeNumber("measureInference", "repeats", options.repeats ?? 5, 1, 5);
  const warmup = requireWholeNumber("measureInference", "warmup", options.warmup ?? 1, 0, 1);
  const once = async (): Promise<number> => {
    const start = performance.now();
    const outputs = tf.tidy(run);
    const list = Array.isArray(outputs) ? outputs : [outputs];
    await Promise.all(list.map((t) => t.data()));
    const elapsed = performance.now() - start;
    tf.dispose(list);
    return elapsed;
  };
  for (let i = 0; i < warmup; i++) await once();
  const runsMs: number[] = [];
  for (let i = 0; i < repeats; i++) runsMs.push(await once());
  const sorted = [...runsMs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const medianMs = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { medianMs, runsMs };
}
