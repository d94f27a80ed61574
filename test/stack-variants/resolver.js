/**
 * The module resolver of the stack-variant jest projects (.projenrc.ts), whose rootDir is a variant's folder,
 * test/stack-variants/<variant>/: a file of stack/ that the variant renders too (src/settings.ts, README.md, ...:
 * what the folder holds) resolves to the variant's, every other module as the stack's own resolver does. Plain JavaScript: jest
 * loads a resolver without transforming it.
 */
const { existsSync } = require("fs");
const { isAbsolute, join, relative } = require("path");

const STACK_DIR = join(__dirname, "..", "..", "stack");
// The stack's own resolver, as in a stack: the Pulumi SDK's unused parts load on first use.
const stackResolver = require("../../stack/test/lazy/resolver.js");

module.exports = (request, options) => {
  const resolved = stackResolver(request, options);
  // Node's own modules ("fs") resolve to their names.
  if (!isAbsolute(resolved)) return resolved;
  const inStack = relative(STACK_DIR, resolved);
  if (inStack.startsWith("..")) return resolved;
  const rendered = join(options.rootDir, inStack);
  return existsSync(rendered) ? rendered : resolved;
};
