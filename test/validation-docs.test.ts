import { readFileSync } from "fs";
import { VALIDATION_DOC, withCurrentTable } from "../scripts/validation-docs";

test("docs/validation.md lists every bad input of the tests with its exact message", () => {
  const doc = readFileSync(VALIDATION_DOC, "utf-8");
  // Run `npx projen docs:validation` after changing test/bad-inputs.ts.
  expect(doc).toBe(withCurrentTable(doc));
});
