// Rejects option keys a function does not know (a typo such as `titel` must not be ignored).
// Local to the lesson helpers until the shared checks module replaces it.
import { describeValue } from "../ops/validate";

/** Edit distance between two short strings (for "did you mean"). */
function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

/**
 * Throws unless `options` is a plain object (or undefined) whose keys are all in `allowed`;
 * the error names the unknown key, the closest allowed key and the full list.
 */
export function checkOptionKeys(caller: string, name: string, options: unknown, allowed: readonly string[]): void {
  if (options === undefined) return;
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw new Error(`${caller}: ${name} must be an object like { ${allowed[0]}: … }, got ${describeValue(options)}. Leave it out to use the defaults.`);
  }
  for (const key of Object.keys(options)) {
    if (allowed.includes(key)) continue;
    const closest = [...allowed].sort((a, b) => editDistance(key, a) - editDistance(key, b))[0];
    const hint = closest !== undefined && editDistance(key, closest) <= Math.max(2, Math.floor(key.length / 3)) ? ` Did you mean "${closest}"?` : "";
    throw new Error(`${caller}: ${name} has an unknown key "${key}".${hint} Allowed keys: ${allowed.join(", ")}.`);
  }
}
