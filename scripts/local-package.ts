import { spawnSync } from "child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "fs";
import { basename, join, resolve } from "path";

/** The root of this checkout. */
export const PACKAGE_ROOT = resolve(__dirname, "..");

/** The projen release this package is built and tested with, used for `projen new`. */
export const PROJEN_VERSION: string = JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf-8"))
  .devDependencies.projen;

/**
 * The environment of a person's shell: without the variables of an npm script or a jest worker
 * running this code, which would leak into the generated stack's own npm and jest, and without
 * CI, under which projen installs with `npm ci`, which a project without a lock file cannot.
 */
function userEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(npm_|JEST_|NODE_ENV$|INIT_CWD$|CI$)/i.test(key)) {
      env[key] = value;
    }
  }
  return env;
}

/** Runs a command to completion, whatever its exit code: its status and output. */
export function attempt(
  cwd: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): { status: number | null; stdout: string; stderr: string } {
  const { status, stdout, stderr, error } = spawnSync(command, args, {
    cwd,
    env: { ...userEnvironment(), ...env },
    encoding: "utf-8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (error) throw error;
  return { status, stdout, stderr };
}

/** Runs a command to completion and returns its output; a failure carries the whole output. */
export function run(cwd: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): string {
  const { status, stdout, stderr } = attempt(cwd, command, args, env);
  if (status !== 0) {
    throw new Error(`\`${command} ${args.join(" ")}\` failed in ${cwd}:\n${stdout}\n${stderr}`);
  }
  return stdout;
}

/**
 * Packs this package as it would be published, into `destination`. Compiles first when the
 * jsii assembly is missing or older than `src/`, so a fresh clone packs what it holds.
 */
export function packThisPackage(destination: string): string {
  const assembly = join(PACKAGE_ROOT, ".jsii");
  if (!existsSync(assembly) || newestMtime(join(PACKAGE_ROOT, "src")) > statSync(assembly).mtimeMs) {
    run(PACKAGE_ROOT, "npx", ["projen", "compile"]);
  }
  const output = run(PACKAGE_ROOT, "npm", ["pack", "--silent", "--pack-destination", destination]);
  return join(destination, output.trim().split("\n").pop()!);
}

/**
 * `projen new --from <spec> [flags]` in `dir`, as a person runs it: npx answers yes for them (there is no
 * terminal to ask), and projen is the release this package is built and tested with.
 */
export function projenNew(dir: string, from: string, flags: string[] = [], env: NodeJS.ProcessEnv = {}): string {
  return run(dir, "npx", ["-y", `projen@${PROJEN_VERSION}`, "new", "--from", from, ...flags], env);
}

/** The folder of a stack scaffolded from a tarball that holds its copy, so that it can reinstall. */
export const VENDOR_FOLDER = "vendor";

/**
 * Scaffolds a stack in `dir` from this package's tarball, copied into the stack first: its
 * `package.json` then names `file:./vendor/<tarball>`, which lives as long as the stack does.
 */
export function scaffoldStack(tarball: string, dir: string, flags: string[] = []): void {
  mkdirSync(join(dir, VENDOR_FOLDER), { recursive: true });
  const vendored = `${VENDOR_FOLDER}/${basename(tarball)}`;
  copyFileSync(tarball, join(dir, vendored));
  projenNew(dir, `eks-irsa-template@file:./${vendored}`, ["--no-git", ...flags]);
}

function newestMtime(dir: string): number {
  return Math.max(
    ...readdirSync(dir).map((entry) => {
      const path = join(dir, entry);
      return statSync(path).isDirectory() ? newestMtime(path) : statSync(path).mtimeMs;
    }),
  );
}
