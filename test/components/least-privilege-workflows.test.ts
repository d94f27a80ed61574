import * as YAML from "yaml";
import { synth } from "../project-fixture";

/** `write` permissions by job, in every workflow of a generated stack. */
function writesByJob(files: Record<string, any>): Record<string, string[]> {
  const writes: Record<string, string[]> = {};
  for (const [path, text] of Object.entries(files)) {
    if (!path.startsWith(".github/workflows/")) continue;
    for (const [name, job] of Object.entries<any>(YAML.parse(String(text)).jobs)) {
      const granted = Object.entries<string>(job.permissions ?? {}).filter(([, level]) => level === "write");
      if (granted.length > 0) writes[`${path.split("/").pop()} ${name}`] = granted.map(([scope]) => scope);
    }
  }
  return writes;
}

test("the build job, which installs and builds a pull request's code, may only read the repository", () => {
  const build = YAML.parse(synth()[".github/workflows/build.yml"]).jobs.build;
  expect(build.permissions).toEqual({ contents: "read" });
  // What it does with the repository: check out, and upload the self-mutation patch as an artifact.
  expect(build.steps.map((step: { uses?: string }) => step.uses?.split("@")[0]).filter(Boolean)).toEqual([
    "actions/checkout",
    "actions/setup-node",
    "actions/upload-artifact",
  ]);
});

test("the pull request lint, run with the base repository's token, may only read the pull request", () => {
  const validate = YAML.parse(synth()[".github/workflows/pull-request-lint.yml"]).jobs.validate;
  expect(validate.permissions).toEqual({ "pull-requests": "read" });
  // Its write access is for the action's `wip` option alone, which a commit status needs.
  expect(validate.steps[0].with).not.toHaveProperty("wip");
});

test("only the jobs that push, comment or request a cloud token may write, each only what it needs", () => {
  expect(writesByJob(synth())).toEqual({
    // Pushes the build's patch to the pull request's branch.
    "build.yml self-mutation": ["contents"],
    // Requests the OIDC token for the AWS role, and comments the preview on the pull request.
    "pulumi-preview.yml preview": ["id-token", "pull-requests"],
    // projen's upgrade workflow: its pr job opens the pull request with PROJEN_GITHUB_TOKEN, not the job's token.
  });
});
