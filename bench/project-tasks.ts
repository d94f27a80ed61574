/**
 * A projen task's commands, read from the project's `.projen/tasks.json`, and run directly: without
 * npx, the projen CLI and the task runtime's environment, to see what the commands alone cost.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { timeCommand } from "./command";

interface TaskStep {
  readonly exec?: string;
  readonly execArgs?: string[];
  readonly spawn?: string;
}

/**
 * The argv of every command step of a task, in order (spawned subtasks are not followed). A
 * string step is split on spaces: fine for the simple tool invocations projen writes.
 */
export function taskCommands(projectDir: string, taskName: string): string[][] {
  const manifest = JSON.parse(readFileSync(join(projectDir, ".projen", "tasks.json"), "utf-8"));
  const task = manifest.tasks?.[taskName];
  if (!task) {
    return [];
  }
  return (task.steps as TaskStep[]).flatMap((step) => {
    if (step.execArgs) {
      return [step.execArgs];
    }
    return step.exec ? [step.exec.trim().split(/\s+/)] : [];
  });
}

/** Runs commands one after the other with the project's own tools; returns the total seconds. */
export function runDirectly(projectDir: string, commands: readonly string[][]): number {
  let seconds = 0;
  for (const [tool, ...args] of commands) {
    seconds += timeCommand(projectDir, join(projectDir, "node_modules", ".bin", tool), args).seconds;
  }
  return seconds;
}

/** `tool args` as one line, for labels. */
export function commandLine(commands: readonly string[][]): string {
  return commands.map((argv) => argv.join(" ")).join(" && ");
}
