import { typescript } from "projen";
import { AccessCheck } from "./components/access-check";
import { AwsManagedPolicyDocuments } from "./components/aws-managed-policy-documents";
import { LeastPrivilegeWorkflows } from "./components/least-privilege-workflows";
import { OfflinePlan } from "./components/offline-plan";
import { PulumiPreviewWorkflow } from "./components/pulumi-preview-workflow";
import { PulumiProjectFile } from "./components/pulumi-project-file";
import { PulumiStackFile } from "./components/pulumi-stack-file";
import { PulumiTasks } from "./components/pulumi-tasks";
import { ResourceRecord } from "./components/resource-record";
import { SampleProgram } from "./components/sample-program";
import { StackLibrary } from "./components/stack-library";
import { StackReadme } from "./components/stack-readme";
import { StackToolchain } from "./components/stack-toolchain";
import { UserErrorBoundary } from "./errors/user-error-boundary";
import type { EksIrsaProjectOptions } from "./options/eks-irsa-project-options";
import { validatedSettings } from "./options/validation";

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
  private readonly userErrors: UserErrorBoundary;

  constructor(options: EksIrsaProjectOptions) {
    // First, before projen writes anything: bad options are refused here, as a message.
    const userErrors = new UserErrorBoundary(options);
    const settings = userErrors.run(() => validatedSettings(options));

    super(StackToolchain.projectDefaults(options));
    this.userErrors = userErrors;

    new StackToolchain(this);
    new PulumiProjectFile(this, settings);
    new PulumiStackFile(this, settings);
    new StackLibrary(this, settings);
    new SampleProgram(this);
    new PulumiTasks(this);
    new OfflinePlan(this, settings);
    new ResourceRecord(this);
    new AwsManagedPolicyDocuments(this, settings);
    new AccessCheck(this, settings);
    if (this.github) {
      new LeastPrivilegeWorkflows(this);
      new PulumiPreviewWorkflow(this.github, this, settings);
    }
    new StackReadme(this, settings);
  }

  /** Synthesizes the project. A refusal of one of its components (a hand-written README) reads as a message. */
  public synth(): void {
    this.userErrors.run(() => super.synth());
  }
}
