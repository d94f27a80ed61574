import { readFileSync } from "fs";
import { join } from "path";

/**
 * The commands of an `sh` block (the first one by default) under a heading of the README, without
 * their comments: the end-to-end tests run these lines, so that the README says exactly what is tested.
 */
export function readmeCommands(heading: string, blockIndex = 0): string[] {
  const readme = readFileSync(join(__dirname, "..", "..", "README.md"), "utf-8");
  const section = readme.split(/^#+ /m).find((part) => part.startsWith(`${heading}\n`)) ?? "";
  const block = [...section.matchAll(/```sh\n([\s\S]*?)```/g)][blockIndex];
  if (!block) {
    throw new Error(`README.md has no sh block #${blockIndex} under the heading "${heading}"`);
  }
  return block[1]
    .split("\n")
    .map((line) => line.replace(/\s+#.*$/, "").trim())
    .filter((line) => line && !line.startsWith("#"));
}

/** The `--from` module and the other flags of a `npx projen new --from <module> [flags]` command. */
export function projenNewArguments(command: string): { from: string; flags: string[] } {
  const match = /^npx projen new --from (\S+)(.*)$/.exec(command);
  if (!match) {
    throw new Error(`not a \`npx projen new --from\` command: ${command}`);
  }
  return { from: match[1], flags: match[2].trim().split(/\s+/).filter(Boolean) };
}
