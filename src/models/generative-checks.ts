/** Throws the library's standard message when an option is not a whole number in range. */
export function checkWholeOption(caller: string, name: string, value: unknown, min: number, example: number): void {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min) {
    throw new Error(`${caller}: ${name} must be a whole number ≥ ${min}, got ${JSON.stringify(value)}. Pass e.g. { ${name}: ${example} }.`);
  }
}
