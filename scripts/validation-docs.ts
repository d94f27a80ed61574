/**
 * Rewrites the bad-input table of docs/validation.md from test/bad-inputs.ts:
 * `npx projen docs:validation`. test/validation-docs.test.ts fails when they differ.
 */
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { badInputTable } from "../test/bad-inputs";

export const VALIDATION_DOC = join(__dirname, "..", "docs", "validation.md");
export const TABLE_START = "<!-- bad-inputs:start -->";
export const TABLE_END = "<!-- bad-inputs:end -->";

/** The document with its table region replaced by the current table. */
export function withCurrentTable(doc: string): string {
  const start = doc.indexOf(TABLE_START);
  const end = doc.indexOf(TABLE_END);
  if (start < 0 || end < start) {
    throw new Error(`${VALIDATION_DOC} lacks the ${TABLE_START} ... ${TABLE_END} region`);
  }
  return `${doc.slice(0, start + TABLE_START.length)}\n${badInputTable()}\n${doc.slice(end)}`;
}

if (require.main === module) {
  writeFileSync(VALIDATION_DOC, withCurrentTable(readFileSync(VALIDATION_DOC, "utf-8")));
}
