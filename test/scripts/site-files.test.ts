// The site builder removes and replaces only files it wrote (its manifest, .written-by-build-site.json)
// and nobody changed since; it never writes through a link into notebooks/ or over a source; and it
// refuses before running anything. WrittenFiles, the manifest both commands use, is tested directly too.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { spawn } from "child_process";
import { projectRoot } from "../helpers";
import { fixtureNotebooks, listFiles, runScript, skipNotebooks, snapshot, tempDir } from "./script-runs";

const allOk = path.join(fixtureNotebooks, "all-ok.ipynb");
const cellError = path.join(fixtureNotebooks, "cell-error.ipynb");
const notebooksDir = path.join(projectRoot, "notebooks");
const MANIFEST = ".written-by-build-site.json";

interface WrittenFilesType {
  dir: string;
  forbidden: Set<string>;
  whyNotWritable(rel: string): string | null;
  write(rel: string, content: string): string;
  remove(rel: string): string | null;
  recorded(): string[];
}

function buildSite(args: string[]) {
  return runScript("build-site.js", args);
}

function recorded(site: string): string[] {
  return Object.keys(
    (JSON.parse(fs.readFileSync(path.join(site, MANIFEST), "utf8")) as { files: object }).files,
  ).sort();
}

test(
  "a rebuild keeps the files a user added inside an earlier site folder, and removes only pages it wrote that are no longer built",
  { skip: skipNotebooks, timeout: 5 * 60_000 },
  () => {
    const site = path.join(tempDir("site-rebuild"), "site");
    const first = buildSite([allOk, cellError, "--out", site]);
    assert.equal(first.status, 1, first.output); // cell-error fails on purpose; its page is still written
    assert.ok(fs.existsSync(path.join(site, "lessons", "cell-error.html")));
    assert.deepEqual(
      listFiles(site).filter((f) => f !== MANIFEST),
      recorded(site),
      "the manifest must list exactly the files the build wrote",
    );
    const added = { "my-notes.md": "mine", "lessons/extra.html": "my page", "assets/my.css": "body {}" };
    for (const [rel, content] of Object.entries(added)) fs.writeFileSync(path.join(site, rel), content);

    const second = buildSite([allOk, "--out", site]);
    assert.equal(second.status, 0, second.output);
    for (const [rel, content] of Object.entries(added))
      assert.equal(fs.readFileSync(path.join(site, rel), "utf8"), content, `${rel} was changed or removed`);
    assert.equal(
      fs.existsSync(path.join(site, "lessons", "cell-error.html")),
      false,
      "a page of the earlier build that is no longer built was kept",
    );
    assert.equal(fs.existsSync(path.join(site, "lessons", "cell-error.ipynb")), false);
    assert.ok(fs.existsSync(path.join(site, "lessons", "all-ok.html")));
    assert.ok(!recorded(site).includes("my-notes.md"));

    // A stale page the user edited is theirs: kept, with a warning, and forgotten by the manifest.
    fs.appendFileSync(path.join(site, "lessons", "all-ok.html"), "<!-- my note -->");
    const edited = fs.readFileSync(path.join(site, "lessons", "all-ok.html"), "utf8");
    const third = buildSite([cellError, "--out", site]);
    assert.equal(third.status, 1, third.output);
    assert.match(
      third.stderr,
      /site: kept lessons\/all-ok\.html from an earlier build: .* was changed since build-site wrote it/,
    );
    assert.equal(fs.readFileSync(path.join(site, "lessons", "all-ok.html"), "utf8"), edited);
    assert.ok(!recorded(site).includes("lessons/all-ok.html"));
    fs.rmSync(path.dirname(site), { recursive: true, force: true });
  },
);

test(
  "a page the user edited, that the build would write again, is refused before anything runs",
  { skip: skipNotebooks, timeout: 5 * 60_000 },
  () => {
    const site = path.join(tempDir("site-edited"), "site");
    assert.equal(buildSite([allOk, "--out", site]).status, 0);
    fs.writeFileSync(path.join(site, "index.html"), "my own index");
    const run = buildSite([allOk, "--out", site]);
    assert.equal(run.status, 2, run.output);
    assert.match(
      run.stderr,
      /^build-site: nothing was built, because 1 file\(s\) of the site may not be written:\n {2}.*index\.html was changed since build-site wrote it/m,
    );
    assert.doesNotMatch(run.stdout, /running/);
    assert.equal(fs.readFileSync(path.join(site, "index.html"), "utf8"), "my own index");
    fs.rmSync(path.dirname(site), { recursive: true, force: true });
  },
);

test(
  "a user's file where the site would put a page (in an earlier site folder) is refused before anything runs",
  { skip: skipNotebooks, timeout: 5 * 60_000 },
  () => {
    const site = path.join(tempDir("site-user-page"), "site");
    assert.equal(buildSite([allOk, "--out", site]).status, 0);
    fs.writeFileSync(path.join(site, "lessons", "cell-error.html"), "my page");
    const run = buildSite([allOk, cellError, "--out", site]);
    assert.equal(run.status, 2, run.output);
    assert.match(run.stderr, /lessons\/cell-error\.html exists and was not written by build-site/);
    assert.equal(fs.readFileSync(path.join(site, "lessons", "cell-error.html"), "utf8"), "my page");
    fs.rmSync(path.dirname(site), { recursive: true, force: true });
  },
);

test(
  "a lessons/ folder linked into notebooks/ is refused before anything runs, and no lesson changes",
  { skip: skipNotebooks, timeout: 5 * 60_000 },
  () => {
    const before = snapshot(notebooksDir);
    const site = path.join(tempDir("site-linked-lessons"), "site");
    assert.equal(buildSite([allOk, "--out", site]).status, 0);
    fs.rmSync(path.join(site, "lessons"), { recursive: true });
    fs.symlinkSync(notebooksDir, path.join(site, "lessons"));
    const lesson = fs.readdirSync(notebooksDir).find((f) => /^\d\d-.*\.ipynb$/.test(f)) as string;
    const run = buildSite([path.join(notebooksDir, lesson), "--out", site]);
    assert.equal(run.status, 2, run.output);
    assert.match(
      run.stderr,
      /lessons is a symbolic link \(to .*notebooks\); build-site writes only into folders it can see are its own/,
    );
    assert.doesNotMatch(run.stdout, /running/);
    assert.deepEqual(snapshot(notebooksDir), before);
    fs.rmSync(path.dirname(site), { recursive: true, force: true });
  },
);

test("a --out linked into notebooks/, or a new folder inside it, is refused and nothing is created there", () => {
  const before = snapshot(notebooksDir);
  const dir = tempDir("site-link");
  const link = path.join(dir, "site");
  fs.symlinkSync(notebooksDir, link);
  const run = buildSite(["--out", link]);
  assert.equal(run.status, 2, run.output);
  assert.match(
    run.stderr,
    /^build-site: --out .*site \(really .*notebooks\) is inside .*notebooks, which holds the project's sources/m,
  );
  const inside = path.join(notebooksDir, "site");
  const run2 = buildSite(["--out", inside]);
  assert.equal(run2.status, 2, run2.output);
  assert.equal(fs.existsSync(inside), false);
  assert.deepEqual(snapshot(notebooksDir), before);
  fs.rmSync(dir, { recursive: true, force: true });
});

test("a site folder of an older build-site (no list of its files) is refused, not emptied", () => {
  const site = tempDir("site-old");
  fs.writeFileSync(
    path.join(site, ".convnet-site"),
    "This folder is built by scripts/build-site.js and is replaced on every build.\n",
  );
  fs.writeFileSync(path.join(site, "index.html"), "old page");
  fs.writeFileSync(path.join(site, "thesis.md"), "precious");
  const run = buildSite([allOk, "--out", site]);
  assert.equal(run.status, 2, run.output);
  assert.match(run.stderr, /made by an older build-site that kept no list of its files/);
  assert.deepEqual(fs.readdirSync(site).sort(), [".convnet-site", "index.html", "thesis.md"]);
  fs.rmSync(site, { recursive: true, force: true });
});

test("WrittenFiles: writes and replaces its own files, refuses the user's, links and sources, and removes only unchanged files of its own", () => {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { WrittenFiles } = require(path.join(projectRoot, "scripts", "written-files.js")) as {
    WrittenFiles: new (dir: string, tool: string) => WrittenFilesType;
  };
  const dir = tempDir("written-files");
  const files = new WrittenFiles(dir, "test-tool");
  files.write("a/page.html", "v1");
  files.write("a/page.html", "v2");
  assert.equal(fs.readFileSync(path.join(dir, "a", "page.html"), "utf8"), "v2");
  assert.deepEqual(files.recorded(), ["a/page.html"]);
  assert.deepEqual(fs.readdirSync(path.join(dir, "a")), ["page.html"], "a temporary file was left behind");

  fs.writeFileSync(path.join(dir, "mine.txt"), "mine");
  assert.throws(() => files.write("mine.txt", "x"), /mine\.txt exists and was not written by test-tool/);
  assert.equal(fs.readFileSync(path.join(dir, "mine.txt"), "utf8"), "mine");
  assert.match(files.remove("mine.txt") ?? "", /was not written by test-tool/);
  assert.ok(fs.existsSync(path.join(dir, "mine.txt")));

  const target = path.join(tempDir("written-files-target"), "target.txt");
  fs.writeFileSync(target, "elsewhere");
  fs.symlinkSync(target, path.join(dir, "link.txt"));
  assert.throws(() => files.write("link.txt", "x"), /link\.txt is a symbolic link/);
  assert.equal(fs.readFileSync(target, "utf8"), "elsewhere");

  files.forbidden.add(fs.realpathSync(target));
  assert.match(files.whyNotWritable("link.txt") ?? "", /is a source of this run/);
  assert.throws(() => files.write("../escape.txt", "x"), /must be a path inside the output folder/);
  assert.match(files.whyNotWritable(".written-by-test-tool.json") ?? "", /own manifest/);

  // Reopened, the manifest still knows its files; an unchanged one is removed with its empty folder.
  const reopened = new WrittenFiles(dir, "test-tool");
  assert.equal(reopened.remove("a/page.html"), null);
  assert.equal(fs.existsSync(path.join(dir, "a")), false);
  reopened.write("b.txt", "ours");
  fs.writeFileSync(path.join(dir, "b.txt"), "edited by the user");
  assert.match(reopened.remove("b.txt") ?? "", /was changed since test-tool wrote it/);
  assert.equal(fs.readFileSync(path.join(dir, "b.txt"), "utf8"), "edited by the user");
  assert.deepEqual(reopened.recorded(), []);
  assert.throws(() => new WrittenFiles(dir, "another-tool").write("b.txt", "x"), /was not written by another-tool/);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(path.dirname(target), { recursive: true, force: true });
});

test("WrittenFiles: two runs writing into one folder at once keep each other's entries (the lesson tests run two lessons side by side)", () => {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { WrittenFiles } = require(path.join(projectRoot, "scripts", "written-files.js")) as {
    WrittenFiles: new (dir: string, tool: string) => WrittenFilesType;
  };
  const dir = tempDir("written-files-shared");
  // Both open the folder before either writes, as two runs started together do.
  const first = new WrittenFiles(dir, "test-tool");
  const second = new WrittenFiles(dir, "test-tool");
  first.write("00.result.json", "first");
  second.write("01.result.json", "second");
  first.write("02.result.json", "first again");
  assert.deepEqual(new WrittenFiles(dir, "test-tool").recorded().sort(), [
    "00.result.json",
    "01.result.json",
    "02.result.json",
  ]);
  // So a later run may replace all of them, and a removal by one run keeps the other's entries.
  const later = new WrittenFiles(dir, "test-tool");
  for (const name of ["00", "01", "02"]) later.write(`${name}.result.json`, "later");
  assert.equal(first.remove("00.result.json"), null);
  assert.deepEqual(second.recorded().sort(), ["01.result.json", "02.result.json"]);

  // Two processes, each writing 40 files as fast as it can: every file ends up in the manifest.
  const writer = [
    `const { WrittenFiles } = require(${JSON.stringify(path.join(projectRoot, "scripts", "written-files.js"))});`,
    `const files = new WrittenFiles(${JSON.stringify(dir)}, "test-tool");`,
    `for (let i = 0; i < 40; i++) files.write(process.argv[1] + i + ".txt", String(i));`,
  ].join("\n");
  const children = ["a", "b"].map((prefix) =>
    spawn(process.execPath, ["-e", writer, prefix], { stdio: ["ignore", "ignore", "pipe"] }),
  );
  return Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve, reject) => {
          let stderr = "";
          child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
          child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`writer exited ${code}: ${stderr}`))));
        }),
    ),
  ).then(() => {
    const names = new WrittenFiles(dir, "test-tool").recorded().filter((name) => name.endsWith(".txt"));
    assert.equal(names.length, 80);
    assert.deepEqual(
      fs.readdirSync(dir).filter((name) => name.includes(".lock") || name.endsWith(".partial")),
      [],
      "a lock or temporary file was left behind",
    );
  });
});
