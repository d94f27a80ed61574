/**
 * The projects the bench measures, prepared from scratch in a temporary folder: a stack scaffolded
 * from this checkout, a plain projen TypeScript app, and copies of the stack (with N service
 * accounts, with the ts-jest baseline).
 */
import { spawn } from "child_process";
import { mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { personEnvironment, timeCommand } from "./command";
import { progress } from "./interleave";
import { declareServiceAccounts } from "./service-accounts";
import { makeTsJestBaseline } from "./ts-jest-baseline";
import { packThisPackage, PROJEN_VERSION, run, scaffoldStack } from "../scripts/local-package";

export interface Workspace {
  /** The temporary folder holding everything below. */
  readonly root: string;
  /** This checkout, packed as npm would publish it. */
  readonly tarball: string;
  /** The stack as `projen new --from` scaffolds it (one service account, the default example). */
  readonly generated: string;
  /** `projen new typescript-app --projenrc-ts --package-manager npm`: what the stack is compared with. */
  readonly plain?: string;
  /** A copy of the stack whose tests also run under ts-jest (`jest --config jest.ts-jest.config.json`). */
  readonly tsJest?: string;
  /** Copies of the stack declaring N service accounts, by N. */
  readonly serviceAccountStacks: ReadonlyMap<number, string>;
}

/** What the suites to run need besides the generated stack. */
export interface WorkspaceNeeds {
  readonly plain: boolean;
  readonly tsJest: boolean;
  /** The numbers of service accounts of the stack copies to prepare (none: no copies). */
  readonly serviceAccountCounts: readonly number[];
}

/** A project of the workspace that a suite needs; fails if the workspace was prepared without it. */
export function project(workspace: Workspace, name: "plain" | "tsJest"): string {
  const dir = workspace[name];
  if (!dir) {
    throw new Error(`the bench prepared no ${name} project: a suite that needs it must declare it (bench/run.ts)`);
  }
  return dir;
}

/** Scaffolds the projects (in parallel: mostly npm install) and derives the copies; on failure, removes them. */
export async function prepareWorkspace(needs: WorkspaceNeeds): Promise<Workspace> {
  const root = mkdtempSync(join(tmpdir(), "eks-irsa-bench-"));
  progress(`Workspace: ${root}`);
  try {
    return await prepareIn(root, needs);
  } catch (error) {
    // Leave no litter: nothing will measure, keep or remove a half-prepared workspace.
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
}

async function prepareIn(root: string, needs: WorkspaceNeeds): Promise<Workspace> {
  const plain = needs.plain ? join(root, "plain-app") : undefined;
  const plainDone = plain ? scaffoldPlainApp(root, plain) : Promise.resolve();

  // The folder name becomes the stack's npm and Pulumi project name.
  const generated = join(root, "orders-stack");
  let tarball: string;
  try {
    progress("Packing this checkout (compiling first if lib/ is stale)...");
    tarball = packThisPackage(root);
    mkdirSync(generated);
    progress(`Scaffolding a stack from ${tarball} (npm install included)...`);
    scaffoldStack(tarball, generated);
  } catch (error) {
    // The plain app's scaffold writes into the workspace in the background: let it end before the workspace goes.
    await plainDone.catch(() => undefined);
    throw error;
  }
  await plainDone;

  let tsJest: string | undefined;
  if (needs.tsJest) {
    progress("Preparing the ts-jest baseline...");
    tsJest = copyStack(generated, join(root, "ts-jest-baseline"));
    makeTsJestBaseline(tsJest);
  }

  const serviceAccountStacks = new Map<number, string>();
  for (const count of needs.serviceAccountCounts) {
    progress(`Preparing a stack with ${count} service account(s)...`);
    const dir = copyStack(generated, join(root, `service-accounts-${count}`));
    declareServiceAccounts(dir, count);
    synthesize(dir);
    serviceAccountStacks.set(count, dir);
  }

  return { root, tarball, generated, plain, tsJest, serviceAccountStacks };
}

/** `projen new typescript-app` in the background; resolves when it is done. */
function scaffoldPlainApp(root: string, plain: string): Promise<void> {
  mkdirSync(plain);
  progress("Scaffolding the plain projen typescript-app (npm install included)...");
  return spawnToLog(
    plain,
    "npx",
    [
      "-y",
      `projen@${PROJEN_VERSION}`,
      "new",
      "typescript-app",
      "--projenrc-ts",
      "--package-manager",
      "npm",
      "--no-git",
    ],
    join(root, "plain-app.log"),
  );
}

/** Deletes the workspace. */
export function removeWorkspace(workspace: Workspace): void {
  rmSync(workspace.root, { recursive: true, force: true });
}

/** Copies a stack with its node_modules (no reinstall: the copy is the same install). */
function copyStack(from: string, to: string): string {
  run(join(from, ".."), "cp", ["-a", from, to]);
  return to;
}

/** Runs `npx projen` once after an edit of `.projenrc.ts`, so the stack's files match it. */
function synthesize(dir: string): void {
  const { stdout, stderr } = timeCommand(dir, "npx", ["projen"]);
  if (/Installing dependencies/.test(stdout + stderr)) {
    // Not an error: package.json changed. The measured runs after it will not install.
    progress(`  (${dir}: npx projen installed dependencies once)`);
  }
}

/** Runs a command in the background with its output in a log file; resolves when it succeeds. */
function spawnToLog(cwd: string, command: string, args: string[], log: string): Promise<void> {
  const fd = openSync(log, "w");
  const child = spawn(command, args, { cwd, env: personEnvironment(), stdio: ["ignore", fd, fd] });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0) {
        resolve();
      } else {
        reject(
          new Error(`\`${command} ${args.join(" ")}\` failed in ${cwd} (exit ${code}):\n${readFileSync(log, "utf-8")}`),
        );
      }
    });
  });
}
