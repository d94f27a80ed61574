import { Component, type typescript } from "projen";
import { scriptStep } from "./script-step";
import type { StackSettings } from "../options/stack-settings";

/** In test/, beside the mocks and the access model it runs (dev dependencies allowed there). */
const SCRIPT = "test/can-i.ts";

/**
 * `npx projen can-i <namespace>/<serviceaccount> <action> [<resource-arn>]`: whether a pod of that service account
 * may do it, offline: the program under the mocks, the role's trust and permissions evaluated by a real IAM engine.
 * The script is a managed file of the stack library; this adds its task.
 */
export class AccessCheck extends Component {
  constructor(project: typescript.TypeScriptProject, settings: StackSettings) {
    super(project);
    project.addTask("can-i", {
      description:
        "Offline: whether a pod of a service account may do an action (can-i namespace/name action [resource-arn])",
      // Without --stack, the first stack's config.
      env: { PLAN_DEFAULT_STACK: settings.stackName },
      steps: [scriptStep(project, SCRIPT, { receiveArgs: true })],
    });
  }
}
