// scripts/build-native.js: what `npm install` prints about the native accelerator, and how it refuses bad input.
// None of these cases compiles or touches native/build (a missing compiler stops before any file is written).
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as path from "path";
import { spawnSync } from "child_process";
import { projectRoot } from "../helpers";

const script = path.join(projectRoot, "scripts", "build-native.js");

function run(args: string[], env: Record<string, string | undefined> = {}): { status: number | null; out: string } {
  const child = spawnSync(process.execPath, [script, ...args], {
    encoding: "utf8",
    env: { ...process.env, CONVNET_NATIVE: "", ...env },
    timeout: 60_000,
  });
  return { status: child.status, out: `${child.stdout}${child.stderr}` };
}

test("build-native names the Debian packages it needs, for set-up scripts and for people", () => {
  assert.equal(run(["--debian-packages"]).out.trim(), "g++ libdnnl-dev");
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  assert.deepEqual((require(script) as { DEBIAN_PACKAGES: string[] }).DEBIAN_PACKAGES, ["g++", "libdnnl-dev"]);
});

test("without a compiler it skips in one line that says what is missing and how to get it, and npm install goes on", () => {
  const { status, out } = run(["--force"], { CXX: "no-such-compiler" });
  assert.equal(status, 0);
  assert.equal(out.trim().split("\n").length, 1);
  assert.match(
    out,
    /^convnet-lab: native accelerator skipped: no C\+\+ compiler found \(tried no-such-compiler; set CXX to choose one\) \(on Debian\/Ubuntu: sudo apt-get install g\+\+ libdnnl-dev, then npm run build:native\); wasm alone is used\.$/m,
  );
});

test("when it is required (--require or CONVNET_NATIVE=1), a failed build fails the command", () => {
  for (const [args, env] of [
    [["--force", "--require"], {}],
    [["--force"], { CONVNET_NATIVE: "1" }],
  ] as const) {
    const { status, out } = run([...args], { CXX: "no-such-compiler", ...env });
    assert.equal(status, 1);
    assert.match(out, /the native accelerator was required but could not be built: no C\+\+ compiler found/);
  }
});

test("CONVNET_NATIVE=0 skips the build and says so; bad options and values are refused with the rule", () => {
  assert.match(
    run(["--force"], { CONVNET_NATIVE: "0" }).out,
    /native accelerator skipped \(CONVNET_NATIVE=0\); wasm alone is used\./,
  );
  const badOption = run(["--froce"]);
  assert.equal(badOption.status, 2);
  assert.match(
    badOption.out,
    /^build-native: unknown option "--froce"; did you mean --force\? Known options: --force, --require, --quiet, --debian-packages, --help\./,
  );
  const badValue = run([], { CONVNET_NATIVE: "yes" });
  assert.equal(badValue.status, 2);
  assert.match(
    badValue.out,
    /CONVNET_NATIVE is "yes", but it must be "0" \(skip the native accelerator\) or "1" \(require it\)\. Unset it/,
  );
});
