/**
 * The naive baseline of the stack's test loop: the same tests and jest configuration, with
 * projen's default transform (ts-jest, which type-checks every test file it compiles) instead of
 * the stack's @swc/jest.
 */
import { existsSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { run } from "../scripts/local-package";

/** ts-jest 29.4 supports jest 30, which the stack uses. */
const TS_JEST = "ts-jest@^29.4.0";

/** The jest configuration file of the baseline, next to the stack's package.json. */
export const TS_JEST_CONFIG = "jest.ts-jest.config.json";

/** Jest's transform pattern for TypeScript, as projen writes it. */
const TS_TRANSFORM_PATTERN = "^.+\\.[t]sx?$";

/**
 * Turns a copy of a generated stack into the baseline: installs ts-jest without touching
 * package.json (projen manages it) and writes the stack's own jest configuration with the
 * transform projen would have generated, for `jest --config jest.ts-jest.config.json`.
 */
export function makeTsJestBaseline(stackDir: string): void {
  run(stackDir, "npm", ["install", "--no-save", "--no-audit", "--no-fund", TS_JEST]);
  const jestConfig = JSON.parse(readFileSync(join(stackDir, "package.json"), "utf-8")).jest;
  if (!jestConfig?.transform) {
    throw new Error(`${stackDir}/package.json has no jest transform to replace`);
  }
  const tsconfig = jestTsconfig(stackDir);
  const baseline = { ...jestConfig, transform: { [TS_TRANSFORM_PATTERN]: ["ts-jest", { tsconfig }] } };
  writeFileSync(join(stackDir, TS_JEST_CONFIG), JSON.stringify(baseline, null, 2));
}

/** The tsconfig projen hands ts-jest: the one of the tests (the project's `tsconfigDev`). */
function jestTsconfig(stackDir: string): string {
  const candidates = ["test/tsconfig.json", "tsconfig.dev.json"];
  return candidates.find((candidate) => existsSync(join(stackDir, candidate))) ?? "tsconfig.json";
}
