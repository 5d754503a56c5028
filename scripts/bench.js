// @ts-check
// `npm run bench`: training and inference speed of LeNet-5, a small VGG with batch norm and a
// small ResNet on every backend that loads (tfjs-node; wasm with convnet-lab's kernels, with and
// without the native accelerator, on all threads and on one; cpu), each as samples/s, as a ratio
// to stock tfjs-cpu and, when a PyTorch is installed, to PyTorch twins of the same models
// (scripts/bench/pytorch_twins.py: same layers, batch, optimizer and thread count) measured in the
// same run, plus each backend's peak memory (RSS).
//   node scripts/bench.js [--quick] [--rounds N]
//     --quick     ~2 s per measurement instead of ~6
//     --rounds N  measure everything N times, interleaved (1 to 10, default 1); the table shows
//                 each cell's best round and a line per row gives the spread
// Speed is measured here and never asserted in tests. On a shared machine the numbers are noisy:
// compare ratios from one run, and use --rounds to see the spread.
"use strict";
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");
const { MODELS } = require("./bench/models");
const { findTorchPython } = require("./bench/find-torch");

const root = path.resolve(__dirname, "..");
const { CliError, parseCommandLine } = require("./cli");

const COMMAND = {
  program: "bench",
  usage: ["npm run bench [-- --quick] [-- --rounds N]", "node scripts/bench.js [--quick] [--rounds N]"],
  summary:
    "Measures training and inference speed of LeNet-5, a small VGG+BN and a small ResNet on every backend that loads (with the native accelerator on and off), as samples/s and as ratios to stock tfjs-cpu and to PyTorch twins measured in the same run.",
  flags: {
    "--quick": { help: "about 2 s per measurement instead of about 6" },
    "--rounds": {
      value: "N",
      help: "measure everything N times, interleaved (1 to 10, default 1); the table shows each cell's best round",
      parse: (/** @type {string} */ text, /** @type {string} */ flag) => {
        if (!/^([1-9]|10)$/.test(text))
          throw new CliError(
            `${flag} must be a whole number from 1 to 10, got ${JSON.stringify(text)}. Example: ${flag} 3.`,
            { showUsageHint: true },
          );
        return Number(text);
      },
    },
  },
};

/** @typedef {{ name: string, label: string, native?: boolean, threads?: number }} Row */
/**
 * @typedef {{ model: string, trainPerSecond: number, inferPerSecond: number, trainBatch: number, inferBatch: number,
 *   trainWorst?: number, inferWorst?: number }} ModelResult
 */
/**
 * @typedef {{ error?: string, results?: ModelResult[], peakRssMb?: number, rounds?: number, canTrain?: boolean,
 *   version?: string }} Measurement
 */

const threads = Math.min(os.availableParallelism(), 8);
const plural = (/** @type {number} */ n) => `${n} thread${n === 1 ? "" : "s"}`;

/**
 * What is measured, in order; each wasm row in its own process with its own settings.
 * @returns {Row[]}
 */
function rowsToMeasure() {
  const counts = threads > 1 ? [threads, 1] : [1];
  return [
    { name: "tensorflow", label: "tfjs-node" },
    ...counts.map((n) => ({ name: "wasm", native: true, threads: n, label: `wasm + native, ${plural(n)}` })),
    ...counts.map((n) => ({
      name: "wasm",
      native: false,
      threads: n,
      label: `wasm + convnet-lab kernels, ${plural(n)}`,
    })),
    { name: "cpu", label: "tfjs-cpu (stock)" },
  ];
}

/** @param {string | undefined} text */
function lastJsonLine(text) {
  return (text || "")
    .trim()
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .pop();
}

/**
 * @param {Row} row
 * @param {boolean} quick
 * @returns {Measurement}
 */
function measureTfjs(row, quick) {
  const child = spawnSync(
    process.execPath,
    [path.join(__dirname, "bench", "run-backend.js"), row.name, ...(quick ? ["--quick"] : [])],
    {
      cwd: root,
      encoding: "utf8",
      env: {
        ...process.env,
        CONVNET_BACKEND: "",
        CONVNET_WASM_THREADS: String(row.threads ?? 1),
        CONVNET_NATIVE: row.name === "wasm" ? (row.native ? "1" : "0") : "0",
      },
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  const line = lastJsonLine(child.stdout);
  if (!line) return { error: `no result (exit ${child.status}): ${(child.stderr || "").trim().split("\n").pop()}` };
  return JSON.parse(line);
}

/**
 * @param {string} python
 * @param {number} count
 * @param {boolean} quick
 * @returns {Measurement}
 */
function measureTorch(python, count, quick) {
  const child = spawnSync(
    python,
    [path.join(__dirname, "bench", "pytorch_twins.py"), "--threads", String(count), ...(quick ? ["--quick"] : [])],
    {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, OMP_NUM_THREADS: String(count) },
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  const line = lastJsonLine(child.stdout);
  if (!line) return { error: `no result (exit ${child.status}): ${(child.stderr || "").trim().split("\n").pop()}` };
  return JSON.parse(line);
}

/** @param {number | undefined} value */
function fmt(value) {
  if (value === undefined || !Number.isFinite(value)) return "-";
  return value >= 100 ? Math.round(value).toLocaleString("en-US") : value.toFixed(1);
}

/**
 * @param {number | undefined} value
 * @param {number | undefined} base
 */
function ratio(value, base) {
  if (value === undefined || base === undefined || !Number.isFinite(value) || !Number.isFinite(base) || base <= 0)
    return "";
  const r = value / base;
  return `${r >= 10 ? Math.round(r) : r >= 1 ? r.toFixed(1) : r.toFixed(2)}x`;
}

/** @param {string[][]} rows */
function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows
    .map((r, k) => {
      const line = r
        .map((cell, i) => (i < 2 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i])))
        .join("  ");
      return k === 0 ? `${line}\n${widths.map((w) => "-".repeat(w)).join("  ")}` : line;
    })
    .join("\n");
}

/**
 * Per model and field, the best of the rounds that gave a result, with the worst for the spread.
 * @param {Measurement[]} rounds
 * @returns {Measurement}
 */
function combine(rounds) {
  const ok = rounds.filter((r) => !r.error);
  if (ok.length === 0) return rounds[rounds.length - 1];
  /** @type {ModelResult[]} */
  const results = [];
  const best = { ...ok[0], results };
  for (const model of ok[0].results ?? []) {
    const all = ok.flatMap((r) => r.results?.filter((x) => x.model === model.model) ?? []);
    const pick = (/** @type {"trainPerSecond" | "inferPerSecond"} */ field) => Math.max(...all.map((x) => x[field]));
    const worst = (/** @type {"trainPerSecond" | "inferPerSecond"} */ field) => Math.min(...all.map((x) => x[field]));
    results.push({
      ...model,
      trainPerSecond: pick("trainPerSecond"),
      inferPerSecond: pick("inferPerSecond"),
      trainWorst: worst("trainPerSecond"),
      inferWorst: worst("inferPerSecond"),
    });
  }
  best.peakRssMb = Math.max(...ok.map((r) => r.peakRssMb ?? 0)) || undefined;
  best.rounds = ok.length;
  return best;
}

/**
 * @param {number | undefined} best
 * @param {number | undefined} worst
 */
function spread(best, worst) {
  return best !== undefined && Number.isFinite(best) && best > 0 ? `${fmt(worst)}–${fmt(best)}` : "-";
}

function main() {
  const { flags } = parseCommandLine(COMMAND);
  const quick = flags["--quick"] === true;
  const rounds = /** @type {number | undefined} */ (flags["--rounds"]) ?? 1;
  console.log(
    `convnet-lab benchmark: Node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "cpu"}), ` +
      `load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")} at start${quick ? ", --quick" : ""}, ${rounds} round${rounds === 1 ? "" : "s"}`,
  );
  const python = findTorchPython();
  /** @type {number[]} */
  const torchCounts = python ? [...new Set(rowsToMeasure().flatMap((r) => (r.threads ? [r.threads] : [])))] : [];
  if (!python)
    console.log(
      "PyTorch not found, ratio skipped (looked for a python3 that can `import torch`; Debian: apt-get install python3-torch).",
    );
  const rows = rowsToMeasure();
  /** @type {Map<string, Measurement[]>} */
  const samples = new Map(rows.map((r) => [r.label, []]));
  /** @type {Map<number, Measurement[]>} */
  const torchSamples = new Map(torchCounts.map((n) => [n, []]));
  const samplesOf = (/** @type {string} */ label) => /** @type {Measurement[]} */ (samples.get(label));
  for (let round = 1; round <= rounds; round++) {
    // Interleaved: each of our rows is followed by PyTorch at its thread count, so both see the same load.
    for (const row of rows) {
      if (row.name === "cpu" && round > 1) continue; // hundreds of times slower; one round says enough
      if (round > 1 && samplesOf(row.label)[0].error) continue; // not available (tfjs-node not installed)
      process.stdout.write(`${rounds > 1 ? `round ${round}: ` : ""}measuring ${row.label} ... `);
      const start = Date.now();
      const result = measureTfjs(row, quick);
      console.log(
        result.error ? `not available: ${result.error}` : `done in ${((Date.now() - start) / 1000).toFixed(0)} s`,
      );
      samplesOf(row.label).push(result);
      if (python && row.name === "wasm" && row.native && row.threads) {
        process.stdout.write(`${rounds > 1 ? `round ${round}: ` : ""}measuring PyTorch, ${plural(row.threads)} ... `);
        const t0 = Date.now();
        const torch = measureTorch(python, row.threads, quick);
        console.log(torch.error ? `failed: ${torch.error}` : `done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
        torchSamples.get(row.threads)?.push(torch);
      }
    }
  }
  const measured = rows.map((row) => ({ ...row, ...combine(samplesOf(row.label)) }));
  const torch = new Map([...torchSamples].map(([n, list]) => [n, combine(list)]));
  const cpu = measured.find((m) => m.name === "cpu" && !m.error);
  const cell = (/** @type {Measurement | undefined} */ m, /** @type {string} */ key) =>
    m?.results?.find((r) => r.model === key);
  const header = [
    "model",
    "backend",
    "batch train/infer",
    "train samples/s",
    "vs cpu",
    ...(python ? ["vs PyTorch"] : []),
    "infer samples/s",
    "vs cpu",
    ...(python ? ["vs PyTorch"] : []),
    "peak RSS MB",
  ];
  const lines = [header];
  const spreads = [];
  for (const model of MODELS) {
    for (const m of measured) {
      if (m.error) continue;
      const r = cell(m, model.key);
      if (!r) continue;
      const t = m.threads ? cell(torch.get(m.threads), model.key) : undefined;
      const vsTorch = (/** @type {"trainPerSecond" | "inferPerSecond"} */ field) =>
        python ? [m.threads && !torch.get(m.threads)?.error ? ratio(r[field], t?.[field]) : ""] : [];
      lines.push([
        model.label,
        m.label,
        `${r.trainBatch}/${r.inferBatch}`,
        m.canTrain ? fmt(r.trainPerSecond) : "cannot train",
        m.canTrain ? ratio(r.trainPerSecond, cell(cpu, model.key)?.trainPerSecond) : "",
        ...(m.canTrain ? vsTorch("trainPerSecond") : python ? [""] : []),
        fmt(r.inferPerSecond),
        ratio(r.inferPerSecond, cell(cpu, model.key)?.inferPerSecond),
        ...vsTorch("inferPerSecond"),
        fmt(m.peakRssMb),
      ]);
      if ((m.rounds ?? 1) > 1)
        spreads.push(
          `${model.label}, ${m.label}: train ${spread(r.trainPerSecond, r.trainWorst)}, infer ${spread(r.inferPerSecond, r.inferWorst)} samples/s over ${m.rounds} rounds`,
        );
    }
    for (const [n, tm] of torch) {
      const t = cell(tm, model.key);
      if (!t) continue;
      lines.push([
        model.label,
        `PyTorch ${tm.version}, ${plural(n)}`,
        `${t.trainBatch}/${t.inferBatch}`,
        fmt(t.trainPerSecond),
        ratio(t.trainPerSecond, cell(cpu, model.key)?.trainPerSecond),
        "1x",
        fmt(t.inferPerSecond),
        ratio(t.inferPerSecond, cell(cpu, model.key)?.inferPerSecond),
        "1x",
        "",
      ]);
      if ((tm.rounds ?? 1) > 1)
        spreads.push(
          `${model.label}, PyTorch ${plural(n)}: train ${spread(t.trainPerSecond, t.trainWorst)}, infer ${spread(t.inferPerSecond, t.inferWorst)} samples/s over ${tm.rounds} rounds`,
        );
    }
  }
  console.log("");
  console.log(table(lines));
  console.log("");
  console.log(
    "cpu runs smaller and fewer batches to keep the run short (it is hundreds of times slower); samples/s are per sample either way.",
  );
  if (python)
    console.log(
      `vs PyTorch: against PyTorch (${python}) at the same thread count, same layers, batch 64, Adam 1e-3, measured right after the row (interleaved).`,
    );
  console.log(
    "Peak RSS is the whole backend process (all three models). Numbers vary with machine load; compare ratios from one run.",
  );
  if (spreads.length > 0) {
    console.log("\nSpread (worst–best round):");
    for (const line of spreads) console.log(`  ${line}`);
  }
  for (const m of measured) if (m.error) console.log(`${m.label}: ${m.error}`);
  for (const [n, tm] of torch) if (tm.error) console.log(`PyTorch, ${plural(n)}: ${tm.error}`);
}

main();
