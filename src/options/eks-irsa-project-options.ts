import type { typescript } from "projen";
import type { IdentityType } from "./identity-type";
import type { OidcProviderSource } from "./oidc-provider-source";
import type { PodIdentityAgentMode } from "./pod-identity-agent-mode";
import type { ServiceAccountOptions } from "./service-account-options";

/**
 * Options of {@link EksIrsaProject}. Each is `@featured`: `projen new` writes them into `.projenrc.ts` as
 * commented examples.
 */
export interface EksIrsaProjectOptions extends typescript.TypeScriptProjectOptions {
  /**
   * The name of the service account, when `serviceAccounts` is not given.
   * @default "app"
   * @featured
   */
  readonly serviceAccountName?: string;

  /**
   * The namespace of the service account, when `serviceAccounts` is not given.
   * @default "default"
   * @featured
   */
  readonly namespace?: string;

  /**
   * The workload identities of the stack, one entry per service account. Replaces
   * `serviceAccountName` and `namespace`.
   * @default - one service account `serviceAccountName` in `namespace`, with an example
   * least-privilege inline policy, an example managed policy attachment and an example Deployment
   * @featured
   */
  readonly serviceAccounts?: ServiceAccountOptions[];

  /**
   * The name of the first Pulumi stack: `Pulumi.<stackName>.yaml` is written once, for you to fill.
   * @default "dev"
   * @featured
   */
  readonly stackName?: string;

  /**
   * The AWS region of the first stack (`aws:region` in its stack config).
   * @default "us-east-1"
   * @featured
   */
  readonly region?: string;

  /**
   * The Pulumi project name (`name` in `Pulumi.yaml`).
   * @default - the package name, without its npm scope
   * @featured
   */
  readonly pulumiProjectName?: string;

  /**
   * How pods get their AWS credentials: the default of each service account's own `identityType`.
   * @default IdentityType.IRSA
   * @featured
   */
  readonly identityType?: IdentityType;

  /**
   * Where the stack finds the cluster's IAM OIDC provider (IRSA).
   * @default OidcProviderSource.STACK_CONFIG
   * @featured
   */
  readonly oidcProviderSource?: OidcProviderSource;

  /**
   * Prefix of the default IAM role names. Role names are global to an AWS account: give each
   * project sharing an account its own prefix. (Stacks other than `stackName` add `@<stack>` to
   * derived names, so the stacks of one project never collide.)
   * @default - the Pulumi project name and "-"
   * @featured
   */
  readonly roleNamePrefix?: string;

  /**
   * When an entry uses Pod Identity: check that the cluster has the EKS Pod Identity Agent add-on, install it,
   * or neither (EKS Auto Mode has the agent built in). Refused when no entry uses Pod Identity.
   * @default PodIdentityAgentMode.CHECK
   * @featured
   */
  readonly podIdentityAgent?: PodIdentityAgentMode;
}
