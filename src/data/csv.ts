import * as fs from "fs";
import { describeValue } from "../core/checks";

/** A parsed CSV file: the first line's names, and every later line as strings. */
export interface CsvTable {
  header: string[];
  rows: string[][];
}

/**
 * Parses comma-separated text (RFC 4180: fields may be quoted with "…", a quote inside
 * a quoted field is written "", quoted fields may hold commas and line breaks).
 * The first line is the header; every row must have as many fields as the header.
 */
export function parseCsv(text: string): CsvTable {
  if (typeof text !== "string") {
    throw new Error(
      `parseCsv: text must be a string, got ${typeof text}. Read the file first, e.g. fs.readFileSync(path, "utf8").`,
    );
  }
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  let i = 0;
  const endRecord = () => {
    record.push(field);
    field = "";
    // A blank line (one empty field) is skipped, as spreadsheet programs do.
    if (!(record.length === 1 && record[0] === "")) records.push(record);
    record = [];
  };
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i++;
      continue;
    }
    if (c === '"' && field === "") quoted = true;
    else if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      endRecord();
      if (c === "\r" && text[i + 1] === "\n") i++;
    } else field += c;
    i++;
  }
  if (quoted) {
    throw new Error(
      'parseCsv: a quoted field is never closed (a " without its partner). Close the quote, or write a literal quote as "".',
    );
  }
  if (field !== "" || record.length > 0) endRecord();
  if (records.length === 0) {
    throw new Error('parseCsv: text is empty; a CSV needs at least a header line such as "symbol,date,price".');
  }
  const [header, ...rows] = records;
  rows.forEach((row, r) => {
    if (row.length !== header.length) {
      throw new Error(
        `parseCsv: line ${r + 2} has ${row.length} fields but the header has ${header.length} (${header.join(",")}). ` +
          "Every line needs one value per column; quote values that contain commas.",
      );
    }
  });
  return { header, rows };
}

/** Reads and parses a CSV file (UTF-8). */
export function readCsvFile(filePath: string): CsvTable {
  if (typeof filePath !== "string" || !fs.existsSync(filePath)) {
    throw new Error(`readCsvFile: filePath ${describeValue(filePath)} does not exist. Pass the path of a .csv file.`);
  }
  return parseCsv(fs.readFileSync(filePath, "utf8"));
}

/** The index of a named column, or an error listing the columns there are. */
export function csvColumn(table: CsvTable, name: string): number {
  const index = table.header.indexOf(name);
  if (index < 0) {
    throw new Error(
      `csvColumn: column ${describeValue(name)} is not in the header [${table.header.join(", ")}]. Use one of those names.`,
    );
  }
  return index;
}
