import { createHash } from "crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join, relative } from "path";
import { run, scaffoldStack } from "../../scripts/local-package";

/** Build output and installed packages: not what `npx projen` is judged by. */
const UNTRACKED = new Set(["node_modules", "lib", "coverage", "test-reports", "dist"]);

/** A stack scaffolded by `projen new --from`, in a temporary folder, used as a person would. */
export class StackWorkspace {
  public static scaffold(tarball: string, flags: string[] = []): StackWorkspace {
    // A fixed folder name: it becomes the npm and Pulumi project name.
    const dir = join(mkdtempSync(join(tmpdir(), "eks-irsa-stack-")), "orders-stack");
    mkdirSync(dir);
    scaffoldStack(tarball, dir, flags);
    return new StackWorkspace(dir);
  }

  private constructor(public readonly dir: string) {}

  public projen(...args: string[]): string {
    return run(this.dir, "npx", ["projen", ...args]);
  }

  /** The full names ("describe › test") of the tests of one of the stack's test files that passed. */
  public passedTests(testFile: string): string[] {
    const report = JSON.parse(run(this.dir, "npx", ["jest", "--json", "--coverage=false", testFile]));
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
