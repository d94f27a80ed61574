/**
 * Runs one command, as a person would in the stack's folder, and times it by the wall clock.
 */
import { spawnSync } from "child_process";
import { delimiter, join } from "path";
import { PACKAGE_ROOT } from "../scripts/local-package";

/** What a timed command took and printed. */
export interface CommandResult {
  /** Wall-clock seconds from spawn to exit. */
  readonly seconds: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The environment of a person's shell. The bench itself runs under `npm run` and a projen task:
 * their variables (npm_*, INIT_CWD) and this checkout's `node_modules/.bin` on PATH would leak
 * into the measured stack's npm, npx and jest, and make them resolve our tools instead of its own.
 */
export function personEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(npm_|JEST_|NODE_ENV$|INIT_CWD$)/i.test(key)) {
      env[key] = value;
    }
  }
  const ourBin = join(PACKAGE_ROOT, "node_modules");
  env.PATH = (process.env.PATH ?? "")
    .split(delimiter)
    .filter((entry) => !entry.startsWith(ourBin))
    .join(delimiter);
  return env;
}

/** Runs `command args` in `cwd` to completion; a failure throws with the whole output. */
export function timeCommand(cwd: string, command: string, args: readonly string[]): CommandResult {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, {
    cwd,
    env: personEnvironment(),
    encoding: "utf-8",
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.error || result.status !== 0) {
    throw new Error(
      `\`${command} ${args.join(" ")}\` failed in ${cwd} (${result.error?.message ?? `exit ${result.status}`}):\n` +
        `${result.stdout ?? ""}\n${result.stderr ?? ""}`,
    );
  }
  return { seconds, stdout: result.stdout, stderr: result.stderr };
}
