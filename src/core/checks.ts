// The argument checks every folder uses. Each throws an Error that names the caller, the
// argument, the bad value, the rule and a fix. Naming rule: `require*` returns the checked
// value, `check*` only asserts.

/** A 2-D array of numbers, row by row: matrix[row][column]. */
export type Matrix = number[][];
/** A stack of 2-D maps, channel first: volume[channel][row][column] (CHW, as PyTorch). */
export type Volume = number[][][];

const MAX_INLINE = 80;

function inline(value: unknown, depth: number): string | undefined {
  if (
    value === null ||
    value === undefined ||
    typeof value === "number" ||
    typeof value === "boolean" ||
    typeof value === "bigint"
  )
    return String(value);
  if (typeof value === "string") return JSON.stringify(value);
  if (depth > 1) return undefined;
  if (Array.isArray(value)) {
    if (value.length > 8) return undefined;
    const parts = value.map((v) => inline(v, depth + 1));
    return parts.every((p) => p !== undefined) ? `[${parts.join(", ")}]` : undefined;
  }
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length > 6) return undefined;
    const parts = entries.map(([k, v]) => {
      const text = inline(v, depth + 1);
      return text === undefined ? undefined : `${k}: ${text}`;
    });
    return parts.every((p) => p !== undefined) ? `{${parts.join(", ")}}` : undefined;
  }
  return undefined;
}

/**
 * Short text for a value in an error message. Numbers are shown as JavaScript prints them
 * (NaN, Infinity, never "null" as JSON.stringify would), strings quoted, small arrays and
 * plain objects in full, anything larger by its kind and size.
 */
export function describeValue(value: unknown): string {
  const text = inline(value, 0);
  if (text !== undefined && text.length <= MAX_INLINE) return text;
  if (typeof value === "string")
    return `a string of ${value.length} characters (${JSON.stringify(value.slice(0, 40))}…)`;
  if (typeof value === "function") return "a function";
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (ArrayBuffer.isView(value))
    return `a ${value.constructor.name} of length ${(value as unknown as ArrayLike<number>).length}`;
  if (typeof value === "object" && value !== null) {
    const shape = (value as { shape?: unknown }).shape;
    if (Array.isArray(shape) && typeof (value as { dtype?: unknown }).dtype === "string")
      return `a tensor of shape [${shape.join(", ")}]`;
    const name = Object.getPrototypeOf(value)?.constructor?.name;
    if (name && name !== "Object") return `a ${name}`;
    return `an object with keys [${Object.keys(value).join(", ")}]`;
  }
  return String(value);
}

/** Bounds for requireNumber: inclusive (min, max) or exclusive (above, below). */
export interface NumberRule {
  /** Only whole numbers (default false: any finite number). */
  whole?: boolean;
  min?: number;
  max?: number;
  above?: number;
  below?: number;
  /** The sentence after the rule, saying how to fix it (default: "Pass e.g. name: example."). */
  fix?: string;
  /** The value the default fix suggests. */
  example?: number;
}

function ruleText(rule: NumberRule): string {
  const kind = rule.whole ? "a whole number" : "a finite number";
  const { min, max, above, below } = rule;
  const low = min !== undefined ? `[${min}` : above !== undefined ? `(${above}` : undefined;
  const high = max !== undefined ? `${max}]` : below !== undefined ? `${below})` : undefined;
  if (min !== undefined && max !== undefined) return `${kind} from ${min} to ${max}`;
  if (low && high) return `${kind} in ${low}, ${high}`;
  if (min !== undefined) return `${kind} ≥ ${min}`;
  if (above !== undefined) return `${kind} > ${above}`;
  if (max !== undefined) return `${kind} ≤ ${max}`;
  if (below !== undefined) return `${kind} < ${below}`;
  return kind;
}

function exampleOf(rule: NumberRule): number {
  const low = Math.max(rule.min ?? -Infinity, rule.above !== undefined ? rule.above + 1 : -Infinity);
  let v = Math.max(low, 1);
  if (rule.max !== undefined) v = Math.min(v, rule.max);
  if (rule.below !== undefined && v >= rule.below)
    v = rule.whole ? rule.below - 1 : (Math.max(low, rule.min ?? rule.above ?? 0) + rule.below) / 2;
  return v;
}

/** Whether value satisfies the rule (a number, finite, whole if asked, inside the bounds). */
export function meetsRule(value: unknown, rule: NumberRule): value is number {
  if (typeof value !== "number" || !Number.isFinite(value)) return false;
  if (rule.whole && !Number.isInteger(value)) return false;
  if (rule.min !== undefined && value < rule.min) return false;
  if (rule.max !== undefined && value > rule.max) return false;
  if (rule.above !== undefined && !(value > rule.above)) return false;
  if (rule.below !== undefined && !(value < rule.below)) return false;
  return true;
}

/** Returns value when it is a number that meets the rule; otherwise throws naming the rule. */
export function requireNumber(caller: string, name: string, value: unknown, rule: NumberRule = {}): number {
  if (!meetsRule(value, rule)) {
    const fix = rule.fix ?? `Pass e.g. ${name}: ${rule.example ?? exampleOf(rule)}.`;
    throw new Error(`${caller}: ${name} must be ${ruleText(rule)}, got ${describeValue(value)}. ${fix}`);
  }
  return value;
}

/** Returns value when it is a whole number ≥ min (and ≤ max when given); `fix` is a sentence or an example value. */
export function requireWholeNumber(
  caller: string,
  name: string,
  value: unknown,
  min = 1,
  fix?: string | number,
  max?: number,
): number {
  return requireNumber(caller, name, value, {
    whole: true,
    min,
    max,
    ...(typeof fix === "number" ? { example: fix } : { fix }),
  });
}

/** Returns seed when it is a whole number from 0 to 2³² − 1 (what the seeded generator takes). */
export function requireSeed(caller: string, seed: unknown, name = "seed"): number {
  return requireWholeNumber(caller, name, seed, 0, 42, 0xffffffff);
}

/** A number or a [rows, columns] pair of whole numbers ≥ min, as two numbers. */
export function requirePair(caller: string, name: string, value: unknown, min = 1): [number, number] {
  if (Array.isArray(value)) {
    if (value.length !== 2)
      throw new Error(
        `${caller}: ${name} must be a number or a [rows, columns] pair, got ${describeValue(value)}. Pass e.g. ${name}: 2 or [2, 1].`,
      );
    return [
      requireWholeNumber(caller, `${name}[0]`, value[0], min),
      requireWholeNumber(caller, `${name}[1]`, value[1], min),
    ];
  }
  const v = requireWholeNumber(caller, name, value, min);
  return [v, v];
}

/** Returns value when it is one of the choices. */
export function requireChoice<T>(
  caller: string,
  name: string,
  value: unknown,
  choices: readonly T[],
  fix = "Pick one of those.",
): T {
  if (!choices.includes(value as T)) {
    throw new Error(
      `${caller}: ${name} must be one of ${choices.map((c) => describeValue(c)).join(", ")}, got ${describeValue(value)}. ${fix}`,
    );
  }
  return value as T;
}

/** Returns value when it is true or false. */
export function requireBoolean(caller: string, name: string, value: unknown): boolean {
  return requireChoice(caller, name, value, [true, false], `Pass ${name}: true or ${name}: false.`);
}

/** Returns value when it is a non-empty string. */
export function requireText(caller: string, name: string, value: unknown, fix: string): string {
  if (typeof value !== "string" || value.trim() === "")
    throw new Error(`${caller}: ${name} must be a non-empty string, got ${describeValue(value)}. ${fix}`);
  return value;
}

/** Throws unless values is an array-like of finite numbers (of the given length, when given). */
export function checkFiniteNumbers(
  caller: string,
  name: string,
  values: unknown,
  fix: string,
  length?: number,
): asserts values is ArrayLike<number> {
  const list = values as ArrayLike<unknown>;
  if (
    list === null ||
    typeof list !== "object" ||
    typeof list.length !== "number" ||
    (length !== undefined && list.length !== length)
  ) {
    const want = length === undefined ? "an array of finite numbers" : `an array of ${length} finite number(s)`;
    throw new Error(`${caller}: ${name} must be ${want}, got ${describeValue(values)}. ${fix}`);
  }
  for (let i = 0; i < list.length; i++) {
    if (typeof list[i] !== "number" || !Number.isFinite(list[i])) {
      throw new Error(
        `${caller}: ${name}[${i}] is ${describeValue(list[i])}; every entry must be a finite number. ${fix}`,
      );
    }
  }
}

/** Throws unless matrix is a non-empty rectangle of finite numbers. */
export function checkMatrix(caller: string, name: string, matrix: unknown): asserts matrix is Matrix {
  if (!Array.isArray(matrix) || matrix.length === 0 || !Array.isArray(matrix[0]) || matrix[0].length === 0) {
    throw new Error(
      `${caller}: ${name} must be a non-empty 2-D array (number[][]), got ${describeValue(matrix)}. Pass e.g. [[1, 2], [3, 4]].`,
    );
  }
  const width = (matrix[0] as unknown[]).length;
  matrix.forEach((row: unknown, r: number) => {
    if (!Array.isArray(row) || row.length !== width) {
      throw new Error(
        `${caller}: ${name} row ${r} has ${Array.isArray(row) ? row.length : "no"} values but row 0 has ${width}. Every row must have the same length.`,
      );
    }
    row.forEach((v: unknown, c: number) => {
      if (typeof v !== "number" || !Number.isFinite(v)) {
        throw new Error(
          `${caller}: ${name}[${r}][${c}] is ${describeValue(v)}; every entry must be a finite number. Replace it (e.g. with 0).`,
        );
      }
    });
  });
}

/** Throws unless volume is a non-empty list of matrices that all have the same size. */
export function checkVolume(caller: string, name: string, volume: unknown): asserts volume is Volume {
  if (!Array.isArray(volume) || volume.length === 0) {
    throw new Error(
      `${caller}: ${name} must be a non-empty array of channels (number[][][], channel first), got ${describeValue(volume)}. Wrap a single matrix m as [m].`,
    );
  }
  volume.forEach((channel: unknown, c: number) => checkMatrix(caller, `${name}[${c}]`, channel));
  const rows = volume[0].length;
  const cols = volume[0][0].length;
  volume.forEach((channel: Matrix, c: number) => {
    if (channel.length !== rows || channel[0].length !== cols) {
      throw new Error(
        `${caller}: ${name}[${c}] is ${channel.length}x${channel[0].length} but ${name}[0] is ${rows}x${cols}. All channels must have the same height and width.`,
      );
    }
  });
}
