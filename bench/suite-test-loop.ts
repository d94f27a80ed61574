/**
 * Suite 3: the generated stack's warm test run (jest with @swc/jest, no type check) against the
 * same tests under ts-jest with type checking, plus the type check the build runs on its own.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { timeCommand } from "./command";
import { measureInterleaved, type Variant } from "./interleave";
import { commandLine, runDirectly, taskCommands } from "./project-tasks";
import { formatRatio, ratio, row, type Row, type SuiteResult } from "./results";
import { TS_JEST_CONFIG } from "./ts-jest-baseline";
import { project, type Workspace } from "./workspace";

/** The target: the stack's warm test run at least 3x faster than ts-jest with type checking. */
export const TEST_LOOP_SPEEDUP_TARGET = 3;

export function testLoopSuite(workspace: Workspace, runs: number): SuiteResult {
  const SWC = "generated: `npx jest` (@swc/jest, transpile only)";
  const TS_JEST = `baseline: \`npx jest --config ${TS_JEST_CONFIG}\` (ts-jest, type-checks)`;
  const NO_COVERAGE = "what-if: generated, `npx jest --coverage=false`";
  const typecheck = taskCommands(workspace.generated, "typecheck");
  const TYPECHECK = `generated: type check (\`${commandLine(typecheck)}\`)`;
  const PROJEN_TEST = "generated: `npx projen test` (jest, then eslint)";
  const collectsCoverage = jestConfig(workspace.generated).collectCoverage === true;

  const jest = (dir: string, ...args: string[]) => timeCommand(dir, "npx", ["jest", ...args]).seconds;
  const variants: Variant[] = [
    { label: SWC, measure: () => jest(workspace.generated) },
    { label: TS_JEST, measure: () => jest(project(workspace, "tsJest"), "--config", TS_JEST_CONFIG) },
  ];
  if (collectsCoverage) {
    // Shares the cache of the first variant.
    variants.push({ label: NO_COVERAGE, measure: () => jest(workspace.generated, "--coverage=false"), warmup: false });
  }
  if (typecheck.length > 0) {
    // tsc --noEmit keeps no cache: nothing to warm up.
    variants.push({ label: TYPECHECK, measure: () => runDirectly(workspace.generated, typecheck), warmup: false });
  }
  variants.push({
    label: PROJEN_TEST,
    measure: () => timeCommand(workspace.generated, "npx", ["projen", "test"]).seconds,
    // Its jest shares the cache of the first variant; eslint keeps none.
    warmup: false,
  });

  // The warm-up runs fill jest's transform caches: the timed runs are warm runs.
  const samples = measureInterleaved(variants, { name: "test loop", runs });
  const swc = samples.get(SWC)!;
  const tsJest = samples.get(TS_JEST)!;
  const speedup = ratio(tsJest, swc);
  const rows: Row[] = [
    row(SWC, swc, "s", `ts-jest takes ${formatRatio(speedup)} as long`),
    row(TS_JEST, tsJest, "s", "1.00x"),
  ];
  if (collectsCoverage) {
    const noCoverage = samples.get(NO_COVERAGE)!;
    rows.push(
      row(
        NO_COVERAGE,
        noCoverage,
        "s",
        `ts-jest (with coverage) takes ${formatRatio(ratio(tsJest, noCoverage))} as long`,
      ),
    );
  }
  if (typecheck.length > 0) {
    rows.push(row(TYPECHECK, samples.get(TYPECHECK)!, "s", "run by the build (post-compile), not by the test run"));
  }
  rows.push(row(PROJEN_TEST, samples.get(PROJEN_TEST)!, "s", "the test task end to end: jest, then eslint"));

  const notes = [
    typecheck.length > 0
      ? "The type check is not lost: the stack's `typecheck` task runs it in every build (post-compile)."
      : "The generated stack has no `typecheck` task: its tests are no longer type-checked anywhere.",
  ];
  if (collectsCoverage) {
    notes.push(
      "The what-if row is the generated run without coverage (`collectCoverage` is on in the generated jest " +
        "config, as projen sets it); its ratio is against the baseline as generated (with coverage).",
    );
  }
  return {
    title: "3. The generated stack's test loop vs ts-jest with type checking",
    method:
      "Warm runs (a first run filled jest's cache) of the stack's tests with its own jest configuration, " +
      "in two copies of the same stack: as generated (@swc/jest), and with projen's default transform " +
      "(ts-jest, type-checking, `tsconfig: test/tsconfig.json`) swapped in through a jest config file.",
    rows,
    targets: [
      {
        description: "ts-jest warm run / generated warm run (speedup)",
        actual: speedup.value,
        limit: TEST_LOOP_SPEEDUP_TARGET,
        direction: "at least",
        detail: formatRatio(speedup),
      },
    ],
    notes,
  };
}

/** The jest configuration in a project's package.json. */
function jestConfig(dir: string): { collectCoverage?: boolean } {
  return JSON.parse(readFileSync(join(dir, "package.json"), "utf-8")).jest ?? {};
}
