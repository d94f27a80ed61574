/**
 * The bench's command line: `npm run bench -- [--runs N] [--quick] [--keep] [--out FILE] [--suite NAME]...`.
 */
import { resolve } from "path";
import { PACKAGE_ROOT } from "../scripts/local-package";

export interface BenchOptions {
  /** Timed repetitions of every variant (a warm-up run comes first and is not counted). */
  readonly runs: number;
  /** Keep the temporary stacks after the run, to look into them. */
  readonly keep: boolean;
  /**
   * The markdown file whose generated section receives the results; undefined: the console only (a run of some
   * suites, which would otherwise replace the results of the others).
   */
  readonly out?: string;
  /** The suites to run, by name; all of them when none is named. */
  readonly suites: readonly SuiteName[];
}

/** The suites, by the name `--suite` takes, in the order they run. */
export const SUITE_NAMES = ["synth", "synth-breakdown", "scale", "test-loop", "program"] as const;
export type SuiteName = (typeof SUITE_NAMES)[number];

export const DEFAULT_RUNS = 5;
export const QUICK_RUNS = 2;

export const USAGE = `Usage: npm run bench -- [options]

  --runs N     timed repetitions of each variant, interleaved (default ${DEFAULT_RUNS})
  --quick      a smoke run: --runs ${QUICK_RUNS}
  --keep       keep the temporary stacks (their paths are printed)
  --out FILE   where to write the results (default docs/benchmarks.md; with --suite, the console only)
  --suite NAME run only this suite (repeatable): ${SUITE_NAMES.join(", ")}
  --help       this text`;

/** Parses the bench's arguments; exits with the usage on a malformed command line. */
export function parseOptions(argv: readonly string[]): BenchOptions {
  let runs = DEFAULT_RUNS;
  let keep = false;
  let out: string | undefined;
  const suites: SuiteName[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    switch (arg) {
      case "--runs":
        runs = Number(argv[++i]);
        if (!Number.isInteger(runs) || runs < 1) {
          usageError(`--runs takes a positive integer, got ${argv[i]}`);
        }
        break;
      case "--quick":
        runs = QUICK_RUNS;
        break;
      case "--keep":
        keep = true;
        break;
      case "--out":
        if (!argv[i + 1]) {
          usageError("--out takes a file name");
        }
        out = resolve(argv[++i]);
        break;
      case "--suite": {
        const name = argv[++i];
        if (!SUITE_NAMES.includes(name as SuiteName)) {
          usageError(`--suite takes one of ${SUITE_NAMES.join(", ")}, got ${name ?? "nothing"}`);
        }
        suites.push(name as SuiteName);
        break;
      }
      case "--help":
        console.log(USAGE);
        process.exit(0);
      default:
        usageError(`unknown argument ${arg}`);
    }
  }
  if (suites.length === 0) {
    // All suites: the generated section of the doc gets all of them.
    return { runs, keep, out: out ?? resolve(PACKAGE_ROOT, "docs", "benchmarks.md"), suites: SUITE_NAMES };
  }
  return { runs, keep, out, suites: SUITE_NAMES.filter((name) => suites.includes(name)) };
}

function usageError(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}
