import { existsSync, readdirSync, readFileSync, rmSync } from "fs";
import { basename, join, resolve } from "path";

/** What projen new's `npm install`s of projen and of this package leave when the folder had no package.json. */
const INSTALLED_PACKAGES = new Set(["projen", "eks-irsa-template"]);

/**
 * What `projen new` had written when it handed over to this package, and how to take it back.
 *
 * projen new installs projen and this package into the folder (a `package.json` naming just those two, and
 * `node_modules`), then runs the project's constructor and `synth()` in its own process (projen's
 * projects.ts), where projen's `.projenrc.ts` is written before this package's pre-synthesis checks run.
 * A refusal undoes both, so that the folder is as the user left it and the same command works once the
 * input is fixed.
 */
export class ProjenNewRollback {
  private readonly entriesBefore: Set<string>;

  constructor(private readonly dir: string) {
    this.entriesBefore = new Set(readdirSync(dir));
  }

  /** Removes what projen new wrote, and returns what to tell the user. */
  public undo(): string {
    const removed = readdirSync(this.dir).filter((entry) => !this.entriesBefore.has(entry));
    const installsOnly = this.onlyProjenNewInstalled();
    if (installsOnly) {
      removed.push("package.json", "node_modules");
    }
    for (const entry of removed) {
      // rmSync removes links, never what they point to.
      rmSync(join(this.dir, entry), { recursive: true, force: true });
    }
    const what =
      installsOnly || !existsSync(join(this.dir, "package.json"))
        ? `it removed what it had written (${removed.join(", ")}), so ${this.dir} is as it was`
        : `${removed.length > 0 ? `it removed what it had written (${removed.join(", ")}); ` : ""}package.json and node_modules stay, since package.json holds more than projen new installed`;
    return `projen new created nothing: ${what}. Fix the above, then run the same command again${projenNewCommand()}.`;
  }

  private onlyProjenNewInstalled(): boolean {
    const manifest = join(this.dir, "package.json");
    if (!existsSync(manifest)) {
      return false;
    }
    try {
      const { devDependencies, ...rest } = JSON.parse(readFileSync(manifest, "utf-8"));
      return (
        Object.keys(rest).length === 0 &&
        typeof devDependencies === "object" &&
        Object.keys(devDependencies).every((name) => INSTALLED_PACKAGES.has(name))
      );
    } catch {
      return false;
    }
  }
}

/** The projen new command line of this process, quoted for a POSIX shell. */
function projenNewCommand(): string {
  const [, script, ...args] = process.argv;
  if (!script || !/projen/.test(basename(script)) || args[0] !== "new") {
    return "";
  }
  const quoted = args.map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`));
  return `: npx projen ${quoted.join(" ")}`;
}

/** The folder of a project created by projen new, or undefined for any other run. */
export function projenNewFolder(options: { outdir?: string }): string | undefined {
  // projen new passes how it was called under this key (projen's render-options.ts).
  return "__new__" in options ? resolve(options.outdir ?? ".") : undefined;
}
