/**
 * Runs the stack's `npx projen can-i` (stack/test/can-i.ts) in this jest process, as its task would run it: a fresh
 * module registry per run, so that the program registers its resources again. In a stack-variant jest project
 * (.projenrc.ts), the variant's settings are the stack's.
 */

/**
 * What stack/test/can-i.ts exports. Its types are checked by the stack's own tsconfig (stack/tsconfig.json): this
 * repository's node16 modules refuse the dynamic import of the program it loads (test/offline-program.ts).
 */
interface CanICommand {
  HELP: string;
  canI(args: string[], out: { log(text: string): void; error(text: string): void }): Promise<number>;
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
  const stdout: string[] = [];
  const stderr: string[] = [];
  let code = -1;
  await jest.isolateModulesAsync(async () => {
    code = await jest.requireActual<CanICommand>(COMMAND).canI(["--stack", "dev", ...args], {
      log: (text) => stdout.push(text),
      error: (text) => stderr.push(text),
    });
  });
  return { code, stdout: stdout.join("\n"), stderr: stderr.join("\n") };
}

/** This repository has no stack config file: every answer here is the placeholders', and says so. */
export const NO_STACK_FILE = "Note: Pulumi.dev.yaml not found: the stack config is the tests' placeholders.";
