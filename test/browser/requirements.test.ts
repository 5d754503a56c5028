// Without Chromium or Jupyter the browser tests must fail with a clear message, not pass.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { requireChromium, browserSkip } from "./chromium";
import { requireClassicNotebook } from "./notebook-server";

function withEnv(name: string, value: string | undefined, fn: () => void): void {
  const saved = process.env[name];
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
  try {
    fn();
  } finally {
    if (saved === undefined) delete process.env[name];
    else process.env[name] = saved;
  }
}

test("a missing Chromium is an error that says how to install it or skip", () => {
  withEnv("CONVNET_CHROMIUM", "/nonexistent/chromium", () => {
    assert.throws(
      () => requireChromium(),
      /No Chromium found \(looked at \/nonexistent\/chromium\).*apt-get install chromium.*CONVNET_SKIP_BROWSER=1/,
    );
  });
});

test("a missing classic Notebook is an error that says how to install it or skip", () => {
  withEnv("PATH", "/nonexistent", () => {
    assert.throws(
      () => requireClassicNotebook(),
      /classic Jupyter Notebook is not installed[\s\S]*apt-get install -y jupyter-notebook[\s\S]*CONVNET_SKIP_BROWSER=1/,
    );
  });
});

test("the browser tests are skipped only when CONVNET_SKIP_BROWSER=1", () => {
  withEnv("CONVNET_SKIP_BROWSER", undefined, () => assert.equal(browserSkip(), false));
  withEnv("CONVNET_SKIP_BROWSER", "0", () => assert.equal(browserSkip(), false));
  withEnv("CONVNET_SKIP_BROWSER", "1", () => assert.match(String(browserSkip()), /skipped/));
});
