/**
 * `npm run bench` (issue 5): scaffold, synth and the generated stack's test loop, side by side
 * with plain projen, written into docs/benchmarks.md. See bench/options.ts for the flags.
 *
 * Suites (`--suite <name>` runs only some), each interleaving its variants round by round:
 *  1. `synth`, `synth-breakdown`: `npx projen` in a generated stack vs a plain projen TypeScript app, and its parts;
 *  2. `scale`: synth with 1, 10 and 100 service accounts;
 *  3. `test-loop`: the stack's warm jest run (@swc/jest) vs ts-jest with type checking, and the type check;
 *  4. `program`: the Pulumi program's evaluation under mocks with 1, 10 and 100 service accounts.
 */
import { progress } from "./interleave";
import { describeMachine, loadAverage } from "./machine";
import { parseOptions, type SuiteName } from "./options";
import { renderResults, writeResults } from "./report";
import { holds, type SuiteResult } from "./results";
import { programSuite } from "./suite-program";
import { scaleSuite } from "./suite-scale";
import { synthSuite } from "./suite-synth";
import { synthBreakdownSuite } from "./suite-synth-breakdown";
import { testLoopSuite } from "./suite-test-loop";
import { prepareWorkspace, removeWorkspace, type Workspace, type WorkspaceNeeds } from "./workspace";

const SERVICE_ACCOUNT_COUNTS = [1, 10, 100];

interface Suite {
  /** What the suite measures besides the generated stack. */
  readonly needs: Partial<WorkspaceNeeds>;
  run(workspace: Workspace, runs: number): SuiteResult;
}

const SUITES: Record<SuiteName, Suite> = {
  synth: { needs: { plain: true }, run: synthSuite },
  "synth-breakdown": { needs: { plain: true }, run: synthBreakdownSuite },
  scale: { needs: { serviceAccountCounts: SERVICE_ACCOUNT_COUNTS }, run: scaleSuite },
  "test-loop": { needs: { tsJest: true }, run: testLoopSuite },
  program: { needs: { serviceAccountCounts: SERVICE_ACCOUNT_COUNTS }, run: programSuite },
};

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const started = Date.now();
  const loadBefore = loadAverage();

  const selected = options.suites.map((name) => SUITES[name]);
  const workspace = await prepareWorkspace({
    plain: selected.some((suite) => suite.needs.plain),
    tsJest: selected.some((suite) => suite.needs.tsJest),
    serviceAccountCounts: selected.some((suite) => suite.needs.serviceAccountCounts) ? SERVICE_ACCOUNT_COUNTS : [],
  });
  try {
    const suites = selected.map((suite) => suite.run(workspace, options.runs));

    const block = renderResults(
      {
        date: new Date(started),
        machine: describeMachine(),
        runs: options.runs,
        loadBefore,
        loadAfter: loadAverage(),
        minutes: (Date.now() - started) / 60_000,
      },
      suites,
    );
    console.log(block);
    if (options.out) {
      writeResults(options.out, block);
      progress(`\nWrote ${options.out}`);
    }
    for (const target of suites.flatMap((suite) => suite.targets)) {
      progress(`${holds(target) ? "HOLDS " : "MISSES"}  ${target.description}: ${target.detail ?? target.actual}`);
    }
  } finally {
    if (options.keep) {
      progress(`Kept the workspace: ${workspace.root}`);
    } else {
      removeWorkspace(workspace);
    }
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
