// The scripts' tooling: dist/ is rebuilt when src/ is newer (so a lesson never runs stale code), the
// scripts are type-checked (// @ts-check under tsconfig.scripts.json), `npm test` lists only real test
// files, and package.json's scripts call node once.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { spawnSync } from "child_process";
import { projectRoot } from "../helpers";
import { scriptsDir, tempDir } from "./script-runs";

/* eslint-disable @typescript-eslint/no-var-requires */
const { whyStale, ensureFreshBuild } = require(path.join(scriptsDir, "fresh-build.js")) as {
  whyStale(projectRoot?: string): string | null;
  ensureFreshBuild(options?: { log?: (line: string) => void; projectRoot?: string }): Promise<boolean>;
};
const { testFiles } = require(path.join(scriptsDir, "test.js")) as { testFiles(dir: string): string[] };
/* eslint-enable @typescript-eslint/no-var-requires */

const tsc = require.resolve("typescript/bin/tsc", { paths: [projectRoot] });

/** A project of one source file, the way the real one is laid out (src/ -> dist/ by tsconfig.build.json). */
function miniProject(value: number): string {
  const dir = tempDir("mini-project");
  fs.mkdirSync(path.join(dir, "src"));
  fs.writeFileSync(path.join(dir, "src", "value.ts"), `export const value: number = ${value};\n`);
  fs.writeFileSync(
    path.join(dir, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { target: "ES2020", module: "commonjs", strict: true } }),
  );
  fs.writeFileSync(
    path.join(dir, "tsconfig.build.json"),
    JSON.stringify({
      extends: "./tsconfig.json",
      compilerOptions: { rootDir: "src", outDir: "dist", declaration: true },
      include: ["src"],
    }),
  );
  return dir;
}

const setTime = (file: string, seconds: number) => fs.utimesSync(file, seconds, seconds);

test("whyStale: a missing compiled file, a source newer than its compiled copy, or newer build settings make dist/ stale", () => {
  const dir = miniProject(1);
  assert.equal(whyStale(dir), "dist/value.js is missing");
  fs.mkdirSync(path.join(dir, "dist"));
  fs.writeFileSync(path.join(dir, "dist", "value.js"), "");
  fs.writeFileSync(path.join(dir, "dist", "value.d.ts"), "");
  const t = 1_700_000_000;
  for (const f of ["tsconfig.json", "tsconfig.build.json", "src/value.ts"]) setTime(path.join(dir, f), t);
  for (const f of ["dist/value.js", "dist/value.d.ts"]) setTime(path.join(dir, f), t + 10);
  assert.equal(whyStale(dir), null);
  setTime(path.join(dir, "src", "value.ts"), t + 20);
  assert.equal(whyStale(dir), "src/value.ts is newer than dist/value.js");
  setTime(path.join(dir, "src", "value.ts"), t);
  setTime(path.join(dir, "tsconfig.build.json"), t + 20);
  assert.equal(whyStale(dir), "the build settings (tsconfig*.json) are newer than dist/value.js");
  fs.rmSync(dir, { recursive: true, force: true });
});

test("ensureFreshBuild compiles when src/ changed since the last build, and not when nothing did", async () => {
  const dir = miniProject(1);
  const lines: string[] = [];
  assert.equal(await ensureFreshBuild({ projectRoot: dir, log: (l) => lines.push(l) }), true);
  const compiled = path.join(dir, "dist", "value.js");
  assert.match(fs.readFileSync(compiled, "utf8"), /exports\.value = 1;/);
  assert.match(lines[0], /^building dist\/ \(dist\/value\.js is missing\)/);

  assert.equal(
    await ensureFreshBuild({ projectRoot: dir, log: (l) => lines.push(l) }),
    false,
    "rebuilt although nothing changed",
  );
  // The learner edits the library: the next lesson run must see the edit.
  fs.writeFileSync(path.join(dir, "src", "value.ts"), "export const value: number = 2;\n");
  const later = fs.statSync(compiled).mtimeMs / 1000 + 5;
  setTime(path.join(dir, "src", "value.ts"), later);
  assert.equal(await ensureFreshBuild({ projectRoot: dir, log: (l) => lines.push(l) }), true);
  assert.match(fs.readFileSync(compiled, "utf8"), /exports\.value = 2;/);
  assert.equal(fs.existsSync(path.join(dir, "dist", ".build-lock")), false, "the lock was left behind");
  fs.rmSync(dir, { recursive: true, force: true });
});

test("every command that runs lesson code or reads dist/ rebuilds it first when it is stale", () => {
  for (const script of ["run-notebooks.js", "build-site.js", "typecheck-notebooks.js", "train-base-model.js"]) {
    assert.match(
      fs.readFileSync(path.join(scriptsDir, script), "utf8"),
      /await ensureFreshBuild\(/,
      `${script} does not call ensureFreshBuild`,
    );
  }
});

test("npm test lists only *.test.ts files: never a helper, never the leftover of a deleted test", () => {
  const compiledRoot = path.join(projectRoot, "build-test", "test");
  const listed = testFiles(compiledRoot).map((f) => path.relative(compiledRoot, f));
  const sources: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith(".test.ts"))
        sources.push(path.relative(path.join(projectRoot, "test"), file).replace(/\.ts$/, ".js"));
    }
  };
  walk(path.join(projectRoot, "test"));
  assert.deepEqual(listed, sources.sort());
  assert.ok(!listed.some((f) => f.endsWith("lesson-tests.js") || f.endsWith("helpers.js")));
  assert.ok(
    fs.existsSync(path.join(compiledRoot, "notebooks", "lesson-tests.js")),
    "the helper is compiled (so leaving it out is the listing's doing)",
  );

  const leftover = path.join(compiledRoot, "scripts", "zz-deleted-long-ago.test.js");
  fs.writeFileSync(leftover, "require('node:test').test('stale', () => { throw new Error('must not run'); });\n");
  try {
    assert.ok(!testFiles(compiledRoot).includes(leftover));
  } finally {
    fs.rmSync(leftover, { force: true });
  }
});

test("tsconfig.scripts.json type-checks a script that opts in with // @ts-check, strictly", () => {
  const settings = JSON.parse(fs.readFileSync(path.join(projectRoot, "tsconfig.scripts.json"), "utf8")) as {
    compilerOptions: Record<string, unknown>;
    include: string[];
  };
  assert.equal(settings.compilerOptions.allowJs, true);
  assert.equal(settings.compilerOptions.noEmit, true);
  assert.deepEqual(settings.include, ["scripts/**/*.js"]);
  const dir = tempDir("ts-check");
  const bad =
    "const path = require('path');\nfunction twice(x) { return x * 2; }\npath.joinn('a');\nmodule.exports = { twice };\n";
  fs.writeFileSync(path.join(dir, "checked.js"), `// @ts-check\n${bad}`);
  fs.writeFileSync(path.join(dir, "unchecked.js"), bad);
  fs.writeFileSync(
    path.join(dir, "tsconfig.json"),
    JSON.stringify({
      extends: path.join(projectRoot, "tsconfig.scripts.json"),
      compilerOptions: { typeRoots: [path.join(projectRoot, "node_modules", "@types")] },
      include: [path.join(dir, "*.js")],
    }),
  );
  const run = spawnSync(process.execPath, [tsc, "-p", path.join(dir, "tsconfig.json")], { encoding: "utf8" });
  assert.notEqual(run.status, 0);
  assert.match(run.stdout, /checked\.js\(3,16\): error TS7006: Parameter 'x' implicitly has an 'any' type/); // strict
  assert.match(run.stdout, /checked\.js\(4,6\): error TS2551: Property 'joinn' does not exist/);
  assert.doesNotMatch(run.stdout, /unchecked\.js/);
  fs.rmSync(dir, { recursive: true, force: true });
});

test("every script opts in to the type check (// @ts-check under tsconfig.scripts.json)", () => {
  const unchecked: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith(".js") && !fs.readFileSync(file, "utf8").startsWith("// @ts-check\n"))
        unchecked.push(path.relative(scriptsDir, file));
    }
  };
  walk(scriptsDir);
  assert.deepEqual(unchecked, []);
});

test("package.json's commands run one node script each (the script rebuilds dist/ itself when needed)", () => {
  const scripts = (
    JSON.parse(fs.readFileSync(path.join(projectRoot, "package.json"), "utf8")) as { scripts: Record<string, string> }
  ).scripts;
  for (const name of [
    "lesson",
    "site",
    "train-base",
    "test",
    "test:unit",
    "test:notebooks",
    "test:browser",
    "typecheck:notebooks",
  ]) {
    assert.match(scripts[name], /^node scripts\/[a-z-]+\.js( [^&|;]*)?$/, `npm run ${name}: ${scripts[name]}`);
  }
});
