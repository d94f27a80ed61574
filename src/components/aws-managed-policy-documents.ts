import { JsonFile, type Project } from "projen";
import { referencedAwsManagedPolicies } from "../access/aws-managed-policies";
import type { StackSettings } from "../options/stack-settings";

/**
 * `src/aws-managed-policies.json` of the stack: the documents of the AWS managed policies it references, copied at
 * synth from the snapshot this package ships, so that the stack's access model evaluates them offline without the
 * whole policy history in its node_modules. Read by test/access.ts.
 */
export class AwsManagedPolicyDocuments {
  public static readonly PATH = "src/aws-managed-policies.json";

  constructor(project: Project, settings: StackSettings) {
    const { source, policies } = referencedAwsManagedPolicies(settings);
    new JsonFile(project, AwsManagedPolicyDocuments.PATH, {
      obj: { source: source || undefined, policies },
      readonly: true,
      marker: true,
      newline: true,
    });
  }
}
