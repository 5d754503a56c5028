import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { initBackend } from "../../src/backend";
import { dcganGenerator, dcganDiscriminator } from "../../src/models/dcgan";
import { createGan, ganTrainStep, disposeGan } from "../../src/models/gan-training";
import { expectNoLeak } from "../helpers";

// The lesson trains on wasm, where transposed convolutions and their gradients come from the
// project's own kernels: check a DCGAN step there too (finite losses, learning, no leak).
test("ganTrainStep on wasm: a DCGAN step learns and leaks nothing", async () => {
  const info = await initBackend({ backend: "wasm", quiet: true });
  assert.equal(info.name, "wasm");
  const gan = createGan(dcganGenerator({ latentDim: 8, filters: 8 }), dcganDiscriminator({ filters: 8 }), {
    learningRate: 1e-3,
  });
  const real = tf.randomUniform([4, 28, 28, 1], 0, 1, "float32", 3);
  const before = gan.generator.getLayer("g_up1").getWeights()[0].dataSync().slice();
  ganTrainStep(gan, real, { seed: 1 });
  const after = gan.generator.getLayer("g_up1").getWeights()[0].dataSync();
  assert.ok(
    after.some((v, i) => v !== before[i]),
    "the transposed convolution's kernel changed",
  );
  const result = await expectNoLeak(() => ganTrainStep(gan, real, { seed: 2 }));
  for (const value of Object.values(result)) assert.ok(Number.isFinite(value));
  real.dispose();
  disposeGan(gan);
});
