// Where the project's own files are, whether the library runs from dist/, from the compiled
// tests or from a notebook: found by walking up to convnet-lab's package.json.
import * as fs from "fs";
import * as path from "path";

/** The project folder: the nearest parent of this file holding convnet-lab's package.json. */
export function projectRoot(): string {
  let dir = __dirname;
  for (;;) {
    const manifest = path.join(dir, "package.json");
    if (fs.existsSync(manifest)) {
      try {
        if ((JSON.parse(fs.readFileSync(manifest, "utf8")) as { name?: string }).name === "convnet-lab") return dir;
      } catch {
        // not ours; keep climbing
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir)
      throw new Error(
        `projectRoot: no convnet-lab package.json above ${__dirname}. Run the library from inside the project folder.`,
      );
    dir = parent;
  }
}

/** The absolute path of a file that ships under the project's `datasets/` folder (it must exist). */
export function datasetFilePath(relative: string, caller: string): string {
  const file = path.join(projectRoot(), "datasets", relative);
  if (!fs.existsSync(file)) {
    throw new Error(
      `${caller}: ${file} is missing. The file ships with the project: restore it with \`git checkout -- datasets/${relative}\`.`,
    );
  }
  return file;
}
