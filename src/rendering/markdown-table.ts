/**
 * A Markdown table laid out as prettier lays it out (columns padded to their widest cell), so that
 * a formatter run over the generated README leaves it unchanged. Cells must be single-line.
 */
export function markdownTable(header: string[], rows: string[][]): string {
  const cells = [header, ...rows].map((row) => row.map((cell) => cell.replace(/\|/g, "\\|")));
  // prettier's delimiter row is at least three dashes wide.
  const widths = header.map((_, column) => Math.max(3, ...cells.map((row) => row[column].length)));
  const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column])).join(" | ")} |`;
  const [head, ...body] = cells;
  return [line(head), line(widths.map((width) => "-".repeat(width))), ...body.map(line)].join("\n");
}
