import { Component, type typescript } from "projen";
import { requiredConfigKeysOf } from "./pulumi-project-file";
import type { StackSettings } from "./stack-settings";
import { TemplateFile } from "./template-file";
import { toTypeScriptLiteral } from "./typescript-literal";

/** In test/, where the stack's lint and type check cover it and dev dependencies (yaml) are allowed. */
const SCRIPT = "test/plan.ts";

/**
 * `npx projen plan`: runs the program under the mocks of the tests and prints what it would
 * register (resources, dependencies, policies, Kubernetes objects), offline, with no Pulumi CLI.
 */
export class OfflinePlan extends Component {
  constructor(project: typescript.TypeScriptProject, settings: StackSettings) {
    super(project);
    const requiredConfigKeys = requiredConfigKeysOf(settings);
    new TemplateFile(project, SCRIPT, {
      stackName: JSON.stringify(settings.stackName),
      requiredConfigKeys: toTypeScriptLiteral(requiredConfigKeys, "", "const REQUIRED_CONFIG_KEYS: string[] = ".length),
    });
    project.addTask("plan", {
      description: "Run the program offline under the test mocks and print what it would create",
      steps: [{ exec: `ts-node --swc --project ${project.tsconfigDev.fileName} ${SCRIPT}`, receiveArgs: true }],
    });
  }
}
