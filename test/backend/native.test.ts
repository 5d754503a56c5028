// The native accelerator: how it is chosen and reported, its own kernels (fused activations, batch
// norm in training, the ReLU gradient, Adam's step) against tfjs-cpu and numeric gradients, and a
// model that trains the same with it on and off. Kernel cases shared with wasm alone run in
// conv-kernels/other-kernels/training-step for both variants.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import * as tf from "@tensorflow/tfjs";
import type { BackendWasm } from "@tensorflow/tfjs-backend-wasm";
import { describeBackend, initBackend } from "../../src/backend";
import { loadNativeAddon, nativeRequest } from "../../src/backend/native/addon";
import { expectNoLeak, projectRoot, useBackend } from "../helpers";
import {
  Plain,
  assertClose,
  nativeSkipReason,
  onBothBackends,
  randomPlain,
  toPlain,
  toTensor,
  useWasmWithKernels,
  variantTest,
  WASM_NATIVE,
  WASM_ONLY,
} from "./compare";

const skip = nativeSkipReason();
const backendIndex = path.resolve(__dirname, "..", "..", "src", "backend", "index.js");

test("initBackend reports 'wasm + native (oneDNN x.y.z, N threads)' and XNNPACK on one thread", { skip }, async () => {
  const info = await initBackend({ backend: "wasm", native: true, quiet: true });
  assert.ok(info.native.used, "the accelerator is used");
  if (!info.native.used) return;
  assert.equal(info.native.library, "oneDNN");
  assert.match(info.native.version, /^\d+\.\d+\.\d+$/);
  assert.match(
    describeBackend(info),
    new RegExp(
      `^Backend: wasm \\+ native \\(oneDNN ${info.native.version.replace(/\./g, "\\.")}, ${info.native.threads} threads?\\)`,
    ),
  );
  assert.match(info.speed, /CONVNET_NATIVE=0 turns the accelerator off/);
});

test("native: false turns the accelerator off and says so; native: true brings it back", { skip }, async () => {
  await initBackend({ backend: "wasm", native: true, quiet: true });
  const off = await initBackend({ backend: "wasm", native: false, quiet: true });
  assert.deepEqual(off.native, { used: false, reason: "turned off (native: false)" });
  assert.match(describeBackend(off), /Native accelerator not used: turned off \(native: false\)\./);
  assert.equal(tf.getKernel("ConvnetAdamUpdate", "wasm"), undefined, "its own kernels are unregistered");
  const on = await initBackend({ backend: "wasm", native: true, quiet: true });
  assert.equal(on.native.used, true);
  assert.ok(tf.getKernel("ConvnetAdamUpdate", "wasm") !== undefined);
});

/** Starts wasm in a fresh process with the given environment and reports its backend info. */
function infoInChild(env: Record<string, string>): {
  native: { used: boolean; threads?: number; reason?: string };
  threads: number;
} {
  const script = `require(${JSON.stringify(backendIndex)}).initBackend({ backend: "wasm", quiet: true }).then((i) => console.log(JSON.stringify(i)), (e) => console.log(JSON.stringify({ error: e.message })));`;
  const child = spawnSync(process.execPath, ["-e", script], {
    encoding: "utf8",
    cwd: projectRoot,
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  const line = child.stdout.trim().split("\n").pop() ?? "";
  assert.ok(line.startsWith("{"), `the child printed its report: ${child.stderr}`);
  const report = JSON.parse(line);
  assert.equal(report.error, undefined, report.error);
  return report;
}

test(
  "the accelerator's threads follow CONVNET_WASM_THREADS; CONVNET_NATIVE=0 leaves XNNPACK all of them",
  { skip },
  () => {
    for (const threads of [1, 2]) {
      const report = infoInChild({ CONVNET_WASM_THREADS: String(threads), CONVNET_NATIVE: "1" });
      assert.equal(report.native.used, true);
      assert.equal(report.native.threads, threads);
      assert.equal(report.threads, 1, "XNNPACK keeps the light kernels on the main thread");
    }
    const off = infoInChild({ CONVNET_WASM_THREADS: "2", CONVNET_NATIVE: "0" });
    assert.deepEqual(off.native, { used: false, reason: "turned off (CONVNET_NATIVE=0)" });
    assert.equal(off.threads, 2);
  },
);

test("bad native settings are refused with the value, the rule and a fix", async () => {
  const saved = process.env.CONVNET_NATIVE;
  try {
    for (const bad of ["on", "true", "2", " 1"]) {
      process.env.CONVNET_NATIVE = bad;
      assert.throws(
        () => nativeRequest(),
        new RegExp(
          `CONVNET_NATIVE is ${JSON.stringify(bad)}, but it must be "0" \\(wasm only\\) or "1" \\(require the native accelerator\\)\\. Unset it`,
        ),
      );
    }
    process.env.CONVNET_NATIVE = "";
    assert.equal(nativeRequest(), "auto");
    process.env.CONVNET_NATIVE = "0";
    assert.equal(nativeRequest(), "off");
    assert.equal(nativeRequest(true), "on", "the option wins over the environment");
  } finally {
    if (saved === undefined) delete process.env.CONVNET_NATIVE;
    else process.env.CONVNET_NATIVE = saved;
  }
  assert.throws(
    () => nativeRequest("yes" as unknown as boolean),
    /native is "yes", but it must be true .*, false .* or left out/,
  );
  await assert.rejects(
    initBackend({ nativ: true } as never),
    /unknown option "nativ" \(did you mean "native"\?\)\. The options are backend, quiet, wasmThreads, native\./,
  );
});

test("an addon that is missing or does not load is reported, not thrown", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "convnet-native-"));
  try {
    const missing = loadNativeAddon(1, path.join(dir, "absent.node"));
    assert.equal(missing.loaded, false);
    if (!missing.loaded)
      assert.match(
        missing.reason,
        /is not built \(.*absent\.node is missing; `npm run build:native` says what it needs\)/,
      );
    const garbage = path.join(dir, "garbage.node");
    fs.writeFileSync(garbage, "not a shared library");
    const broken = loadNativeAddon(1, garbage);
    assert.equal(broken.loaded, false);
    if (!broken.loaded)
      assert.match(broken.reason, /garbage\.node did not load \(.+\); rebuild it with `npm run build:native`/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("the addon refuses offsets outside the wasm heap instead of writing there", { skip }, async () => {
  const info = await initBackend({ backend: "wasm", native: true, quiet: true });
  const threads = info.native.used ? info.native.threads : 1;
  const status = loadNativeAddon(threads);
  assert.ok(status.loaded);
  if (!status.loaded) return;
  const heap = new Uint8Array(1024);
  const params = new Float64Array(22);
  // A 1x4x4x1 input at offset 0, 1x1 filter, output placed past the end of a 1 KiB "heap".
  params.set([0, 64, 1020, -1, 1, 4, 4, 1, 4, 4, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0]);
  assert.throws(() => status.addon.convForward(heap, params), /conv2d output does not lie inside the wasm heap/);
  assert.throws(() => (status.addon.convForward as (...a: unknown[]) => void)(heap), /expected 2 arguments/);
  assert.throws(() => status.addon.matMul(heap, new Float64Array(3)), /parameter block too short/);
});

const ACTIVATIONS = ["linear", "relu", "relu6", "leakyrelu", "sigmoid", "elu", "prelu"] as const;

variantTest("fused conv2d, depthwise conv2d and matMul with bias and every tfjs activation match cpu", async () => {
  const { cpu, wasm } = await onBothBackends(async () => {
    const out: Plain[] = [];
    for (const activation of ACTIVATIONS) {
      const x = toTensor(randomPlain([2, 7, 6, 3], 1)) as tf.Tensor4D;
      const w = toTensor(randomPlain([3, 3, 3, 5], 2)) as tf.Tensor4D;
      const dw = toTensor(randomPlain([3, 3, 3, 2], 3)) as tf.Tensor4D;
      const a = toTensor(randomPlain([4, 7], 4)) as tf.Tensor2D;
      const b = toTensor(randomPlain([7, 5], 5)) as tf.Tensor2D;
      const bias5 = toTensor(randomPlain([5], 6));
      const bias6 = toTensor(randomPlain([6], 7));
      // tfjs passes prelu weights to the kernel whatever the activation; only prelu may use them.
      const prelu5 = tf.fill([5], 0.1);
      const prelu6 = tf.fill([6], 0.1);
      const results = [
        tf.fused.conv2d({
          x,
          filter: w,
          strides: 2,
          pad: "same",
          bias: bias5,
          activation,
          preluActivationWeights: prelu5,
          leakyreluAlpha: 0.3,
        }),
        tf.fused.depthwiseConv2d({
          x,
          filter: dw,
          strides: 1,
          pad: "valid",
          bias: bias6,
          activation,
          preluActivationWeights: prelu6,
          leakyreluAlpha: 0.3,
        }),
        tf.fused.matMul({ a, b, bias: bias5, activation, preluActivationWeights: prelu5, leakyreluAlpha: 0.3 }),
        tf.fused.matMul({
          a: tf.transpose(a),
          b: tf.transpose(b),
          transposeA: true,
          transposeB: true,
          bias: bias5,
          activation,
          preluActivationWeights: prelu5,
        }),
      ];
      for (const r of results) out.push(await toPlain(r));
      tf.dispose([x, w, dw, a, b, bias5, bias6, prelu5, prelu6, ...results]);
    }
    return out;
  });
  assertClose(wasm, cpu, 1e-5, "fused kernels");
});

/** Batch-norm layer in training mode: output, gradients of x, gamma, beta, and the moving statistics. */
async function batchNormStep(shape: number[], seed: number): Promise<Plain[]> {
  const layer = tf.layers.batchNormalization({ momentum: 0.9 });
  const model = tf.sequential({ layers: [tf.layers.inputLayer({ inputShape: shape.slice(1) }), layer] });
  const x = toTensor(randomPlain(shape, seed));
  const [gamma, beta] = [layer.trainableWeights[0]!, layer.trainableWeights[1]!];
  tf.tidy(() => {
    gamma.write(tf.add(1, toTensor(randomPlain(gamma.shape as number[], seed + 1))));
    beta.write(toTensor(randomPlain(beta.shape as number[], seed + 2)));
  });
  const r = toTensor(randomPlain(shape, seed + 3));
  const loss = (xs: tf.Tensor) => tf.sum(tf.mul(layer.apply(xs, { training: true }) as tf.Tensor, r)) as tf.Scalar;
  const y = layer.apply(x, { training: true }) as tf.Tensor;
  const { value, grads } = tf.variableGrads(() => loss(x), [gamma.read() as tf.Variable, beta.read() as tf.Variable]);
  const dx = tf.grad(loss)(x);
  const out = [
    await toPlain(y),
    await toPlain(dx),
    ...(await Promise.all(Object.values(grads).map(toPlain))),
    ...(await Promise.all(layer.getWeights().map(toPlain))),
  ];
  tf.dispose([x, r, y, value, dx, ...Object.values(grads)]);
  model.dispose();
  return out;
}

variantTest(
  "batch norm in training (fused with the addon) matches cpu: output, all gradients, moving statistics, odd shapes",
  async () => {
    const shapes = [
      [4, 5, 3, 3],
      [1, 3, 3, 1],
      [3, 2, 2, 7],
      [6, 4],
      [2, 1, 1, 5],
      [5, 9, 9, 16],
    ];
    for (const [i, shape] of shapes.entries()) {
      const { cpu, wasm } = await onBothBackends(() => batchNormStep(shape, 20 + 4 * i));
      assertClose(wasm, cpu, 2e-5, `batch norm ${JSON.stringify(shape)}`);
    }
  },
);

/**
 * Float64, plain-JS loss of a training-mode batch norm over [rows, C]: Σ ((x − mean)/√(var + ε)·γ + β)·r
 * + Σ mean·u + Σ var·v (the statistics are outputs too, and their gradients flow back to x).
 */
function referenceBatchNormLoss(
  x: number[],
  gamma: number[],
  beta: number[],
  r: number[],
  u: number[],
  v: number[],
  channels: number,
  epsilon: number,
): number {
  const rows = x.length / channels;
  let loss = 0;
  for (let c = 0; c < channels; c++) {
    let mean = 0;
    for (let i = 0; i < rows; i++) mean += x[i * channels + c]! / rows;
    let variance = 0;
    for (let i = 0; i < rows; i++) variance += (x[i * channels + c]! - mean) ** 2 / rows;
    for (let i = 0; i < rows; i++)
      loss +=
        (((x[i * channels + c]! - mean) / Math.sqrt(variance + epsilon)) * gamma[c]! + beta[c]!) * r[i * channels + c]!;
    loss += mean * u[c]! + variance * v[c]!;
  }
  return loss;
}

test(
  "the fused batch-norm kernel's gradients (through y, mean and variance) agree with centred differences of a float64 batch norm",
  { skip },
  async () => {
    await useWasmWithKernels(WASM_NATIVE);
    const shape = [3, 2, 2, 3];
    const [xp, gp, bp, rp, up, vp] = [
      randomPlain(shape, 41),
      randomPlain([3], 42),
      randomPlain([3], 43),
      randomPlain(shape, 44),
      randomPlain([3], 45),
      randomPlain([3], 46),
    ];
    const gamma = gp.values.map((v) => 1 + v);
    const epsilon = 1e-3;
    const [x, g, b, r, u, v] = [
      toTensor(xp),
      tf.tensor1d(gamma),
      toTensor(bp),
      toTensor(rp),
      toTensor(up),
      toTensor(vp),
    ];
    const f = (xs: tf.Tensor, gs: tf.Tensor, bs: tf.Tensor) => {
      const [y, mean, variance] = tf
        .engine()
        .runKernel(
          "ConvnetBatchNormTraining",
          { x: xs, scale: gs, offset: bs },
          { varianceEpsilon: epsilon },
        ) as tf.Tensor[];
      return tf.addN([tf.sum(tf.mul(y!, r)), tf.sum(tf.mul(mean!, u)), tf.sum(tf.mul(variance!, v))]);
    };
    const [dx, dg, db] = tf.grads(f)([x, g, b]);
    const got = [await dx!.data(), await dg!.data(), await db!.data()];
    tf.dispose([x, g, b, r, u, v, dx!, dg!, db!]);
    const h = 1e-4;
    const inputs = [xp.values, gamma, bp.values];
    for (let which = 0; which < 3; which++) {
      for (let k = 0; k < inputs[which]!.length; k++) {
        const at = (delta: number) => {
          const moved = inputs.map((values, i) =>
            i === which ? values.map((v, j) => (j === k ? v + delta : v)) : values,
          );
          return referenceBatchNormLoss(moved[0]!, moved[1]!, moved[2]!, rp.values, up.values, vp.values, 3, epsilon);
        };
        const numeric = (at(h) - at(-h)) / (2 * h);
        assert.ok(
          Math.abs(got[which]![k]! - numeric) < 2e-3 * Math.max(1, Math.abs(numeric)),
          `gradient ${which}[${k}]: kernel ${got[which]![k]}, numeric ${numeric}`,
        );
      }
    }
  },
);

variantTest("the ReLU gradient passes dy where x > 0 and NaN where x is NaN, as tfjs's formula on cpu", async () => {
  const { cpu, wasm } = await onBothBackends(async () => {
    const x = tf.tensor1d([-2, -0, 0, 1e-30, 3, NaN, Infinity, -Infinity]);
    const dy = tf.tensor1d([1, 2, 3, 4, 5, 6, 7, Infinity]);
    const [dx] = tf.grads((a: tf.Tensor) => tf.sum(tf.mul(tf.relu(a), dy)))([x]);
    const big = toTensor(randomPlain([70000], 45));
    const [dBig] = tf.grads((a: tf.Tensor) => tf.sum(tf.relu(a)))([big]);
    const out = [await toPlain(dx!), await toPlain(dBig!)];
    tf.dispose([x, dy, dx!, big, dBig!]);
    return out;
  });
  assert.deepEqual(wasm[0]!.values.map(String), cpu[0]!.values.map(String));
  assertClose(wasm.slice(1), cpu.slice(1), 0, "relu gradient of a large tensor");
});

/** Three Adam steps on two variables (one large enough to split among threads); values and optimizer state after each. */
async function adamSteps(): Promise<Plain[]> {
  const a = tf.variable(toTensor(randomPlain([70000], 50)), true, "adamTestA");
  const b = tf.variable(toTensor(randomPlain([3, 4], 51)), true, "adamTestB");
  const optimizer = tf.train.adam(0.01, 0.8, 0.95, 1e-6);
  const out: Plain[] = [];
  for (let step = 0; step < 3; step++) {
    optimizer.minimize(() => tf.add(tf.sum(tf.square(tf.sub(a, 0.3))), tf.sum(tf.mul(tf.sin(b), b))));
    out.push(await toPlain(a), await toPlain(b));
  }
  for (const w of await optimizer.getWeights()) out.push(await toPlain(w.tensor));
  optimizer.dispose();
  tf.dispose([a, b]);
  return out;
}

variantTest(
  "Adam (one kernel a variable with the addon) matches tfjs's Adam on cpu step by step, state included",
  async () => {
    const { cpu, wasm } = await onBothBackends(adamSteps);
    assertClose(wasm, cpu, 1e-6, "Adam");
  },
);

/** A few Adam steps of a small conv net (conv, batch norm, ReLU, pooling, a strided 1x1 shortcut, dense); losses and weights. */
async function trainFewSteps(): Promise<{ losses: number[]; weights: Plain[] }> {
  const L = tf.layers;
  const input = tf.input({ shape: [12, 12, 3] });
  let main = L.conv2d({ filters: 8, kernelSize: 3, strides: 2, padding: "same", useBias: false }).apply(
    input,
  ) as tf.SymbolicTensor;
  main = L.reLU().apply(L.batchNormalization().apply(main)) as tf.SymbolicTensor;
  main = L.conv2d({ filters: 8, kernelSize: 3, padding: "same", activation: "relu" }).apply(main) as tf.SymbolicTensor;
  const shortcut = L.conv2d({ filters: 8, kernelSize: 1, strides: 2, padding: "same" }).apply(
    input,
  ) as tf.SymbolicTensor;
  let out = L.maxPooling2d({ poolSize: 2 }).apply(L.add().apply([main, shortcut])) as tf.SymbolicTensor;
  out = L.dense({ units: 4, activation: "softmax" }).apply(L.flatten().apply(out)) as tf.SymbolicTensor;
  const model = tf.model({ inputs: input, outputs: out });
  // Seeded weights (moving variances near 1), so every run checks the same numbers.
  const start = model.weights.map((w, i) => {
    const plain = randomPlain(w.shape as number[], 60 + i);
    return toTensor({
      ...plain,
      values: plain.values.map((v) => (w.name.includes("moving_variance") ? 1 + 0.5 * v : 0.4 * v)),
    });
  });
  model.setWeights(start);
  tf.dispose(start);
  const optimizer = tf.train.adam(0.01);
  model.compile({ optimizer, loss: "categoricalCrossentropy" });
  const x = toTensor(randomPlain([6, 12, 12, 3], 70));
  const y = tf.tidy(() => tf.oneHot(tf.tensor1d([0, 1, 2, 3, 0, 1], "int32"), 4));
  const losses: number[] = [];
  for (let step = 0; step < 5; step++) losses.push((await model.trainOnBatch(x, y)) as number);
  const weights = await Promise.all(model.getWeights().map(toPlain));
  tf.dispose([x, y]);
  model.dispose();
  optimizer.dispose();
  return { losses, weights };
}

test(
  "a small conv net trains the same with the accelerator on and off (5 Adam steps: losses and weights), and leaks nothing",
  { skip },
  async () => {
    await useWasmWithKernels(WASM_ONLY);
    const off = await trainFewSteps();
    await useWasmWithKernels(WASM_NATIVE);
    const on = await trainFewSteps();
    await expectNoLeak(trainFewSteps);
    await useBackend("cpu");
    const cpu = await trainFewSteps();
    for (let i = 0; i < off.losses.length; i++) {
      assert.ok(
        Math.abs(on.losses[i]! - off.losses[i]!) <= 1e-4 * Math.abs(off.losses[i]!),
        `step ${i}: loss ${on.losses[i]} with the accelerator, ${off.losses[i]} without`,
      );
      assert.ok(
        Math.abs(on.losses[i]! - cpu.losses[i]!) <= 1e-4 * Math.abs(cpu.losses[i]!),
        `step ${i}: loss ${on.losses[i]} with the accelerator, ${cpu.losses[i]} on cpu`,
      );
    }
    assertClose(on.weights, off.weights, 1e-3, "weights after 5 steps, accelerator on vs off");
    assertClose(on.weights, cpu.weights, 1e-3, "weights after 5 steps, accelerator on vs cpu");
  },
);

test("native kernels stay correct after the wasm heap grows (the heap view is renewed)", { skip }, async () => {
  await useWasmWithKernels(WASM_NATIVE);
  const backend = tf.backend() as unknown as BackendWasm;
  const wasm = backend.wasm as unknown as { wasmMemory?: WebAssembly.Memory; HEAPU8: Uint8Array };
  const bufferOf = () => wasm.wasmMemory?.buffer ?? wasm.HEAPU8.buffer;
  const x = toTensor(randomPlain([2, 9, 9, 4], 80)) as tf.Tensor4D;
  const w = toTensor(randomPlain([3, 3, 4, 5], 81)) as tf.Tensor4D;
  const before = await tf.conv2d(x, w, 1, "same").data();
  const startBytes = bufferOf().byteLength;
  const ballast: tf.Tensor[] = [];
  while (bufferOf().byteLength === startBytes && ballast.length < 64) ballast.push(tf.zeros([4 * 1024 * 1024]));
  assert.ok(bufferOf().byteLength > startBytes, "the heap grew");
  const y = tf.conv2d(x, w, 1, "same");
  assert.deepEqual(Array.from(await y.data()), Array.from(before));
  tf.dispose([x, w, y, ...ballast]);
});
