/**
 * Runs one of the stack's commands (stack/test/can-i.ts, plan.ts) in this jest process, as its task runs it in a
 * process of its own: in a fresh module registry, so that the program registers its resources again, printing to
 * what is collected here. In a stack-variant jest project (.projenrc.ts), the variant's settings are the stack's.
 */

/** Where the stack's commands print (`Printer` in stack/test/offline-program.ts). */
export interface Printer {
  log(text: string): void;
  error(text: string): void;
}

export interface Printed<T> {
  result: T;
  stdout: string;
  stderr: string;
}

/** `run` in a fresh module registry, with a printer: what it resolved with and what it printed. */
export async function freshRun<T>(run: (out: Printer) => Promise<T>): Promise<Printed<T>> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  let result: T | undefined;
  await jest.isolateModulesAsync(async () => {
    result = await run({ log: (text) => stdout.push(text), error: (text) => stderr.push(text) });
  });
  return { result: result as T, stdout: stdout.join("\n"), stderr: stderr.join("\n") };
}
