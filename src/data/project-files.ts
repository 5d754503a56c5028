import * as fs from "fs";
import * as path from "path";

/**
 * The absolute path of a file under the project's `datasets/` folder. Works from `dist/`,
 * from the compiled tests and from notebooks, because it walks up to the folder that holds
 * both `package.json` and `datasets/`.
 */
export function datasetFilePath(relative: string, caller: string): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, "datasets", relative);
    if (fs.existsSync(path.join(dir, "package.json")) && fs.existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error(
    `${caller}: cannot find datasets/${relative} above ${__dirname}. ` +
      "The file ships with the project: restore it with `git checkout -- datasets/`.",
  );
}
