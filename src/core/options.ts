// Options objects: a typo in a key (`strides` for `stride`) is an error that names the key, the
// keys allowed and the nearest one, never a silently used default.
import { describeValue } from "./checks";

/** The keys an options type allows, as a list that exists at run time. */
export type OptionKeys<T> = readonly (keyof T & string)[];

type Missing<T, K extends readonly unknown[]> = Exclude<keyof T & string, K[number]>;

/**
 * The run-time list of an options interface's keys. `optionKeys<FooOptions>()("a", "b")` does not
 * compile when FooOptions has a key that is not listed, so the list cannot fall behind the type.
 */
export function optionKeys<T>() {
  return <const K extends readonly (keyof T & string)[]>(
    ...keys: K & ([Missing<T, K>] extends [never] ? unknown : { missingKeys: Missing<T, K> })
  ): OptionKeys<T> => keys;
}

/** Edit distance counting an insertion, deletion, substitution or swap of two neighbours as one edit. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * The candidate closest to word (ignoring case) when it is close enough to be a likely typo: a few
 * edits away (but not a different word altogether), or the one candidate the word abbreviates.
 */
export function nearestMatch(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  if (bestDistance <= Math.max(2, Math.floor(word.length / 3)) && bestDistance < word.length) return best;
  const extended = candidates.filter((c) => c.toLowerCase().startsWith(lower));
  return extended.length === 1 ? extended[0] : undefined;
}

/** Throws when object has a key that is not allowed, naming it, the nearest allowed key and all of them. */
export function rejectUnknownKeys(caller: string, name: string, object: object, allowed: readonly string[]): void {
  const unknown = Object.keys(object).filter((key) => !allowed.includes(key));
  if (unknown.length === 0) return;
  const described = unknown.map((key) => {
    const near = nearestMatch(key, allowed);
    return near ? `\`${key}\` (did you mean \`${near}\`?)` : `\`${key}\``;
  });
  const allowedText = allowed.length ? allowed.map((k) => `\`${k}\``).join(", ") : "none";
  throw new Error(
    `${caller}: ${name} has unknown key${unknown.length > 1 ? "s" : ""} ${described.join(", ")}. The keys it takes: ${allowedText}. Fix the spelling or remove the key.`,
  );
}

/**
 * Checks an optional options object or record whose keys are not typed as an interface: undefined
 * is fine, a non-object is an error, and so is an unknown key.
 */
export function checkOptionKeys(caller: string, name: string, options: unknown, allowed: readonly string[]): void {
  if (options === undefined) return;
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw new Error(
      `${caller}: ${name} must be an object like { ${allowed[0]}: … }, got ${describeValue(options)}. Leave it out to use the defaults.`,
    );
  }
  rejectUnknownKeys(caller, name, options, allowed);
}

/**
 * Checks an options object: undefined means "all defaults" (unless required), anything that is not
 * a plain object (null, a number, an array) is an error, and so is an unknown key.
 */
export function requireOptions<T extends object>(
  caller: string,
  options: unknown,
  allowed: OptionKeys<T>,
  example: string,
  how: { name?: string; required?: boolean } = {},
): T {
  const name = how.name ?? "options";
  if (options === undefined && !how.required) return {} as T;
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw new Error(
      `${caller}: ${name} must be an object like ${example}, got ${describeValue(options)}.${how.required ? "" : " Leave it out for the defaults."}`,
    );
  }
  rejectUnknownKeys(caller, name, options, allowed);
  return options as T;
}
