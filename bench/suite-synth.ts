/**
 * Suite 1: `npx projen` (synth) in a generated stack against a plain projen TypeScript app.
 */
import { timeCommand } from "./command";
import { measureInterleaved, type Variant } from "./interleave";
import { formatRatio, ratio, row, type SuiteResult } from "./results";
import { project, type Workspace } from "./workspace";

/** The target: the generated stack's synth at most 0.6x the plain app's. */
export const SYNTH_RATIO_TARGET = 0.6;

/**
 * `npx projen` once, as a person runs it after editing `.projenrc.ts`; fails if it installed
 * dependencies (it does only when package.json changed), which would not be a synth any more.
 */
export function npxProjen(dir: string): number {
  const { seconds, stdout, stderr } = timeCommand(dir, "npx", ["projen"]);
  if (/Installing dependencies/.test(stdout + stderr)) {
    throw new Error(`npx projen installed dependencies in ${dir}: package.json changed between runs`);
  }
  return seconds;
}

export function synthSuite(workspace: Workspace, runs: number): SuiteResult {
  const PLAIN = "plain typescript-app (ts-node, type-checks .projenrc.ts)";
  const GENERATED = "generated stack (as scaffolded)";
  const variants: Variant[] = [
    { label: PLAIN, measure: () => npxProjen(project(workspace, "plain")) },
    { label: GENERATED, measure: () => npxProjen(workspace.generated) },
  ];

  const samples = measureInterleaved(variants, { name: "synth", runs });
  const plain = samples.get(PLAIN)!;
  const generated = ratio(samples.get(GENERATED)!, plain);
  const rows = [
    row(PLAIN, plain, "s", "1.00x (baseline)"),
    row(GENERATED, samples.get(GENERATED)!, "s", formatRatio(generated)),
  ];
  const notes = [
    "Every run is a no-op synth of an unchanged project (no `npm install`: the bench fails if one happens).",
  ];
  return {
    title: "1. Synth: `npx projen` in a generated stack vs a plain projen TypeScript app",
    method:
      "`npx projen` (the default task: run `.projenrc.ts`, write the files) in the folder of each project, " +
      "npm as package manager in both.",
    rows,
    targets: [
      {
        description: "generated stack's synth / plain app's synth",
        actual: generated.value,
        limit: SYNTH_RATIO_TARGET,
        direction: "at most",
        detail: formatRatio(generated),
      },
    ],
    notes,
  };
}
