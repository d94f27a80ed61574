import { typescript } from "projen";
import { IdentityType } from "./identity-type";
import { OfflinePlan } from "./offline-plan";
import { OidcProviderSource } from "./oidc-provider-source";
import { PulumiPreviewWorkflow } from "./pulumi-preview-workflow";
import { PulumiProjectFile } from "./pulumi-project-file";
import { PulumiStackFile } from "./pulumi-stack-file";
import { PulumiTasks } from "./pulumi-tasks";
import { resolveStackSettings } from "./resolve-stack-settings";
import { SampleProgram } from "./sample-program";
import type { ServiceAccountOptions } from "./service-account-options";
import { StackReadme } from "./stack-readme";
import { StackSources } from "./stack-sources";
import { StackToolchain } from "./stack-toolchain";
import { assertValidOptions } from "./validation";

/**
 * Options of {@link EksIrsaProject}.
 */
export interface EksIrsaProjectOptions extends typescript.TypeScriptProjectOptions {
  /**
   * The name of the service account, when `serviceAccounts` is not given.
   * @default "app"
   */
  readonly serviceAccountName?: string;

  /**
   * The namespace of the service account, when `serviceAccounts` is not given.
   * @default "default"
   */
  readonly namespace?: string;

  /**
   * The workload identities of the stack, one entry per service account. Replaces
   * `serviceAccountName` and `namespace`.
   * @default - one service account `serviceAccountName` in `namespace`, with an example
   * least-privilege inline policy, an example managed policy attachment and an example Deployment
   */
  readonly serviceAccounts?: ServiceAccountOptions[];

  /**
   * The name of the first Pulumi stack: `Pulumi.<stackName>.yaml` is written once, for you to fill.
   * @default "dev"
   */
  readonly stackName?: string;

  /**
   * The AWS region of the first stack (`aws:region` in its stack config).
   * @default "us-east-1"
   */
  readonly region?: string;

  /**
   * The Pulumi project name (`name` in `Pulumi.yaml`).
   * @default - the package name, without its npm scope
   */
  readonly pulumiProjectName?: string;

  /**
   * How pods get their AWS credentials.
   * @default IdentityType.IRSA
   */
  readonly identityType?: IdentityType;

  /**
   * Where the stack finds the cluster's IAM OIDC provider (IRSA).
   * @default OidcProviderSource.STACK_CONFIG
   */
  readonly oidcProviderSource?: OidcProviderSource;

  /**
   * Prefix of the default IAM role names. Role names are global to an AWS account: give each
   * project sharing an account its own prefix.
   * @default - the Pulumi project name and "-"
   */
  readonly roleNamePrefix?: string;
}

/**
 * A Pulumi TypeScript stack on Amazon EKS whose pods get AWS credentials through their
 * Kubernetes service accounts (IRSA or EKS Pod Identity).
 *
 * The stack's wiring (`Pulumi.yaml`, the IRSA helper, the declared service accounts, their tests)
 * is managed and kept in sync by `npx projen`; the program (`src/index.ts`) and the stack config
 * (`Pulumi.<stack>.yaml`) are written once and are yours.
 *
 * @pjid eks-irsa
 */
export class EksIrsaProject extends typescript.TypeScriptAppProject {
  constructor(options: EksIrsaProjectOptions) {
    const settings = resolveStackSettings(options);
    assertValidOptions(options, settings);

    super(StackToolchain.projectDefaults(options));

    new StackToolchain(this);
    new PulumiProjectFile(this, settings);
    new PulumiStackFile(this, settings);
    new StackSources(this, settings);
    new SampleProgram(this);
    new PulumiTasks(this);
    new OfflinePlan(this, settings);
    if (this.github) {
      new PulumiPreviewWorkflow(this.github, this, settings);
    }
    new StackReadme(this, settings);
  }
}
