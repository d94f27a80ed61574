import type { TaskStep, typescript } from "projen";

/**
 * The task step that runs one of the stack's TypeScript scripts (transpiled by swc, no type check), with the task's
 * arguments when `receiveArgs`. An argv, not a shell line: projen passes each received argument verbatim to an
 * `execArgs` step, while it joins them unquoted into an `exec` line for the shell (projen task-model.d.ts,
 * `execArgs`), where `*` in an ARN would be globbed and `$` expanded.
 */
export function scriptStep(
  project: typescript.TypeScriptProject,
  script: string,
  options: { receiveArgs: boolean },
): TaskStep {
  return {
    execArgs: ["ts-node", "--swc", "--project", project.tsconfigDev.fileName, script],
    ...(options.receiveArgs && { receiveArgs: true }),
  };
}
