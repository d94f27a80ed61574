/**
 * `npm run bench` (issue 5): scaffold, synth and the generated stack's test loop, side by side
 * with plain projen, written into docs/benchmarks.md. See bench/options.ts for the flags.
 *
 * Suites, each interleaving its variants round by round:
 *  1. `npx projen` in a generated stack vs a plain projen TypeScript app (+ a breakdown of its parts);
 *  2. synth with 1, 10 and 100 service accounts;
 *  3. the stack's warm jest run (@swc/jest) vs ts-jest with type checking, and the type check;
 *  4. the Pulumi program's evaluation under mocks with 1, 10 and 100 service accounts.
 */
import { progress } from "./interleave";
import { describeMachine, loadAverage } from "./machine";
import { parseOptions } from "./options";
import { renderResults, writeResults } from "./report";
import { holds, type SuiteResult } from "./results";
import { programSuite } from "./suite-program";
import { scaleSuite } from "./suite-scale";
import { synthSuite } from "./suite-synth";
import { synthBreakdownSuite } from "./suite-synth-breakdown";
import { testLoopSuite } from "./suite-test-loop";
import { prepareWorkspace, removeWorkspace } from "./workspace";

const SERVICE_ACCOUNT_COUNTS = [1, 10, 100];

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const started = Date.now();
  const loadBefore = loadAverage();

  const workspace = await prepareWorkspace(SERVICE_ACCOUNT_COUNTS);
  try {
    const suites: SuiteResult[] = [
      synthSuite(workspace, options.runs),
      synthBreakdownSuite(workspace, options.runs),
      scaleSuite(workspace, options.runs),
      testLoopSuite(workspace, options.runs),
      programSuite(workspace, options.runs),
    ];

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
    writeResults(options.out, block);
    console.log(block);
    progress(`\nWrote ${options.out}`);
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
