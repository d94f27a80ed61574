/**
 * Jest's global setup: the option names of the project type come from its jsii assembly (`.jsii`),
 * which `npx projen compile` writes. Tests run from src/, so an assembly older than src/ is rewritten
 * first (a few seconds), or an option added to src/ would be refused as unknown.
 */
import { execFileSync } from "child_process";
import { existsSync, readdirSync, statSync } from "fs";
import { join } from "path";

const ROOT = join(__dirname, "..");

function newestSource(dir: string): number {
  return Math.max(
    0,
    ...readdirSync(dir, { withFileTypes: true }).map((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? newestSource(path) : path.endsWith(".ts") ? statSync(path).mtimeMs : 0;
    }),
  );
}

export default function freshJsiiAssembly(): void {
  const assembly = join(ROOT, ".jsii");
  if (!existsSync(assembly) || statSync(assembly).mtimeMs < newestSource(join(ROOT, "src"))) {
    execFileSync("npx", ["projen", "compile"], { cwd: ROOT, stdio: "inherit" });
  }
}
