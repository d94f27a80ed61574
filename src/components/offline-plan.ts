import { Component, type typescript } from "projen";
import { scriptStep } from "./script-step";
import type { StackSettings } from "../options/stack-settings";

/** In test/, where the stack's lint and type check cover it and dev dependencies (yaml) are allowed. */
const SCRIPT = "test/plan.ts";

/**
 * `npx projen plan`: runs the program under the mocks of the tests and prints what it would
 * register (resources, dependencies, policies, Kubernetes objects), offline, with no Pulumi CLI.
 * The script is a managed file of the stack library; this adds its task.
 */
export class OfflinePlan extends Component {
  constructor(project: typescript.TypeScriptProject, settings: StackSettings) {
    super(project);
    project.addTask("plan", {
      description: "Run the program offline under the test mocks and print what it would create",
      // Without --stack, the plan shows the first stack.
      env: { PLAN_DEFAULT_STACK: settings.stackName },
      steps: [scriptStep(project, SCRIPT, { receiveArgs: true })],
    });
  }
}
