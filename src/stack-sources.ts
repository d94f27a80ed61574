import { Component, type Project } from "projen";
import type { StackSettings } from "./stack-settings";
import { TemplateFile } from "./template-file";
import { toTypeScriptLiteral } from "./typescript-literal";

/**
 * The managed sources of the stack, each rendered from `templates/<path>.hbs` on every synth.
 * Only `src/settings.ts` depends on the options; the rest is the same in every stack.
 */
export const MANAGED_SOURCES = [
  "src/trust-policy.ts",
  "src/arn-tokens.ts",
  "src/service-account-like.ts",
  "src/irsa.ts",
  "src/pod-identity.ts",
  "src/inline-policy.ts",
  "src/settings-types.ts",
  "src/stack-config.ts",
  "src/workload-identity.ts",
  "src/workload-identities.ts",
  "test/pulumi-mocks.ts",
  "test/trust-policy.test.ts",
  "test/stack-config.test.ts",
  "test/workload-identities.test.ts",
] as const;

export class StackSources extends Component {
  constructor(project: Project, settings: StackSettings) {
    super(project);
    // What the program reads at run time; the stack name and region live in the stack config.
    const { projectName, identityType, oidcProviderSource, serviceAccounts } = settings;
    new TemplateFile(project, "src/settings.ts", {
      settings: toTypeScriptLiteral({ projectName, identityType, oidcProviderSource, serviceAccounts }),
    });
    for (const path of MANAGED_SOURCES) {
      new TemplateFile(project, path);
    }
  }
}
