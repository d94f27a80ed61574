import { readFileSync } from "fs";
import { VALIDATION_DOC, withCurrentTables } from "../scripts/validation-docs";

test("docs/validation.md lists every bad input of the tests, synth and run time, with its exact message", () => {
  const doc = readFileSync(VALIDATION_DOC, "utf-8");
  // Run `npx projen docs:validation` after changing test/bad-inputs.ts or stack/test/bad-stack-config.ts.
  expect(doc).toBe(withCurrentTables(doc));
});
