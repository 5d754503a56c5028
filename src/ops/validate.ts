// Input checks shared by the ops: each throws an Error naming the caller, the argument,
// the bad value, the rule and a fix.

/** A 2-D array of numbers, row by row: matrix[row][column]. */
export type Matrix = number[][];
/** A stack of 2-D maps, channel first: volume[channel][row][column] (CHW, as PyTorch). */
export type Volume = number[][][];

/** Short text for a value in an error message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "undefined";
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (typeof value === "object" && value !== null) return `an object`;
  return JSON.stringify(value);
}

/** Throws unless value is a whole number ≥ min. */
export function checkWholeNumber(caller: string, name: string, value: unknown, min: number): asserts value is number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min) {
    throw new Error(`${caller}: ${name} must be a whole number ≥ ${min}, got ${describeValue(value)}. Pass e.g. ${name}: ${Math.max(min, 1)}.`);
  }
}

/** Throws unless matrix is a non-empty rectangle of finite numbers. */
export function checkMatrix(caller: string, name: string, matrix: unknown): asserts matrix is Matrix {
  if (!Array.isArray(matrix) || matrix.length === 0 || !Array.isArray(matrix[0]) || matrix[0].length === 0) {
    throw new Error(`${caller}: ${name} must be a non-empty 2-D array (number[][]), got ${describeValue(matrix)}. Pass e.g. [[1, 2], [3, 4]].`);
  }
  const width = (matrix[0] as unknown[]).length;
  matrix.forEach((row: unknown, r: number) => {
    if (!Array.isArray(row) || row.length !== width) {
      throw new Error(`${caller}: ${name} row ${r} has ${Array.isArray(row) ? row.length : "no"} values but row 0 has ${width}. Every row must have the same length.`);
    }
    row.forEach((v: unknown, c: number) => {
      if (typeof v !== "number" || !Number.isFinite(v)) {
        throw new Error(`${caller}: ${name}[${r}][${c}] is ${describeValue(v)}; every entry must be a finite number. Replace it (e.g. with 0).`);
      }
    });
  });
}

/** Throws unless volume is a non-empty list of matrices that all have the same size. */
export function checkVolume(caller: string, name: string, volume: unknown): asserts volume is Volume {
  if (!Array.isArray(volume) || volume.length === 0) {
    throw new Error(`${caller}: ${name} must be a non-empty array of channels (number[][][], channel first), got ${describeValue(volume)}. Wrap a single matrix m as [m].`);
  }
  volume.forEach((channel: unknown, c: number) => checkMatrix(caller, `${name}[${c}]`, channel));
  const rows = volume[0].length;
  const cols = volume[0][0].length;
  volume.forEach((channel: Matrix, c: number) => {
    if (channel.length !== rows || channel[0].length !== cols) {
      throw new Error(`${caller}: ${name}[${c}] is ${channel.length}x${channel[0].length} but ${name}[0] is ${rows}x${cols}. All channels must have the same height and width.`);
    }
  });
}

/** A number or a [rows, columns] pair, as two numbers. */
export function pairOf(caller: string, name: string, value: unknown, min: number): [number, number] {
  if (Array.isArray(value)) {
    if (value.length !== 2) throw new Error(`${caller}: ${name} must be a number or a [rows, columns] pair, got an array of length ${value.length}. Pass e.g. ${name}: 2 or [2, 1].`);
    checkWholeNumber(caller, `${name}[0]`, value[0], min);
    checkWholeNumber(caller, `${name}[1]`, value[1], min);
    return [value[0], value[1]];
  }
  checkWholeNumber(caller, name, value, min);
  return [value, value];
}

/** A new rows x cols matrix filled with `value`. */
export function filledMatrix(rows: number, cols: number, value = 0): Matrix {
  return Array.from({ length: rows }, () => new Array<number>(cols).fill(value));
}
