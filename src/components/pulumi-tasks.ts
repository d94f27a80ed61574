import { Component, type typescript } from "projen";

interface PulumiTask {
  readonly name: string;
  readonly pulumiCommand: string;
  readonly description: string;
  /**
   * Type-check the program first: Pulumi runs `src/index.ts` itself, transpiled by swc without a type check
   * (`Pulumi.yaml`), so this is where a type error stops a deployment.
   */
  readonly typecheckFirst: boolean;
}

const PULUMI_TASKS: PulumiTask[] = [
  {
    name: "preview",
    pulumiCommand: "preview",
    description: "Type-check the program, then show what `pulumi up` would change",
    typecheckFirst: true,
  },
  {
    name: "deploy",
    pulumiCommand: "up",
    description: "Type-check the program, then create or update the stack's resources",
    typecheckFirst: true,
  },
  {
    name: "destroy",
    pulumiCommand: "destroy",
    description: "Delete every resource of the stack",
    typecheckFirst: false,
  },
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
          // tsconfig.json covers the program (src/); its tests are type-checked by the build.
          ...(task.typecheckFirst
            ? [{ exec: `tsc --noEmit -p ${project.tsconfig?.fileName ?? "tsconfig.json"}` }]
            : []),
          // An argv: each argument reaches Pulumi verbatim (a URN's `$` is not expanded by a shell).
          { execArgs: ["pulumi", task.pulumiCommand], receiveArgs: true },
        ],
      });
    }
  }
}
