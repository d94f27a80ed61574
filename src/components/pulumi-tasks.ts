import { Component, type typescript } from "projen";

interface PulumiTask {
  readonly name: string;
  readonly pulumiCommand: string;
  readonly description: string;
  /** Pulumi runs the compiled program (`Pulumi.yaml` main): compile first. */
  readonly compileFirst: boolean;
}

const PULUMI_TASKS: PulumiTask[] = [
  {
    name: "preview",
    pulumiCommand: "preview",
    description: "Compile, then show what `pulumi up` would change",
    compileFirst: true,
  },
  {
    name: "deploy",
    pulumiCommand: "up",
    description: "Compile, then create or update the stack's resources",
    compileFirst: true,
  },
  { name: "destroy", pulumiCommand: "destroy", description: "Delete every resource of the stack", compileFirst: false },
];

/**
 * Tasks wrapping the Pulumi CLI. Each passes its arguments on: `npx projen deploy --stack prod`.
 */
export class PulumiTasks extends Component {
  constructor(project: typescript.TypeScriptProject) {
    super(project);
    for (const task of PULUMI_TASKS) {
      project.addTask(task.name, {
        description: task.description,
        steps: [
          ...(task.compileFirst ? [{ spawn: project.compileTask.name }] : []),
          { exec: `pulumi ${task.pulumiCommand}`, receiveArgs: true },
        ],
      });
    }
  }
}
