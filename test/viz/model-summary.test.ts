import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { modelSummary, layerMultiplyAdds } from "../../src/models/counting";
import { showModelSummary } from "../../src/viz/model-summary";
import { recordDisplays } from "../../src/viz/display";
import { buildPlan, ModelPlan } from "../../src/models/plan";
import { expectNoLeak, useBackend } from "../helpers";

// 8×8×3 → conv 4@3×3 valid → BN → max pool 2 → average pool 3 (stride 1, same) → flatten → dense 10
const handPlan: ModelPlan = {
  name: "hand",
  inputShape: [8, 8, 3],
  makeLayers: () => [
    tf.layers.conv2d({ filters: 4, kernelSize: 3, padding: "valid", name: "conv" }),
    tf.layers.batchNormalization({ name: "bn" }),
    tf.layers.maxPooling2d({ poolSize: 2, name: "maxpool" }),
    tf.layers.averagePooling2d({ poolSize: 3, strides: 1, padding: "same", name: "avgpool" }),
    tf.layers.flatten({ name: "flatten" }),
    tf.layers.dense({ units: 10, name: "dense" }),
  ],
};

// By hand:
// conv: output 6×6×4 (8 − 3 + 1 = 6); weights 3·3·3·4 + 4 biases = 112;
//       multiply-adds 6·6·4 outputs × 3·3·3 taps = 144 × 27 = 3,888
// bn: 4 gamma + 4 beta (trainable) + 4 mean + 4 variance = 16 (8 trainable); one per element 6·6·4 = 144
// maxpool 2: output 3×3×4 = 36 elements, 2·2 = 4 compares each = 144
// avgpool 3, same: output 3×3×4 = 36 elements, 3·3 = 9 adds each = 324
// flatten: 36 units, nothing computed
// dense: 36·10 + 10 = 370 weights; 36·10 = 360 multiply-adds
const expected = [
  { name: "conv", outputShape: [6, 6, 4], params: 112, trainableParams: 112, multiplyAdds: 3888 },
  { name: "bn", outputShape: [6, 6, 4], params: 16, trainableParams: 8, multiplyAdds: 144 },
  { name: "maxpool", outputShape: [3, 3, 4], params: 0, trainableParams: 0, multiplyAdds: 144 },
  { name: "avgpool", outputShape: [3, 3, 4], params: 0, trainableParams: 0, multiplyAdds: 324 },
  { name: "flatten", outputShape: [36], params: 0, trainableParams: 0, multiplyAdds: 0 },
  { name: "dense", outputShape: [10], params: 370, trainableParams: 370, multiplyAdds: 360 },
];

function pick(
  rows: { name: string; outputShape: number[]; params: number; trainableParams: number; multiplyAdds: number }[],
) {
  return rows.map(({ name, outputShape, params, trainableParams, multiplyAdds }) => ({
    name,
    outputShape,
    params,
    trainableParams,
    multiplyAdds,
  }));
}

test("modelSummary of a plan: shapes, parameters and multiply-adds match the hand arithmetic", () => {
  const s = modelSummary(handPlan);
  assert.equal(s.countedFrom, "plan");
  assert.deepEqual(pick(s.rows), expected);
  assert.equal(s.totalParams, 112 + 16 + 370);
  assert.equal(s.trainableParams, 112 + 8 + 370);
  assert.equal(s.nonTrainableParams, 8);
  assert.equal(s.totalMultiplyAdds, 3888 + 144 + 144 + 324 + 360);
  assert.deepEqual(s.inputShape, [8, 8, 3]);
});

test("modelSummary of the built model agrees with the hand arithmetic and with tfjs's countParams, without leaking", async () => {
  await useBackend("cpu");
  const model = buildPlan(handPlan);
  const s = await expectNoLeak(() => modelSummary(model));
  assert.equal(s.countedFrom, "built");
  assert.deepEqual(pick(s.rows), expected);
  assert.equal(s.totalParams, model.countParams());
  model.dispose();
});

test("layerMultiplyAdds: depthwise, separable, stride-2 conv and merge layers by hand", () => {
  const input = tf.input({ shape: [10, 10, 8] });
  // stride-2 3×3 'same' conv to 16 channels: output 5×5×16; 400 outputs × 3·3·8 = 72 taps = 28,800
  const conv = tf.layers.conv2d({ filters: 16, kernelSize: 3, strides: 2, padding: "same" });
  const convOut = conv.apply(input) as tf.SymbolicTensor;
  assert.equal(layerMultiplyAdds(conv, [input.shape], convOut.shape), 5 * 5 * 16 * 72);
  // depthwise 3×3 'same', multiplier 1: 10·10·8 outputs × 9 taps = 7,200
  const dw = tf.layers.depthwiseConv2d({ kernelSize: 3, padding: "same" });
  const dwOut = dw.apply(input) as tf.SymbolicTensor;
  assert.equal(layerMultiplyAdds(dw, [input.shape], dwOut.shape), 7200);
  // separable 3×3 'same' to 4 filters: depthwise 7,200 + pointwise 10·10·4 × 8 = 3,200 → 10,400
  const sep = tf.layers.separableConv2d({ filters: 4, kernelSize: 3, padding: "same" });
  const sepOut = sep.apply(input) as tf.SymbolicTensor;
  assert.equal(layerMultiplyAdds(sep, [input.shape], sepOut.shape), 10400);
  // add of two 10×10×8 tensors: 800 additions
  const add = tf.layers.add();
  const addOut = add.apply([input, input]) as tf.SymbolicTensor;
  assert.equal(layerMultiplyAdds(add, [input.shape, input.shape], addOut.shape), 800);
  // global average pooling: one add per input element, 800
  const gap = tf.layers.globalAveragePooling2d({});
  assert.equal(layerMultiplyAdds(gap, [input.shape], [null, 8]), 800);
});

test("showModelSummary shows a table with a total row and a two-panel bar chart", async () => {
  await useBackend("cpu");
  const recorder = recordDisplays();
  try {
    const s = showModelSummary(handPlan, { title: "hand model" });
    assert.equal(s.totalParams, 498);
  } finally {
    recorder.stop();
  }
  const html = recorder.outputs.filter((o) => o.kind === "html").map((o) => String(o.value));
  const table = html.find((h) => h.includes("<table"));
  assert.ok(table, "a table is shown");
  assert.match(table!, /hand model/);
  assert.match(table!, />total</);
  assert.match(table!, />498</);
  assert.ok(
    html.some((h) => h.includes("Plotly.react") && h.includes("multiply-adds")),
    "a chart is drawn",
  );
});

test("modelSummary and showModelSummary reject bad arguments, naming them", () => {
  assert.throws(
    () => modelSummary(null as unknown as ModelPlan),
    /model must be a tfjs LayersModel or a ModelPlan, got null/,
  );
  assert.throws(
    () => modelSummary({ name: "x" } as unknown as ModelPlan),
    /model must be a tfjs LayersModel or a ModelPlan/,
  );
  assert.throws(
    () => showModelSummary(handPlan, { title: 3 as unknown as string }),
    /title must be a non-empty string, got 3/,
  );
  assert.throws(
    () => buildPlan({ ...handPlan, inputShape: [8, 0, 3] }),
    /plan.inputShape\[1\] must be a whole number ≥ 1, got 0/,
  );
});

test("modelSummary counts a model used as a layer inside another with its inner multiply-adds", async () => {
  await useBackend("cpu");
  // inner: 4×4×2 → dense 3 on the last axis: 4·4 positions × 2·3 = 96 multiply-adds; 2·3 + 3 = 9 weights
  const inner = tf.sequential({
    name: "inner",
    layers: [tf.layers.dense({ inputShape: [4, 4, 2], units: 3, name: "inner_dense" })],
  });
  const input = tf.input({ shape: [4, 4, 2] });
  const outer = tf.model({ inputs: input, outputs: inner.apply(input) as tf.SymbolicTensor, name: "outer" });
  const s = await expectNoLeak(() => modelSummary(outer));
  assert.deepEqual(
    s.rows.map((r) => [r.name, r.params, r.multiplyAdds]),
    [["inner", 9, 96]],
  );
  outer.dispose();
});
