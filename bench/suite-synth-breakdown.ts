/**
 * Suite 1b: where the time of `npx projen` goes, part by part, in both projects: the parts are
 * run on their own, so the rows do not add up exactly, but they show what dominates.
 */
import { timeCommand } from "./command";
import { measureInterleaved, type Variant } from "./interleave";
import { commandLine, runDirectly, taskCommands } from "./project-tasks";
import { row, type SuiteResult } from "./results";
import { project, type Workspace } from "./workspace";
import { NODE_BIN_PATH_SCRIPT } from "../src/components/task-path";

/** What projen's task runtime evaluates for the task environment's PATH in npm projects, unless told otherwise. */
const NPX_PATH_COMMAND = ["npx", "-c", "node --print process.env.PATH"] as const;

export function synthBreakdownSuite(workspace: Workspace, runs: number): SuiteResult {
  const generatedRc = taskCommands(workspace.generated, "default");
  const plainRc = taskCommands(project(workspace, "plain"), "default");
  const [npx, ...npxArgs] = NPX_PATH_COMMAND;

  const parts: Array<Variant & { note: string }> = [
    {
      label: "`npx projen --version`",
      note: "npx and the projen CLI starting: every `npx projen <task>` pays it once",
      measure: () => timeCommand(workspace.generated, "npx", ["projen", "--version"]).seconds,
    },
    {
      label: `\`${NPX_PATH_COMMAND.join(" ")}\``,
      note: "the task environment's PATH, as projen writes it for npm projects: evaluated once per task run, again per spawned task",
      measure: () => timeCommand(workspace.generated, npx, [...npxArgs]).seconds,
    },
    {
      label: "`node -e <print node_modules/.bin dirs + PATH>`",
      note: "the same PATH computed by node alone, as the stack's tasks do (src/components/task-path.ts)",
      measure: () => timeCommand(workspace.generated, "node", ["-e", NODE_BIN_PATH_SCRIPT]).seconds,
    },
    {
      label: `generated: \`${commandLine(generatedRc)}\``,
      note: "the stack's default task step run directly: `.projenrc.ts` transpiled by swc, synth included",
      measure: () => runDirectly(workspace.generated, generatedRc),
    },
    {
      label: `plain: \`${commandLine(plainRc)}\``,
      note: "the plain app's default task step run directly: `.projenrc.ts` type-checked by ts-node, synth included",
      measure: () => runDirectly(project(workspace, "plain"), plainRc),
    },
    {
      label: "`node -e 'require(\"projen\")'`",
      note: "loading projen alone: the floor of any synth",
      measure: () => timeCommand(workspace.generated, "node", ["-e", 'require("projen")']).seconds,
    },
  ];

  const samples = measureInterleaved(parts, { name: "synth parts", runs });
  return {
    title: "1b. Synth breakdown: the parts of `npx projen`, each run on its own",
    method:
      "Each part run alone in the generated stack's folder (the plain row in the plain app's). " +
      "`npx projen` = npx + projen CLI, then the task PATH, then the default task's step.",
    rows: parts.map((part) => row(part.label, samples.get(part.label)!, "s", part.note)),
    targets: [],
    notes: [],
  };
}
