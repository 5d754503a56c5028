import { describeValue } from "../core/checks";
import { currentDisplay } from "./display";

export type TableRow = Record<string, string | number | boolean | null | undefined>;

function cell(value: TableRow[string]): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number")
    return Number.isInteger(value) ? value.toLocaleString("en-US") : String(Number(value.toPrecision(6)));
  return String(value).replace(/&/g, "&amp;").replace(/</g, "&lt;");
}

/** Throws unless rows is a non-empty array of objects whose values are text, finite numbers, booleans or empty. */
function checkRows(caller: string, rows: unknown, title: unknown): asserts rows is TableRow[] {
  if (!Array.isArray(rows) || rows.length === 0) {
    throw new Error(
      `${caller}: rows must be a non-empty array of objects, got ${describeValue(rows)}. Pass e.g. [{ layer: "conv1", params: 156 }].`,
    );
  }
  rows.forEach((row: unknown, r) => {
    if (row === null || typeof row !== "object" || Array.isArray(row))
      throw new Error(`${caller}: rows[${r}] must be an object of column values, got ${describeValue(row)}.`);
    for (const [column, value] of Object.entries(row)) {
      const ok =
        value === null ||
        value === undefined ||
        typeof value === "string" ||
        typeof value === "boolean" ||
        (typeof value === "number" && Number.isFinite(value));
      if (!ok) {
        const fix =
          typeof value === "number"
            ? "A NaN or infinite number usually means a computation went wrong; fix it, or show it as text (String(value))."
            : "Pass text, a finite number or a boolean (format objects with JSON.stringify).";
        throw new Error(
          `${caller}: rows[${r}]["${column}"] is ${describeValue(value)}; table cells must be text, finite numbers or booleans. ${fix}`,
        );
      }
    }
  });
  if (title !== undefined && typeof title !== "string")
    throw new Error(`${caller}: title must be text, got ${describeValue(title)}.`);
}

/** The HTML of a table whose columns are the keys of the rows (numbers right-aligned). */
export function tableHtml(rows: TableRow[], title?: string, caller = "tableHtml"): string {
  checkRows(caller, rows, title);
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const head = columns.map((c) => `<th style="text-align:left;padding:2px 8px">${cell(c)}</th>`).join("");
  const body = rows
    .map(
      (r) =>
        `<tr>${columns.map((c) => `<td style="padding:2px 8px;text-align:${typeof r[c] === "number" ? "right" : "left"}">${cell(r[c])}</td>`).join("")}</tr>`,
    )
    .join("");
  const caption = title ? `<caption style="font-weight:bold;text-align:left">${cell(title)}</caption>` : "";
  return `<table class="convnet-table" style="border-collapse:collapse">${caption}<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** Shows rows of values as a table in the notebook. */
export function showTable(rows: TableRow[], title?: string): void {
  currentDisplay().html(tableHtml(rows, title, "showTable"));
}

/** Shows Markdown (headings, bold, lists) from code, e.g. a measured result in a sentence. */
export function showMarkdown(text: string): void {
  currentDisplay().markdown(text);
}
