// How the check helpers write numbers (internal: not re-exported by src/exercises/index.ts).

/** A number as a learner reads it: whole numbers with thousands separators, others with a few significant digits. */
export function formatNumber(value: number, digits = 6): string {
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "Infinity" : "-Infinity";
  if (value === 0) return "0";
  const size = Math.abs(value);
  if (Number.isInteger(value) && size < 1e21) return size >= 1e4 ? value.toLocaleString("en-US") : String(value);
  if (size < 1e-3 || size >= 1e9)
    return value
      .toExponential(digits - 1)
      .replace(/\.?0+e/, "e")
      .replace("e+", "e");
  return String(Number(value.toPrecision(digits)));
}
