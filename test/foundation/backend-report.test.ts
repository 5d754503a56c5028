// The library chooses the best backend that loads and says which, and why it passed over better ones.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { initBackend, backendInfo, describeBackend } from "../../src/backend";

function tfjsNodeInstalled(): boolean {
  try {
    require.resolve("@tensorflow/tfjs-node");
    return true;
  } catch {
    return false;
  }
}

test("initBackend picks tfjs-node when installed, else wasm, and reports why it fell back", async () => {
  const info = await initBackend({ quiet: true });
  assert.equal(backendInfo(), info);
  if (tfjsNodeInstalled()) {
    assert.equal(info.name, "tensorflow");
    assert.deepEqual(info.fallbacks, []);
  } else {
    assert.equal(info.name, "wasm");
    assert.equal(info.fallbacks.length, 1);
    assert.match(info.fallbacks[0], /@tensorflow\/tfjs-node/);
    assert.match(describeBackend(info), /Fell back because @tensorflow\/tfjs-node/);
  }
  assert.match(info.version, /^\d+\.\d+\.\d+/);
});

test("a forced backend is used, and an unknown name is refused with the allowed names", async () => {
  const cpu = await initBackend({ backend: "cpu", quiet: true });
  assert.equal(cpu.name, "cpu");
  assert.equal(cpu.canTrain, true);
  await assert.rejects(
    initBackend({ backend: "gpu" as "cpu", quiet: true }),
    /backend "gpu" is not one of tensorflow, wasm, cpu/,
  );
});
