import { Component, type typescript } from "projen";
import { scriptStep } from "./script-step";

/** In test/, beside the check it feeds (dev dependencies allowed there). */
const SCRIPT = "test/record-resources.ts";

/**
 * `npx projen resources:record`: rewrites the stack's `resource-identities.json`, the record of the resources each
 * stack deploys that `test/resource-identities.test.ts` holds every regeneration to. The record is not a managed file:
 * synth never writes it, so it keeps what the stack was last reviewed with; this task, run after a deliberate
 * removal or rename, is the one way to accept one. The script is a managed file of the stack library.
 */
export class ResourceRecord extends Component {
  constructor(project: typescript.TypeScriptProject) {
    super(project);
    project.addTask("resources:record", {
      description:
        "Record the resources each stack deploys (resource-identities.json) after a deliberate removal or rename",
      steps: [scriptStep(project, SCRIPT, { receiveArgs: false })],
    });
  }
}
