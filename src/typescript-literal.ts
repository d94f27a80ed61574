const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * Renders JSON-like data as a TypeScript expression formatted the way a person would write it:
 * two-space indents, unquoted keys where possible, double-quoted strings, trailing commas,
 * `undefined` properties left out.
 */
export function toTypeScriptLiteral(value: unknown, indent = ""): string {
  if (value === null || typeof value !== "object") {
    return JSON.stringify(value);
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      return "[]";
    }
    return `[\n${value.map((item) => `${inner}${toTypeScriptLiteral(item, inner)},\n`).join("")}${indent}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) {
    return "{}";
  }
  const lines = entries.map(([key, v]) => {
    const name = IDENTIFIER.test(key) ? key : JSON.stringify(key);
    return `${inner}${name}: ${toTypeScriptLiteral(v, inner)},\n`;
  });
  return `{\n${lines.join("")}${indent}}`;
}
