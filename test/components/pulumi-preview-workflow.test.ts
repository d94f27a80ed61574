import * as YAML from "yaml";
import { synth } from "../project-fixture";

const WORKFLOW = ".github/workflows/pulumi-preview.yml";

describe("the pulumi-preview workflow", () => {
  const files = synth({ stackName: "staging", region: "eu-west-1" });
  const workflow = YAML.parse(files[WORKFLOW]);
  const { build, preview } = workflow.jobs;
  const step = (job: { steps: { name: string }[] }, name: string): any => job.steps.find((s) => s.name === name);

  test("runs on pull requests from this repository", () => {
    expect(workflow.on).toEqual({ pull_request: {} });
    for (const job of [build, preview]) {
      expect(job.if).toBe("github.event.pull_request.head.repo.full_name == github.repository");
    }
  });

  test("installs, builds and tests where no cloud token can be requested", () => {
    expect(build.permissions).toEqual({ contents: "read" });
    expect(build.steps.map((s: { name: string }) => s.name)).toEqual([
      "Checkout",
      "Setup Node.js",
      "Install dependencies",
      "Build",
    ]);
    expect(step(build, "Install dependencies").run).toBe("npm ci");
    expect(step(build, "Build").run).toBe("npx projen build");
  });

  test("previews with an OIDC token and leave to comment, running no install script and no test", () => {
    expect([preview.needs].flat()).toEqual(["build"]);
    expect(preview.permissions).toEqual({ contents: "read", "id-token": "write", "pull-requests": "write" });
    expect(preview.steps.map((s: { name: string }) => s.name)).toEqual([
      "Checkout",
      "Setup Node.js",
      "Install dependencies",
      "AWS credentials",
      "pulumi preview",
    ]);
    expect(step(preview, "Install dependencies")).toMatchObject({
      run: "npm ci",
      env: { npm_config_ignore_scripts: "true" },
    });
    expect(step(preview, "AWS credentials").with).toEqual({
      "role-to-assume": "${{ secrets.AWS_ROLE_TO_ASSUME }}",
      "aws-region": "eu-west-1",
    });
    expect(step(preview, "pulumi preview")).toMatchObject({
      with: { command: "preview", "stack-name": "staging", "comment-on-pr": true },
      env: { PULUMI_ACCESS_TOKEN: "${{ secrets.PULUMI_ACCESS_TOKEN }}" },
    });
  });

  test("pins every third-party action of the stack's workflows by commit", () => {
    const firstParty = /^actions\//;
    const uses = Object.entries(files)
      .filter(([path]) => path.startsWith(".github/workflows/"))
      .flatMap(([, text]) => [...String(text).matchAll(/uses: (\S+)/g)].map((match) => match[1]));
    const thirdParty = uses.filter((action) => !firstParty.test(action));
    expect(thirdParty).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^pulumi\/actions@/),
        expect.stringMatching(/^aws-actions\/configure-aws-credentials@/),
        expect.stringMatching(/^peter-evans\/create-pull-request@/),
      ]),
    );
    for (const action of thirdParty) {
      expect(action).toMatch(/@[0-9a-f]{40}$/);
    }
  });

  test("is left out of a stack without GitHub support", () => {
    expect(synth({ github: false })[WORKFLOW]).toBeUndefined();
  });
});
