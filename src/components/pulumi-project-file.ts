import { YamlFile, type typescript } from "projen";
import { IdentityType } from "../options/identity-type";
import { customAudiencesOf, identityTypesTextOf, stackConfigNeedsOf } from "../options/stack-config-needs";
import type { StackSettings } from "../options/stack-settings";

/** A key of the stack config, as declared in `Pulumi.yaml`. */
export interface ConfigDeclaration {
  readonly type: "string" | "array";
  readonly description: string;
  readonly default?: unknown;
  readonly items?: { type: "string" };
}

/**
 * The managed `Pulumi.yaml`: the project, its Node.js runtime and the stack config keys the
 * program reads, so that `pulumi config` can say what each one is for.
 */
export class PulumiProjectFile extends YamlFile {
  constructor(project: typescript.TypeScriptProject, settings: StackSettings) {
    const identity = identityTypesTextOf(settings, {
      [IdentityType.IRSA]: "IRSA",
      [IdentityType.POD_IDENTITY]: "EKS Pod Identity",
    });
    super(project, "Pulumi.yaml", {
      obj: {
        name: settings.projectName,
        description: `Kubernetes service accounts and the IAM roles their pods assume (${identity}).`,
        // Pulumi runs the program from source, so `pulumi up` always deploys what src/ says, compiled or not:
        // its nodejs runtime registers ts-node with tsconfig.json (@pulumi/pulumi cmd/run/run.js), whose
        // "ts-node" options pick swc, a transpiler without a type check (StackToolchain).
        runtime: { name: "nodejs", options: { packagemanager: project.package.packageManager, typescript: true } },
        main: `${project.srcdir}/index.ts`,
        config: configDeclarationsFor(settings),
      },
    });
  }
}

export function configDeclarationsFor(settings: StackSettings): Record<string, ConfigDeclaration> {
  const needs = stackConfigNeedsOf(settings);
  const config: Record<string, ConfigDeclaration> = {
    kubeconfig: {
      type: "string",
      default: "",
      description:
        'Kubeconfig of the EKS cluster, kept encrypted. Write this cluster\'s entry alone to a new file, so that no other context or credential goes into it: `aws eks update-kubeconfig --name <cluster> --kubeconfig <new file>`, then `pulumi config set --secret kubeconfig "$(cat <new file>)"`. Empty uses the ambient kubeconfig (KUBECONFIG, ~/.kube/config).',
    },
  };
  const audiences = customAudiencesOf(settings);
  const clientIds =
    audiences.length > 0
      ? ` The provider must list ${audiences.map((a) => `\`${a}\``).join(", ")} as a client ID (audience), besides \`sts.amazonaws.com\`.`
      : "";
  if (needs.clusterName) {
    config.clusterName = {
      type: "string",
      description: `Name of the EKS cluster, as in \`aws eks list-clusters\`.${clientIds}`,
    };
  }
  if (needs.oidcProviderArn) {
    config.oidcProviderArn = {
      type: "string",
      description: `ARN of the cluster's IAM OIDC provider, arn:<partition>:iam::<account>:oidc-provider/<issuer host and path>; \`aws iam list-open-id-connect-providers\` lists them.${clientIds}`,
    };
  }
  if (needs.stackReference) {
    config.oidcProviderStackReference = {
      type: "string",
      description: `The stack that exports the OIDC provider ARN, as <organization>/<project>/<stack>.${clientIds}`,
    };
    config.oidcProviderOutputName = {
      type: "string",
      default: "oidcProviderArn",
      description: "The name of that stack's output holding the OIDC provider ARN.",
    };
  }
  if (needs.additionalOidcProviderArns) {
    config.additionalOidcProviderArns = {
      type: "array",
      items: { type: "string" },
      default: [],
      description:
        "ARNs of more IAM OIDC providers, in the account and partition of oidcProviderArn (other clusters' issuers, registered there), whose service accounts of the same namespace and name may assume the same roles.",
    };
  }
  return config;
}

/** The keys without a default: the program stops until `pulumi config set` gives them a value. */
export function requiredConfigKeysOf(settings: StackSettings): string[] {
  return Object.entries(configDeclarationsFor(settings))
    .filter(([, declaration]) => declaration.default === undefined)
    .map(([key]) => key);
}
