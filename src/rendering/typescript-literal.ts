const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** The line width of the generated stack's formatter (prettier `printWidth`). */
export const PRINT_WIDTH = 120;

/**
 * Renders JSON-like data as a TypeScript expression formatted as prettier formats it: objects
 * expanded one property a line, arrays of primitives on one line when they fit, double-quoted
 * strings, unquoted keys where possible, trailing commas, `undefined` properties left out.
 *
 * `column` is where the expression starts on its line, to decide whether an array fits.
 */
export function toTypeScriptLiteral(value: unknown, indent = "", column = indent.length): string {
  if (value === null || typeof value !== "object") {
    return JSON.stringify(value);
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      return "[]";
    }
    if (value.every((item) => item === null || typeof item !== "object")) {
      const inline = `[${value.map((item) => JSON.stringify(item)).join(", ")}]`;
      // The array is followed by a comma (or a semicolon) on its line.
      if (column + inline.length + 1 <= PRINT_WIDTH) {
        return inline;
      }
    }
    return `[\n${value.map((item) => `${inner}${toTypeScriptLiteral(item, inner)},\n`).join("")}${indent}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) {
    return "{}";
  }
  const lines = entries.map(([key, v]) => {
    const prefix = `${inner}${IDENTIFIER.test(key) ? key : JSON.stringify(key)}: `;
    return `${prefix}${toTypeScriptLiteral(v, inner, prefix.length)},\n`;
  });
  return `{\n${lines.join("")}${indent}}`;
}
