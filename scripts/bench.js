// `npm run bench`: training and inference speed of LeNet-5, a small VGG with batch norm and a
// small ResNet on every backend that loads (tfjs-node, wasm with convnet-lab's kernels, cpu),
// each as samples/s and as a ratio to stock tfjs-cpu, plus each backend's peak memory (RSS).
//   node scripts/bench.js [--quick]      (--quick: ~2 s per measurement instead of ~6-8 s)
// Speed is measured here and never asserted in tests. On a shared machine the numbers are noisy.
"use strict";
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");
const { MODELS } = require("./bench/models");

const root = path.resolve(__dirname, "..");
const quick = process.argv.includes("--quick");
const threads = Math.min(os.availableParallelism(), 8);
// wasm twice when there are several cores: all threads (what initBackend picks) and one thread.
const BACKENDS = [
  { name: "tensorflow", label: "tfjs-node" },
  { name: "wasm", label: `wasm + convnet-lab kernels, ${threads} thread${threads === 1 ? "" : "s"}`, wasmThreads: threads },
  ...(threads > 1 ? [{ name: "wasm", label: "wasm + convnet-lab kernels, 1 thread", wasmThreads: 1 }] : []),
  { name: "cpu", label: "tfjs-cpu (stock)" },
];

function measure(backend, wasmThreads) {
  const child = spawnSync(process.execPath, [path.join(__dirname, "bench", "run-backend.js"), backend, ...(quick ? ["--quick"] : [])], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, CONVNET_BACKEND: "", CONVNET_WASM_THREADS: String(wasmThreads ?? 1) },
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = (child.stdout || "").trim().split("\n").filter((l) => l.startsWith("{")).pop();
  if (!line) return { backend, error: `no result (exit ${child.status}): ${(child.stderr || "").trim().split("\n").pop()}` };
  return JSON.parse(line);
}

function fmt(value) {
  if (!Number.isFinite(value)) return "-";
  return value >= 100 ? Math.round(value).toLocaleString("en-US") : value.toFixed(1);
}

function ratio(value, base) {
  if (!Number.isFinite(value) || !Number.isFinite(base) || base <= 0) return "";
  return `${value / base >= 10 ? Math.round(value / base) : (value / base).toFixed(1)}x`;
}

function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows.map((r, k) => {
    const line = r.map((cell, i) => (i < 2 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join("  ");
    return k === 0 ? `${line}\n${widths.map((w) => "-".repeat(w)).join("  ")}` : line;
  }).join("\n");
}

function main() {
  console.log(`convnet-lab benchmark: Node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "cpu"}), ` +
    `load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} at start${quick ? ", --quick" : ""}`);
  const measured = [];
  for (const backend of BACKENDS) {
    process.stdout.write(`measuring ${backend.label} ... `);
    const start = Date.now();
    const result = measure(backend.name, backend.wasmThreads);
    console.log(result.error ? `not available: ${result.error}` : `done in ${((Date.now() - start) / 1000).toFixed(0)} s`);
    const label = backend.wasmThreads && result.threads !== undefined && result.threads !== backend.wasmThreads
      ? `${backend.label} (asked; ran on ${result.threads})`
      : backend.label;
    measured.push({ ...backend, ...result, label });
  }
  const cpu = measured.find((m) => m.name === "cpu" && !m.error);
  const base = (key, field) => cpu?.results.find((r) => r.model === key)?.[field];
  const rows = [["model", "backend", "batch train/infer", "train samples/s", "vs cpu", "infer samples/s", "vs cpu", "peak RSS MB"]];
  for (const model of MODELS) {
    for (const m of measured) {
      if (m.error) continue;
      const r = m.results.find((x) => x.model === model.key);
      rows.push([
        model.label,
        m.label,
        `${r.trainBatch}/${r.inferBatch}`,
        m.canTrain ? fmt(r.trainPerSecond) : "cannot train",
        m.canTrain ? ratio(r.trainPerSecond, base(model.key, "trainPerSecond")) : "",
        fmt(r.inferPerSecond),
        ratio(r.inferPerSecond, base(model.key, "inferPerSecond")),
        fmt(m.peakRssMb),
      ]);
    }
  }
  console.log("");
  console.log(table(rows));
  console.log("");
  console.log("cpu runs smaller and fewer batches to keep the run short (it is hundreds of times slower); samples/s are per sample either way.");
  console.log("Peak RSS is the whole backend process (all three models). Numbers vary with machine load; compare ratios from one run.");
  for (const m of measured) if (m.error) console.log(`${m.label}: ${m.error}`);
}

main();
