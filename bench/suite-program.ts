/**
 * Suite 4: the Pulumi program's evaluation under the stack's mocks, by number of service accounts.
 */
import { join } from "path";
import { timeCommand } from "./command";
import { measureInterleaved, type Variant } from "./interleave";
import { formatRatio, ratio, row, type SuiteResult } from "./results";
import type { Workspace } from "./workspace";

/** What bench/program-eval.ts prints. */
interface Evaluation {
  readonly evaluationMs: number;
  readonly resources: number;
}

const PROGRAM_EVAL = join(__dirname, "program-eval.ts");

/** Evaluates the stack's program once, in a fresh process, under the stack's own ts-node and mocks. */
function evaluate(stackDir: string): Evaluation {
  const tsNode = join(stackDir, "node_modules", ".bin", "ts-node");
  const { stdout } = timeCommand(stackDir, tsNode, [
    "--swc",
    "--project",
    "test/tsconfig.json",
    PROGRAM_EVAL,
    stackDir,
  ]);
  return JSON.parse(stdout.trim().split("\n").pop()!);
}

export function programSuite(workspace: Workspace, runs: number): SuiteResult {
  const counts = [...workspace.serviceAccountStacks.keys()].sort((a, b) => a - b);
  const label = (count: number) => `${count} service account${count === 1 ? "" : "s"}`;
  const resources = new Map<number, number>();
  const variants: Variant[] = counts.map((count) => ({
    label: label(count),
    measure: () => {
      const evaluation = evaluate(workspace.serviceAccountStacks.get(count)!);
      resources.set(count, evaluation.resources);
      return evaluation.evaluationMs;
    },
  }));
  // Every run is a fresh process with no cache to fill: no warm-up.
  const samples = measureInterleaved(variants, { name: "program", runs, unit: "ms", warmup: false });

  const base = samples.get(label(counts[0]))!;
  const rows = counts.map((count) => {
    const values = samples.get(label(count))!;
    const growth = count === counts[0] ? "1.00x" : formatRatio(ratio(values, base));
    return row(label(count), values, "ms", `${resources.get(count)} resources; ${growth}`);
  });
  return {
    title: "4. The Pulumi program's evaluation under mocks",
    method:
      "`src/index.ts` of the stacks of suite 2, evaluated under the stack's `test/pulumi-mocks.ts` as " +
      "`test/index.test.ts` does it (`startMocks`, import, `settled`), in a fresh process per run " +
      "(bench/program-eval.ts). Timed from the program's import, the Pulumi SDKs already loaded, " +
      "until every registration settled.",
    rows,
    targets: [],
    notes: [],
  };
}
