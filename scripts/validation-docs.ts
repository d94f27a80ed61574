/**
 * Rewrites the two tables of docs/validation.md from the lists the tests try: the synth-time one from
 * test/bad-inputs.ts, the run-time one from stack/test/bad-stack-config.ts. `npx projen docs:validation`;
 * test/validation-docs.test.ts fails when the page and the lists differ.
 */
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { BAD_STACK_INPUTS } from "../stack/test/bad-stack-config";
import { BAD_INPUTS } from "../test/bad-inputs";

export const VALIDATION_DOC = join(__dirname, "..", "docs", "validation.md");

/** A table cell: one line, no column breaks, and nothing Markdown would read as a tag or as emphasis. */
function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n\s*/g, " ").replace(/</g, "&lt;").replace(/\*/g, "\\*");
}

function table(header: string[], rows: string[][]): string {
  return [header, header.map(() => "---"), ...rows].map((row) => `| ${row.join(" | ")} |`).join("\n");
}

const REGIONS = {
  "bad-inputs": () =>
    table(
      ["bad input", "options (abridged)", "the error line", "test"],
      BAD_INPUTS.map(({ input, options, message }) => [
        cell(input),
        `\`${JSON.stringify(options).slice(0, 90).replace(/\|/g, "\\|")}\``,
        cell(message),
        `\`test/options/validation.test.ts\` › ${cell(input)}`,
      ]),
    ),
  "bad-stack-config": () =>
    table(
      ["bad input", "stack config, or the helper's arguments (abridged)", "the error", "test in the generated stack"],
      BAD_STACK_INPUTS.map((bad) => [
        cell(bad.input),
        `\`${JSON.stringify("trustPolicy" in bad ? bad.trustPolicy : bad.config)
          .slice(0, 90)
          .replace(/\|/g, "\\|")}\``,
        cell(bad.message),
        `\`test/stack-config.test.ts\` › ${cell(bad.input)}`,
      ]),
    ),
};

/** The document with each generated region replaced by its current table. */
export function withCurrentTables(doc: string): string {
  return Object.entries(REGIONS).reduce((text, [name, render]) => {
    const start = `<!-- ${name}:start -->`;
    const end = `<!-- ${name}:end -->`;
    const from = text.indexOf(start);
    const to = text.indexOf(end);
    if (from < 0 || to < from) {
      throw new Error(`${VALIDATION_DOC} lacks the ${start} ... ${end} region`);
    }
    return `${text.slice(0, from + start.length)}\n${render()}\n${text.slice(to)}`;
  }, doc);
}

if (require.main === module) {
  writeFileSync(VALIDATION_DOC, withCurrentTables(readFileSync(VALIDATION_DOC, "utf-8")));
}
