// Every script answers --help with its usage (not a stack trace), names an unknown flag with the
// nearest known one, shows a bad value exactly as typed, and prints each error once with its own
// name ("build-site: ...", never "build-site: build-site: ..."). scripts/cli.js is tested directly too.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { spawnSync, SpawnSyncReturns } from "child_process";
import { projectRoot } from "../helpers";
import { runScript, scriptsDir, tempDir } from "./script-runs";

/* eslint-disable @typescript-eslint/no-var-requires */
const cli = require(path.join(scriptsDir, "cli.js")) as {
  parseArgs(spec: object, argv: string[]): { flags: Record<string, unknown>; positionals: string[]; help: boolean };
  nearest(typed: string, known: string[]): string | null;
  values: { positiveWhole(unit: string): (text: string, flag: string) => number };
};
/* eslint-enable @typescript-eslint/no-var-requires */

/** The scripts of this branch, each with a misspelt flag and the flag it should suggest. */
const SCRIPTS = [
  { script: "run-notebooks.js", program: "run-notebooks", typo: "--outt", meant: "--out" },
  { script: "build-site.js", program: "build-site", typo: "--glosary", meant: "--glossary" },
  { script: "train-base-model.js", program: "train-base-model", typo: "--if-mising", meant: "--if-missing" },
  { script: "notebook-text.js", program: "notebook-text", typo: "--forse", meant: "--force" },
  { script: "typecheck-notebooks.js", program: "typecheck-notebooks", typo: "--hlep", meant: "--help" },
  { script: "test.js", program: "test", typo: "--unti", meant: "--unit" },
  { script: "prepare-datasets.js", program: "prepare-datasets", typo: "--hepl", meant: "--help" },
  { script: "register-kernel.js", program: "register-kernel", typo: "--hlep", meant: "--help" },
  { script: "setup.js", program: "setup", typo: "--chek", meant: "--check" },
];

const STACK_FRAME = /^\s+at .+\(.*:\d+:\d+\)$|^\s+at node:/m;

for (const { script, program, typo, meant } of SCRIPTS) {
  test(`${script} --help prints its usage and does nothing else`, () => {
    for (const flag of ["--help", "-h"]) {
      const run = runScript(script, [flag], { timeoutMs: 60_000 });
      assert.equal(run.status, 0, run.output);
      assert.match(run.stdout, /^usage: /);
      assert.match(run.stdout, /\n {2}-h, --help +show this help\n/);
      assert.equal(run.stderr, "", run.output);
    }
  });

  test(`${script}: an unknown flag is an error that names it and the nearest known flag, with no stack trace`, () => {
    const run = runScript(script, [typo], { timeoutMs: 60_000 });
    assert.equal(run.status, 2, run.output);
    assert.equal(run.stdout, "", run.output);
    assert.match(
      run.stderr,
      new RegExp(`^${program}: unknown option "${typo}"; did you mean ${meant}\\? Known options: .*--help\\.\\n`),
    );
    assert.doesNotMatch(run.stderr, STACK_FRAME);
    const unrelated = runScript(script, ["--zzzzzzzzzz"], { timeoutMs: 60_000 });
    assert.match(unrelated.stderr, new RegExp(`^${program}: unknown option "--zzzzzzzzzz"\\. Known options:`));
  });
}

test("a bad flag value is shown exactly as typed, with the rule and an example", () => {
  for (const value of ["15m", "1e3", "-5", "0", "", " 900"]) {
    const run = runScript("run-notebooks.js", ["00", "--cell-timeout", value], { timeoutMs: 60_000 });
    assert.equal(run.status, 2, run.output);
    assert.ok(
      run.stderr.startsWith(
        `run-notebooks: --cell-timeout ${value === "" ? 'needs a value (SECONDS), got ""' : `must be a whole number of seconds greater than 0, written in digits, got ${JSON.stringify(value)}`}`,
      ),
      run.output,
    );
  }
  const missing = runScript("build-site.js", ["--out"]);
  assert.match(missing.stderr, /^build-site: --out needs a value \(DIR\), got nothing\. Write --out DIR\./);
  const notebookText = runScript("notebook-text.js", ["to-txet", "x.ipynb"]);
  assert.match(
    notebookText.stderr,
    /^notebook-text: the command must be to-text or from-text, got "to-txet"; did you mean to-text\?/,
  );
  const contradiction = runScript("train-base-model.js", ["--force", "--if-missing"]);
  assert.match(contradiction.stderr, /^train-base-model: --force and --if-missing contradict each other/);
  const testPath = runScript("test.js", ["src/ops"]);
  assert.match(testPath.stderr, /^test: "src\/ops" is not inside test\//);
});

test("errors carry the program's name once: no doubled prefix, also for errors raised by shared modules", () => {
  const out = tempDir("cli-prefix");
  const runs = [
    runScript("build-site.js", ["--bogus"]),
    runScript("build-site.js", ["no-such-lesson", "--out", path.join(out, "site")]), // raised in run-notebooks.js
    runScript("build-site.js", ["00", "--out", projectRoot]), // raised in written-files.js
    runScript("run-notebooks.js", ["no-such-lesson"]),
    runScript("run-notebooks.js", ["00", "--out", path.join(projectRoot, "notebooks")]),
    runScript("typecheck-notebooks.js", ["no-such-lesson"]), // raised in run-notebooks.js
    runScript("notebook-text.js", ["to-text", path.join(out, "missing.ipynb")]),
    runScript("train-base-model.js", ["--dir", path.join(projectRoot, "package.json")]),
  ];
  for (const run of runs) {
    assert.notEqual(run.status, 0, run.output);
    const first = run.stderr.split("\n")[0];
    assert.match(first, /^[a-z-]+: \S/, run.output);
    const program = first.slice(0, first.indexOf(":"));
    assert.doesNotMatch(run.stderr, /^([a-z-]+): \1: /m, run.output);
    assert.doesNotMatch(
      first.slice(program.length + 2),
      /^(build-site|run-notebooks|notebook-text|typecheck-notebooks|train-base-model|prepare-datasets|test): /,
      `another script's name after ${program}'s:\n${run.output}`,
    );
    assert.doesNotMatch(run.stderr, STACK_FRAME, run.output);
  }
  fs.rmSync(out, { recursive: true, force: true });
});

test("no script message is written with its program's name in front (the class of the doubled-prefix bug)", () => {
  const offenders: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith(".js")) {
        fs.readFileSync(file, "utf8")
          .split("\n")
          .forEach((line, i) => {
            // A CliError's message gets the program's name from runCli; written into the message, it shows twice.
            if (/new CliError\(\s*[`"'][a-z][a-z-]*: /.test(line))
              offenders.push(`${path.relative(projectRoot, file)}:${i + 1}: ${line.trim()}`);
          });
      }
    }
  };
  walk(scriptsDir);
  assert.deepEqual(offenders, []);
});

test("parseArgs: --flag=value, switches, `--`, a flag given twice, a switch given a value, counts of arguments", () => {
  const spec = {
    program: "demo",
    usage: ["demo"],
    summary: "demo",
    positionals: { name: "FILE...", help: "files", max: 2 },
    flags: {
      "--out": { value: "DIR", help: "out" },
      "--full": { help: "full" },
      "--seconds": { value: "S", help: "s", parse: cli.values.positiveWhole("seconds") },
    },
  };
  assert.deepEqual(cli.parseArgs(spec, ["a", "--out=x", "--full", "--seconds", "12"]), {
    flags: { "--out": "x", "--full": true, "--seconds": 12 },
    positionals: ["a"],
    help: false,
  });
  assert.deepEqual(cli.parseArgs(spec, ["--", "--full"]).positionals, ["--full"]);
  assert.equal(cli.parseArgs(spec, ["--outt", "--help"]).help, true, "--help wins over other mistakes");
  assert.throws(() => cli.parseArgs(spec, ["--out", "a", "--out", "b"]), /--out is given twice/);
  assert.throws(() => cli.parseArgs(spec, ["--full=yes"]), /--full takes no value, got "yes"/);
  assert.throws(() => cli.parseArgs(spec, ["a", "b", "c"]), /takes at most 2 FILE\.\.\. arguments, got 3/);
  assert.throws(() => cli.parseArgs(spec, ["-out", "x"]), /unknown option "-out"; did you mean --out\?/);
  assert.throws(
    () => cli.parseArgs(spec, ["--seconds", "12.5"]),
    /--seconds must be a whole number of seconds greater than 0, written in digits, got "12\.5"/,
  );
  assert.throws(() => cli.parseArgs({ ...spec, positionals: undefined }, ["stray"]), /takes no arguments, got "stray"/);
  assert.deepEqual(cli.parseArgs({ ...spec, passUnknown: true }, ["--port", "8890"]).positionals, ["--port", "8890"]);
});

test("nearest: a close spelling or a unique prefix is suggested, an unrelated word is not", () => {
  const known = ["--out", "--full", "--no-html", "--keep-going", "--cell-timeout", "--json", "--help"];
  assert.equal(cli.nearest("--keepgoing", known), "--keep-going");
  assert.equal(cli.nearest("--cell_timeout", known), "--cell-timeout");
  assert.equal(cli.nearest("--cell", known), "--cell-timeout");
  assert.equal(cli.nearest("--JSON", known), "--json");
  assert.equal(cli.nearest("--frobnicate", known), null);
});

test("the two Python helpers answer --help with their description", () => {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { findNotebookPython } = require(path.join(scriptsDir, "lib.js")) as { findNotebookPython(): string | null };
  const python = findNotebookPython();
  if (!python) return; // no Python with nbclient: the runner says so itself (tested by its own error path)
  const helpers: [string, string][] = [
    ["notebook_driver.py", "Executes notebooks through a Jupyter kernel"],
    ["site/render_pages.py", "Renders the course site's pages"],
  ];
  for (const [file, first] of helpers) {
    const help: SpawnSyncReturns<string> = spawnSync(python, [path.join(scriptsDir, file), "--help"], {
      encoding: "utf8",
    });
    const text = `${help.stdout}\n${help.stderr}`;
    assert.equal(help.status, 0, text);
    assert.ok(text.includes(first), text);
  }
});

// npm start passes unknown flags on to Jupyter, so only --help is its own; postinstall is not run
// here (a typo would run the install steps), only checked to use the shared parser.
test("start.js --help prints its usage and starts nothing", () => {
  const run = runScript("start.js", ["--help"], { timeoutMs: 60_000 });
  assert.equal(run.status, 0, run.output);
  assert.match(run.stdout, /^usage: npm start/);
  assert.equal(run.stderr, "", run.output);
});

for (const script of ["start.js", "postinstall.js", "register-kernel.js", "setup.js", "bench.js"]) {
  test(`${script} uses scripts/cli.js`, () => {
    assert.ok(
      fs.readFileSync(path.join(scriptsDir, script), "utf8").includes('require("./cli")'),
      `${script} does not use scripts/cli.js yet`,
    );
  });
}

test("parseCommandLine (for top-level scripts): --help prints the usage and exits 0; a bad flag exits 2 with one message", () => {
  const spec = {
    program: "demo",
    usage: ["demo [--quick]"],
    summary: "A demo.",
    flags: { "--quick": { help: "fast" } },
  };
  const run = (argv: string[]) =>
    spawnSync(
      process.execPath,
      [
        "-e",
        `const a = require(${JSON.stringify(path.join(scriptsDir, "cli.js"))}).parseCommandLine(${JSON.stringify(spec)}, ${JSON.stringify(argv)}); console.log(JSON.stringify(a.flags));`,
      ],
      { encoding: "utf8" },
    );
  const help = run(["--help"]);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /^usage: demo \[--quick\]\n\nA demo\.\n/);
  const typo = run(["--quik"]);
  assert.equal(typo.status, 2);
  assert.equal(typo.stdout, "");
  assert.match(typo.stderr, /^demo: unknown option "--quik"; did you mean --quick\?/);
  assert.equal(run(["--quick"]).stdout, '{"--quick":true}\n');
});
