import { currentDisplay } from "./display";

export type TableRow = Record<string, string | number | boolean | null | undefined>;

function cell(value: TableRow[string]): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isInteger(value) ? value.toLocaleString("en-US") : String(Number(value.toPrecision(6)));
  return String(value).replace(/&/g, "&amp;").replace(/</g, "&lt;");
}

/** The HTML of a table whose columns are the keys of the rows (numbers right-aligned). */
export function tableHtml(rows: TableRow[], title?: string): string {
  if (!Array.isArray(rows) || rows.length === 0) {
    throw new Error("showTable: rows must be a non-empty array of objects. Pass e.g. [{ layer: 'conv1', params: 156 }].");
  }
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const head = columns.map((c) => `<th style="text-align:left;padding:2px 8px">${cell(c)}</th>`).join("");
  const body = rows
    .map((r) => `<tr>${columns.map((c) => `<td style="padding:2px 8px;text-align:${typeof r[c] === "number" ? "right" : "left"}">${cell(r[c])}</td>`).join("")}</tr>`)
    .join("");
  const caption = title ? `<caption style="font-weight:bold;text-align:left">${cell(title)}</caption>` : "";
  return `<table class="convnet-table" style="border-collapse:collapse">${caption}<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** Shows rows of values as a table in the notebook. */
export function showTable(rows: TableRow[], title?: string): void {
  currentDisplay().html(tableHtml(rows, title));
}

/** Shows Markdown (headings, bold, lists) from code, e.g. a measured result in a sentence. */
export function showMarkdown(text: string): void {
  currentDisplay().markdown(text);
}
