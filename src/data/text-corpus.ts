import * as fs from "fs";
import { requireBoolean } from "../core/checks";
import { requireOptions } from "../core/options";
import { datasetFilePath } from "../core/paths";

/**
 * Joins hard-wrapped, indented lines into paragraphs (one "\n" between paragraphs) and
 * replaces typographic quotes, dashes and other non-ASCII characters by ASCII ones, so a
 * character model has a small alphabet.
 */
export function normalizeText(text: string): string {
  if (typeof text !== "string") {
    throw new Error(`normalizeText: text must be a string, got ${typeof text}. Pass the text you read from a file.`);
  }
  const ascii = text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, "-")
    .replace(/\u2026/g, "...")
    .replace(/[^\n -~]/g, " ");
  return ascii
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, " ").trim())
    .filter((paragraph) => paragraph.length > 0)
    .join("\n");
}

/**
 * Chapters 1–2 of the public-domain Jargon File 4.4.7 (Debian `jargon-text`; see
 * datasets/text/README.md). `normalize: true` applies normalizeText.
 */
export function loadJargonText(options: { normalize?: boolean } = {}): string {
  requireOptions<{ normalize?: boolean }>("loadJargonText", options, ["normalize"], "{ normalize: true }");
  if (options.normalize !== undefined) requireBoolean("loadJargonText", "normalize", options.normalize);
  const raw = fs.readFileSync(datasetFilePath("text/jargon-chapters-1-2.txt", "loadJargonText"), "utf8");
  return options.normalize ? normalizeText(raw) : raw;
}
