import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { convBnRelu } from "../../src/layers/conv-bn-relu";
import { useBackend } from "../helpers";

test("convBnRelu: conv without bias, then BN, then ReLU; parameter count by hand", async () => {
  await useBackend("cpu");
  const input = tf.input({ shape: [8, 8, 3] });
  const output = convBnRelu(input, { filters: 4, kernelSize: 3, name: "b1" });
  const model = tf.model({ inputs: input, outputs: output });
  // conv: 3*3*3*4 = 108 weights, no bias; BN: 4 gamma + 4 beta trainable, 4 mean + 4 variance not.
  assert.equal(model.countParams(), 108 + 16);
  assert.deepEqual(model.outputs[0].shape, [null, 8, 8, 4]);
  assert.deepEqual(model.layers.map((l) => l.name).slice(1), ["b1_conv", "b1_bn", "b1_relu"]);
  const y = model.predict(tf.randomNormal([2, 8, 8, 3])) as tf.Tensor;
  assert.ok((await y.min().data())[0] >= 0, "ReLU output is never negative");
  tf.dispose([y]);
  model.dispose();
});

test("convBnRelu: bad arguments are rejected with the argument's name", () => {
  const input = tf.input({ shape: [8, 8, 3] });
  assert.throws(() => convBnRelu(input, { filters: 0, kernelSize: 3 }), /filters must be a whole number ≥ 1, got 0/);
  assert.throws(() => convBnRelu(input, { filters: 4, kernelSize: 2.5 }), /kernelSize must be a whole number/);
  assert.throws(
    () => convBnRelu(input, { filters: 4, kernelSize: 3, padding: "full" as "same" }),
    /padding must be one of "same", "valid", got "full"/,
  );
  assert.throws(
    () => convBnRelu(input, { filters: 4, kernelSize: 3, momentum: 1 }),
    /momentum must be a finite number in \[0, 1\), got 1/,
  );
});

test("convBnRelu: the momentum option reaches the batch-norm layer", () => {
  const input = tf.input({ shape: [4, 4, 1] });
  const model = tf.model({
    inputs: input,
    outputs: convBnRelu(input, { filters: 2, kernelSize: 3, momentum: 0.9, name: "m" }),
  });
  assert.equal((model.getLayer("m_bn").getConfig() as { momentum: number }).momentum, 0.9);
  model.dispose();
});
