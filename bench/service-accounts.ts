/**
 * Declares N service accounts in a generated stack's `.projenrc.ts`, as a person would.
 */
import { chmodSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import type { ServiceAccountOptions } from "../src";
import { exampleServiceAccount } from "../src/options/resolve-stack-settings";

/**
 * N service accounts shaped like the scaffold's default one (an inline policy, a managed policy
 * attachment and an example Deployment each), spread over 10 namespaces.
 */
export function serviceAccounts(count: number): ServiceAccountOptions[] {
  return Array.from({ length: count }, (_, i) =>
    exampleServiceAccount({
      name: "bench",
      defaultReleaseBranch: "main",
      serviceAccountName: `app-${i + 1}`,
      namespace: `team-${i % 10}`,
    }),
  );
}

const PROJECT_CONSTRUCTION = "new EksIrsaProject({";

/** Adds `serviceAccounts: [...N entries]` to the options of the stack's `new EksIrsaProject({...})`. */
export function declareServiceAccounts(stackDir: string, count: number): void {
  const file = join(stackDir, ".projenrc.ts");
  const source = readFileSync(file, "utf-8");
  // projen new lists every option in comments (`// serviceAccounts: undefined, ...`): only a set option counts.
  if (!source.includes(PROJECT_CONSTRUCTION) || /^\s*serviceAccounts:/m.test(source)) {
    throw new Error(`${file}: expected one \`${PROJECT_CONSTRUCTION}\` without serviceAccounts, got:\n${source}`);
  }
  const option = `\n  serviceAccounts: ${JSON.stringify(serviceAccounts(count), null, 2).replace(/\n/g, "\n  ")},`;
  chmodSync(file, 0o644);
  writeFileSync(file, source.replace(PROJECT_CONSTRUCTION, PROJECT_CONSTRUCTION + option));
}
