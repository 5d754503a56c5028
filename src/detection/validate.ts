// Argument checks shared by the detection helpers (internal; not exported from the library).

export function describe(value: unknown): string {
  if (typeof value === "number") return String(value);
  try {
    const text = JSON.stringify(value);
    return text === undefined ? String(value) : text.length > 80 ? `${text.slice(0, 77)}...` : text;
  } catch {
    return String(value);
  }
}

export function requireFinite(caller: string, name: string, value: unknown, fix: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new Error(`${caller}: ${name} must be a finite number, got ${describe(value)}. ${fix}`);
  }
  return value;
}

export function requireInteger(caller: string, name: string, value: unknown, min: number, fix: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min) {
    throw new Error(`${caller}: ${name} must be a whole number ≥ ${min}, got ${describe(value)}. ${fix}`);
  }
  return value;
}

export function requireInRange(caller: string, name: string, value: unknown, low: number, high: number, fix: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < low || value > high) {
    throw new Error(`${caller}: ${name} must be a number between ${low} and ${high}, got ${describe(value)}. ${fix}`);
  }
  return value;
}

/** A non-empty rectangular number[][]; returns [rows, columns]. */
export function requireMatrix(caller: string, name: string, value: unknown): [number, number] {
  if (!Array.isArray(value) || value.length === 0 || !Array.isArray(value[0]) || value[0].length === 0) {
    throw new Error(`${caller}: ${name} must be a non-empty 2-D array (number[][]), got ${describe(value)}. Pass e.g. [[1, 2], [3, 4]].`);
  }
  const columns = (value[0] as unknown[]).length;
  value.forEach((row: unknown, i: number) => {
    if (!Array.isArray(row) || row.length !== columns) {
      throw new Error(`${caller}: ${name} row ${i} has ${Array.isArray(row) ? row.length : "no"} values but row 0 has ${columns}. All rows must have the same length.`);
    }
    row.forEach((v: unknown, j: number) => {
      if (typeof v !== "number" || !Number.isFinite(v)) {
        throw new Error(`${caller}: ${name}[${i}][${j}] must be a finite number, got ${describe(v)}. Replace NaN/Infinity/non-numbers.`);
      }
    });
  });
  return [value.length, columns];
}
