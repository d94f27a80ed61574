import * as YAML from "yaml";
import { synth } from "../project-fixture";

const WORKFLOW = ".github/workflows/pulumi-preview.yml";

describe("the pulumi-preview workflow", () => {
  const workflow = YAML.parse(synth({ stackName: "staging", region: "eu-west-1" })[WORKFLOW]);
  const job = workflow.jobs.preview;
  const step = (name: string) => job.steps.find((s: { name: string }) => s.name === name);

  test("runs on pull requests from this repository, with an OIDC token and leave to comment", () => {
    expect(workflow.on).toEqual({ pull_request: {} });
    expect(job.if).toBe("github.event.pull_request.head.repo.full_name == github.repository");
    expect(job.permissions).toEqual({ contents: "read", "id-token": "write", "pull-requests": "write" });
  });

  test("builds, assumes the AWS role of a secret, then previews the first stack with pulumi/actions", () => {
    expect(job.steps.map((s: { name: string }) => s.name)).toEqual([
      "Checkout",
      "Install dependencies",
      "Build",
      "AWS credentials",
      "pulumi preview",
    ]);
    expect(step("Install dependencies").run).toBe("npm ci");
    expect(step("Build").run).toBe("npx projen build");
    expect(step("AWS credentials").uses).toMatch(/^aws-actions\/configure-aws-credentials@/);
    expect(step("AWS credentials").with).toEqual({
      "role-to-assume": "${{ secrets.AWS_ROLE_TO_ASSUME }}",
      "aws-region": "eu-west-1",
    });
    expect(step("pulumi preview")).toMatchObject({
      uses: "pulumi/actions@v7",
      with: { command: "preview", "stack-name": "staging", "comment-on-pr": true },
      env: { PULUMI_ACCESS_TOKEN: "${{ secrets.PULUMI_ACCESS_TOKEN }}" },
    });
  });

  test("is left out of a stack without GitHub support", () => {
    expect(synth({ github: false })[WORKFLOW]).toBeUndefined();
  });
});
