// The set-up that `npm install` runs: one package list (quoted by the README, not repeated by CI),
// the opt-out, clear messages instead of stack traces, and a quick "nothing to do" when done.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { spawnSync } from "child_process";
import { projectRoot } from "../helpers";

// eslint-disable-next-line @typescript-eslint/no-var-requires
const packages = require(path.join(projectRoot, "scripts", "setup-packages.js"));
// eslint-disable-next-line @typescript-eslint/no-var-requires
const setup = require(path.join(projectRoot, "scripts", "setup.js"));
const setupScript = path.join(projectRoot, "scripts", "setup.js");

function runSetup(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [setupScript, ...args], {
    encoding: "utf8",
    env: { ...process.env, ...env },
    timeout: 120_000,
  });
}

test("the README quotes the Debian install command built from the one package list", () => {
  const readme = fs.readFileSync(path.join(projectRoot, "README.md"), "utf8");
  const command = packages.aptCommand(packages.debianPackages());
  assert.ok(readme.includes(command), `README.md must contain the exact command\n  ${command}`);
  assert.ok(
    readme.includes(packages.PIP_PACKAGES.join(" ")),
    `README.md must name the pip pins ${packages.PIP_PACKAGES.join(" ")}`,
  );
});

test("CI installs through the project's own set-up, not a list of its own", () => {
  const ci = fs.readFileSync(path.join(projectRoot, ".ci", "run"), "utf8");
  assert.doesNotMatch(ci, /apt-get install/, ".ci/run must leave system packages to `npm install` (scripts/setup.js)");
  const words = new Set(ci.split(/[\s()"'=]+/));
  for (const name of packages.debianPackages()) assert.ok(!words.has(name), `.ci/run repeats the package ${name}`);
  assert.match(ci, /npm ci/);
  assert.match(ci, /npm test/);
});

test("CONVNET_NO_SETUP=1 skips the set-up and says so", () => {
  const result = runSetup([], { CONVNET_NO_SETUP: "1" });
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /skipped \(CONVNET_NO_SETUP=1\)/);
  assert.doesNotMatch(result.stdout, /apt-get|webpack|npm ci/);
});

test("an unknown option is a one-line error, not a stack trace", () => {
  const result = runSetup(["--chek"]);
  assert.equal(result.status, 2);
  assert.match(result.stderr, /^setup: unknown option "--chek"; did you mean --check\?/);
  assert.doesNotMatch(result.stderr, /\n\s+at /);
});

test(
  "a missing Debian package is reported with the exact command to run",
  { skip: setup.linuxFamily() === "debian" ? false : "not a Debian/Ubuntu machine" },
  () => {
    const message = setup.installDebianPackages(["convnet-no-such-package"], "check");
    assert.match(
      message,
      /missing Debian packages: convnet-no-such-package; run: (sudo )?apt-get update && (sudo )?apt-get install -y convnet-no-such-package/,
    );
    assert.deepEqual(setup.missingDebianPackages(["convnet-no-such-package", "dpkg"]), ["convnet-no-such-package"]);
  },
);

test("after `npm install` the set-up has nothing left to do, and says so quickly", () => {
  const result = runSetup(["--check"]);
  assert.equal(result.status, 0, `set-up is not complete:\n${result.stdout}${result.stderr}`);
  assert.match(result.stdout, /set-up: done/);
});
