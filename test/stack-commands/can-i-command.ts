/** `npx projen can-i` (stack/test/can-i.ts), run here by ./fresh-run.ts. */
import { freshRun, type Printer } from "./fresh-run";

/**
 * What stack/test/can-i.ts exports. Its types are checked by the stack's own tsconfig (stack/tsconfig.json): this
 * repository's node16 modules refuse the dynamic import of the program it loads (stack/test/offline-program.ts), so
 * it is loaded by path, not imported.
 */
interface CanICommand {
  HELP: string;
  canI(args: string[], out: Printer, dir?: string): Promise<number>;
}
const COMMAND = "../../stack/test/can-i";

/** What `npx projen can-i --help` prints. */
export const HELP = jest.requireActual<CanICommand>(COMMAND).HELP;

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npx projen can-i --stack dev <args>`: its exit code and what it printed. */
export async function canI(...args: string[]): Promise<Run> {
  return canIIn(".", ...args);
}

/** `npx projen can-i --stack dev <args>` in the stack folder `dir` (where its `Pulumi.dev.yaml` is). */
export async function canIIn(dir: string, ...args: string[]): Promise<Run> {
  const { result, stdout, stderr } = await freshRun((out) =>
    jest.requireActual<CanICommand>(COMMAND).canI(["--stack", "dev", ...args], out, dir),
  );
  return { code: result, stdout, stderr };
}

/** This repository has no stack config file: every answer here is the placeholders', and says so. */
export const NO_STACK_FILE = "Note: Pulumi.dev.yaml not found: the stack config is the tests' placeholders.";
