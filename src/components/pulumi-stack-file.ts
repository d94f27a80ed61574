import { SampleFile, type Project } from "projen";
import { customAudiencesOf, stackConfigNeedsOf } from "../options/stack-config-needs";
import type { StackSettings } from "../options/stack-settings";
import { renderTemplate } from "../rendering/template-renderer";

/**
 * `Pulumi.<stack>.yaml`, written once: the region and what is left to fill in. From then on it
 * belongs to the user and to `pulumi config set`.
 */
export class PulumiStackFile extends SampleFile {
  constructor(project: Project, settings: StackSettings) {
    const needs = stackConfigNeedsOf(settings);
    super(project, `Pulumi.${settings.stackName}.yaml`, {
      contents: renderTemplate("Pulumi.stack.yaml", {
        stackName: settings.stackName,
        projectName: settings.projectName,
        region: settings.region,
        needsOidcProviderArn: needs.oidcProviderArn,
        needsStackReference: needs.stackReference,
        needsClusterName: needs.clusterName,
        customAudiences: customAudiencesOf(settings).join(", "),
      }),
    });
  }
}
