import { createHash } from "crypto";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "fs";
import { join, relative } from "path";
import { LocalRegistry } from "./local-registry";
import { makeScratchFolder } from "./scratch-folder";
import { attempt, packThisPackage, projenNew, run } from "../../scripts/local-package";

/** Build output and installed packages: not what `npx projen` is judged by. */
const UNTRACKED = new Set(["node_modules", "lib", "coverage", "test-reports", "dist", ".git"]);

/**
 * The temporary folders of one test file: a stack weighs about 380 MB, so every folder is
 * recorded when made and deleted in `afterAll`, whether the tests passed or not.
 */
export class TempFolders {
  private readonly folders: string[] = [];

  public make(prefix: string): string {
    const folder = makeScratchFolder(prefix);
    this.folders.push(folder);
    return folder;
  }

  public removeAll(): void {
    for (const folder of this.folders.splice(0)) {
      rmSync(folder, { recursive: true, force: true });
    }
  }
}

/**
 * The setup every registry story shares: a local registry serving this package as `0.1.0`, started before the file's
 * tests, stopped after them, and the file's temporary folders, deleted after them, pass or fail. `earlierReleases`
 * (tarballs) are published first, so that `0.1.0`, published last, is the registry's `latest`. The registry is set
 * once `beforeAll` ran (a `beforeAll` registered after this call can use it).
 */
export function registryWithRelease(earlierReleases: string[] = []): {
  temp: TempFolders;
  registry: () => LocalRegistry;
} {
  const temp = new TempFolders();
  let registry: LocalRegistry | undefined;
  beforeAll(async () => {
    registry = await LocalRegistry.start();
    for (const tarball of earlierReleases) {
      registry.publish(tarball);
    }
    registry.publish(prepareRelease(temp, "0.1.0"));
  });
  afterAll(async () => {
    try {
      await registry?.stop();
    } finally {
      temp.removeAll();
    }
  });
  return {
    temp,
    registry: () => {
      if (!registry) {
        throw new Error("the local registry is not started: use it in a test or a later beforeAll");
      }
      return registry;
    },
  };
}

/**
 * This package as a release: packed as npm publishes it, unpacked, under `version`, with `edit` applied to the
 * unpacked files first (a next release's changes). Returns the package folder, which `npm publish` packs as it
 * packs any folder: the files of the packed checkout, bundled dependencies included. Publishing that folder takes
 * about 3 s where publishing a tarball of it took 9-18 s (npm unpacks a tarball on disk to read it: 2,860 files).
 */
export function prepareRelease(
  temp: TempFolders,
  version: string,
  edit: (packageDir: string) => void = () => undefined,
): string {
  const dir = temp.make("eks-irsa-release-");
  const packed = packThisPackage(dir);
  run(dir, "tar", ["xzf", packed]);
  rmSync(packed);
  const packageDir = join(dir, "package");
  // The version is in the jsii assembly too, which packages built against this one check (jsii does not
  // verify an assembly's fingerprint: it rewrites assemblies itself).
  for (const file of ["package.json", ".jsii"]) {
    editFile(packageDir, file, (text) => `${JSON.stringify({ ...JSON.parse(text), version }, null, 2)}\n`);
  }
  edit(packageDir);
  return packageDir;
}

/** Changes a file of an unpacked package, failing when the change changes nothing. */
export function editFile(packageDir: string, path: string, change: (text: string) => string): void {
  const file = join(packageDir, path);
  const before = readFileSync(file, "utf-8");
  const after = change(before);
  if (after === before) {
    throw new Error(`the edit of ${path} changed nothing`);
  }
  writeFileSync(file, after);
}

/**
 * A stack scaffolded by `projen new --from` in a temporary folder, from the local registry, and
 * used as a person would: every npm, npx and projen command in it reaches that registry.
 */
export class StackWorkspace {
  /** `projen new --from <from> [flags]` in a new folder named `orders-stack`, its npm and Pulumi name. */
  public static scaffold(
    temp: TempFolders,
    registry: LocalRegistry,
    from = "eks-irsa-template",
    flags: string[] = [],
  ): StackWorkspace {
    const dir = join(temp.make("eks-irsa-stack-"), "orders-stack");
    mkdirSync(dir);
    projenNew(dir, from, ["--no-git", ...flags], registry.env);
    return new StackWorkspace(dir, registry.env);
  }

  public constructor(
    public readonly dir: string,
    public readonly env: NodeJS.ProcessEnv,
  ) {}

  /** Runs a command in the stack, as its user would, with npm pointed at the registry. */
  public run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): string {
    return run(this.dir, command, args, { ...this.env, ...env });
  }

  public projen(...args: string[]): string {
    return this.run("npx", ["projen", ...args]);
  }

  /** `npx projen <args>`, whatever its exit code: the status and what it printed. */
  public attemptProjen(...args: string[]): { status: number | null; stdout: string; stderr: string } {
    return attempt(this.dir, "npx", ["projen", ...args], this.env);
  }

  /** A copy of the stack's files, without installed packages or build output, as a clone has them. */
  public cleanCopy(temp: TempFolders): StackWorkspace {
    const dir = join(temp.make("eks-irsa-copy-"), "orders-stack");
    mkdirSync(dir);
    for (const path of Object.keys(this.tree())) {
      mkdirSync(join(dir, path, ".."), { recursive: true });
      writeFileSync(join(dir, path), readFileSync(join(this.dir, path)));
    }
    return new StackWorkspace(dir, this.env);
  }

  /** The full names ("describe › test") of the tests of one of the stack's test files that passed. */
  public passedTests(testFile: string): string[] {
    const report = JSON.parse(this.run("npx", ["jest", "--json", "--coverage=false", testFile]));
    return report.testResults.flatMap((file: any) =>
      file.assertionResults
        .filter((result: any) => result.status === "passed")
        .map((result: any) => [...result.ancestorTitles, result.title].join(" › ")),
    );
  }

  public read(path: string): string {
    return readFileSync(join(this.dir, path), "utf-8");
  }

  public exists(path: string): boolean {
    return existsSync(join(this.dir, path));
  }

  /** Writes a file as a person would, making a read-only (managed) file writable first. */
  public write(path: string, content: string): void {
    const file = join(this.dir, path);
    if (existsSync(file)) {
      chmodSync(file, 0o644);
    }
    writeFileSync(file, content);
  }

  /** The hash of every file but installed packages and build output, by path. */
  public tree(): Record<string, string> {
    const tree: Record<string, string> = {};
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir)) {
        const path = join(dir, entry);
        if (dir === this.dir && UNTRACKED.has(entry)) {
          continue;
        }
        if (statSync(path).isDirectory()) {
          walk(path);
        } else {
          tree[relative(this.dir, path)] = createHash("sha256").update(readFileSync(path)).digest("hex");
        }
      }
    };
    walk(this.dir);
    return tree;
  }
}
