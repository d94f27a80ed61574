import { github, type typescript } from "projen";
import { STACK_GITHUB_ACTIONS } from "./versions";
import type { StackSettings } from "../options/stack-settings";

/** The repository secrets the workflow reads. */
export const PULUMI_PREVIEW_SECRETS = {
  /** A Pulumi Cloud access token. */
  pulumiAccessToken: "PULUMI_ACCESS_TOKEN",
  /** The ARN of the IAM role the job assumes through GitHub's OIDC provider. */
  awsRoleToAssume: "AWS_ROLE_TO_ASSUME",
} as const;

const secret = (name: string) => `\${{ secrets.${name} }}`;

/**
 * `.github/workflows/pulumi-preview.yml`: on every pull request from this repository, the build,
 * then `pulumi preview` of the first stack with AWS credentials from an OIDC role, commented on
 * the pull request. Pull requests from forks get no secrets, so they skip it.
 *
 * Two jobs, so that what runs third-party code at install and test time never holds a cloud token:
 * the build job (read-only) installs, builds and tests; only the preview job, which starts once the
 * build passed, may request an OIDC token and comment, and it installs without running install
 * scripts and runs no tests. It does run the pull request's program (Pulumi runs `src/index.ts`
 * itself: `Pulumi.yaml`) with the role's credentials, which is why the stack's README asks for a
 * role that can only read.
 */
export class PulumiPreviewWorkflow extends github.GithubWorkflow {
  /** The workflow file, relative to the project. */
  public static readonly PATH = ".github/workflows/pulumi-preview.yml";

  constructor(gitHub: github.GitHub, project: typescript.TypeScriptProject, settings: StackSettings) {
    super(gitHub, "pulumi-preview", {
      // A newer commit makes the running preview moot.
      limitConcurrency: true,
      concurrencyOptions: { group: "pulumi-preview-${{ github.event.pull_request.number }}", cancelInProgress: true },
    });
    // Every workflow of the stack, projen's upgrade workflow too, uses these commits.
    for (const pinned of Object.values(STACK_GITHUB_ACTIONS)) {
      gitHub.actions.set(pinned.split("@")[0], pinned);
    }
    this.on({ pullRequest: {} });

    const sameRepository = "github.event.pull_request.head.repo.full_name == github.repository";
    this.addJob("build", {
      name: "build",
      if: sameRepository,
      ...gitHub.runsOnConfig(),
      permissions: { contents: github.workflows.JobPermission.READ },
      env: { CI: "true" },
      steps: [
        github.WorkflowSteps.checkout(),
        ...project.renderWorkflowSetup({ mutable: false }),
        // A preview of code that fails its tests is moot.
        { name: "Build", run: `npx projen ${project.buildTask.name}` },
      ],
    });
    this.addJob("preview", {
      name: `pulumi preview (${settings.stackName})`,
      needs: ["build"],
      if: sameRepository,
      ...gitHub.runsOnConfig(),
      permissions: {
        contents: github.workflows.JobPermission.READ,
        idToken: github.workflows.JobPermission.WRITE,
        pullRequests: github.workflows.JobPermission.WRITE,
      },
      env: { CI: "true" },
      steps: [
        github.WorkflowSteps.checkout(),
        // The program's runtime dependencies, without running any package's install script.
        ...project.renderWorkflowSetup({
          mutable: false,
          installStepConfiguration: { env: { npm_config_ignore_scripts: "true" } },
        }),
        {
          name: "AWS credentials",
          uses: STACK_GITHUB_ACTIONS.awsCredentials,
          with: {
            "role-to-assume": secret(PULUMI_PREVIEW_SECRETS.awsRoleToAssume),
            "aws-region": settings.region,
          },
        },
        {
          name: "pulumi preview",
          uses: STACK_GITHUB_ACTIONS.pulumi,
          with: {
            command: "preview",
            "stack-name": settings.stackName,
            "comment-on-pr": true,
          },
          env: { PULUMI_ACCESS_TOKEN: secret(PULUMI_PREVIEW_SECRETS.pulumiAccessToken) },
        },
      ],
    });
  }
}
