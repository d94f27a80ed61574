import { execFileSync } from "child_process";
import { markdownTable } from "../../src/rendering/markdown-table";

/** prettier 3 loads its plugins as ES modules, which jest cannot: run its command line instead. */
function prettierMarkdown(text: string): string {
  const cli = require.resolve("prettier/bin/prettier.cjs");
  return execFileSync(process.execPath, [cli, "--parser", "markdown", "--print-width", "120"], {
    input: text,
    encoding: "utf-8",
  });
}

describe("markdownTable", () => {
  const table = markdownTable(
    ["Key", "What it is"],
    [
      ["`a`", "short"],
      ["`clusterName`", "a pipe | inside"],
    ],
  );

  test("pads every column to its widest cell and escapes pipes", () => {
    expect(table.split("\n")).toEqual([
      "| Key           | What it is       |",
      "| ------------- | ---------------- |",
      "| `a`           | short            |",
      "| `clusterName` | a pipe \\| inside |",
    ]);
  });

  test("is left unchanged by prettier", () => {
    expect(prettierMarkdown(table)).toBe(`${table}\n`);
  });
});
