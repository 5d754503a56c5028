import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { measureInference } from "../../src/models/inference-timing";
import { useBackend, expectNoLeak } from "../helpers";

// Speed itself is never asserted; only the bookkeeping of the measurement.
test("measureInference runs warm-up + repeats times, reports the median of the timed runs, leaks nothing", async () => {
  await useBackend("cpu");
  const x = tf.ones([4, 4]);
  let calls = 0;
  const timing = await expectNoLeak(() =>
    measureInference(
      () => {
        calls++;
        return tf.matMul(x, x).add(1);
      },
      { repeats: 3, warmup: 2 },
    ),
  );
  assert.equal(calls, 5);
  assert.equal(timing.runsMs.length, 3);
  const sorted = [...timing.runsMs].sort((a, b) => a - b);
  assert.equal(timing.medianMs, sorted[1]);
  const pair = await measureInference(() => [x.add(1), x.mul(2)], { repeats: 2, warmup: 0 });
  assert.equal(pair.medianMs, (pair.runsMs[0] + pair.runsMs[1]) / 2);
  x.dispose();
});

test("measureInference rejects bad arguments", async () => {
  await assert.rejects(measureInference(42 as unknown as () => tf.Tensor), /run must be a function/);
  await assert.rejects(
    measureInference(() => tf.scalar(1), { repeats: 0 }),
    /repeats must be a whole number ≥ 1, got 0/,
  );
});
