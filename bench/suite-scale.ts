/**
 * Suite 2: how synth grows with the number of service accounts declared in `.projenrc.ts`.
 */
import { measureInterleaved, type Variant } from "./interleave";
import { runDirectly, taskCommands } from "./project-tasks";
import { formatRatio, ratio, row, type Row, type SuiteResult } from "./results";
import { npxProjen } from "./suite-synth";
import type { Workspace } from "./workspace";

/** The target: 100 service accounts synthesize within 1.5x of one. */
export const SCALE_RATIO_TARGET = 1.5;

export function scaleSuite(workspace: Workspace, runs: number): SuiteResult {
  const counts = [...workspace.serviceAccountStacks.keys()].sort((a, b) => a - b);
  const smallest = counts[0];
  const largest = counts[counts.length - 1];
  const whole = (count: number) => `\`npx projen\`, ${count} service account${count === 1 ? "" : "s"}`;
  const alone = (count: number) => `\`.projenrc.ts\` alone, ${count} service account${count === 1 ? "" : "s"}`;

  const variants: Variant[] = counts.flatMap((count) => {
    const dir = workspace.serviceAccountStacks.get(count)!;
    const rc = taskCommands(dir, "default");
    return [
      { label: whole(count), measure: () => npxProjen(dir) },
      { label: alone(count), measure: () => runDirectly(dir, rc) },
    ];
  });
  // Each stack was synthesized once after its .projenrc.ts was edited: that was the warm-up.
  const samples = measureInterleaved(variants, { name: "service accounts", runs, warmup: false });

  const rows: Row[] = [];
  for (const label of [whole, alone]) {
    const base = samples.get(label(smallest))!;
    for (const count of counts) {
      const values = samples.get(label(count))!;
      rows.push(row(label(count), values, "s", count === smallest ? "1.00x" : formatRatio(ratio(values, base))));
    }
  }
  const growth = ratio(samples.get(whole(largest))!, samples.get(whole(smallest))!);
  return {
    title: `2. Synth with ${counts.join(", ")} service accounts`,
    method:
      `Copies of the generated stack whose \`.projenrc.ts\` declares N \`serviceAccounts\`, each shaped like ` +
      "the scaffold's default one (an inline policy, a managed policy, an example Deployment), over 10 namespaces. " +
      "`.projenrc.ts` alone = the default task's step run directly (no npx, no projen CLI, no task PATH).",
    rows,
    targets: [
      {
        description: `\`npx projen\` with ${largest} service accounts / with ${smallest}`,
        actual: growth.value,
        limit: SCALE_RATIO_TARGET,
        direction: "at most",
        detail: formatRatio(growth),
      },
    ],
    notes: [],
  };
}
