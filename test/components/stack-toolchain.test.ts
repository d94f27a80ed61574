import { Testing } from "projen";
import { AcmeEksProject } from "../../examples/acme-eks-starter/src";
import { synth, temporaryOutdir } from "../project-fixture";

/** `npx projen upgrade` in a generated stack: this package included, no terminal needed, one run. */
describe("the stack's upgrade task", () => {
  const files = synth();
  const upgrade = files[".projen/tasks.json"].tasks.upgrade;
  const devDependencies = files["package.json"].devDependencies;
  const ncu = upgrade.steps.find((step: any) => step.execArgs?.[1]?.startsWith("npm-check-updates@"));

  test("bumps eks-irsa-template: the stack depends on it without a pinned version", () => {
    // projen resolves "*" to the installed version once npm has installed it.
    expect(devDependencies["eks-irsa-template"]).toBe("*");
    expect(ncu.execArgs.find((arg: string) => arg.startsWith("--filter="))).toMatch(/[=,]eks-irsa-template(,|$)/);
  });

  test("runs the npm-check-updates the stack installs, which npx runs without asking for a terminal", () => {
    const [, spec] = ncu.execArgs;
    const requestedMajor = /^npm-check-updates@(\d+)$/.exec(spec)![1];
    expect(devDependencies["npm-check-updates"]).toBe(`^${requestedMajor}`);
  });

  test("renders the managed files with the new version in the same run: projen starts anew after the install", () => {
    const steps: string[] = upgrade.steps.map((step: any) => step.exec ?? step.execArgs?.join(" ") ?? step.spawn);
    const install = steps.indexOf("npm install");
    expect(install).toBeGreaterThan(steps.indexOf(ncu.execArgs.join(" ")));
    expect(steps.indexOf("npx projen")).toBeGreaterThan(install);
  });
});

test("a stack made from a team's starter package depends on eks-irsa-template too, so projen keeps it", () => {
  const project = new AcmeEksProject({
    name: "orders",
    defaultReleaseBranch: "main",
    outdir: temporaryOutdir(),
    devDeps: ["@acme/eks-starter"],
  });
  const devDependencies = Testing.synth(project)["package.json"].devDependencies;
  expect(devDependencies).toMatchObject({ "@acme/eks-starter": "*", "eks-irsa-template": "*" });
});

test("a version given in .projenrc.ts (a local build) replaces the unversioned dependency", () => {
  const devDependencies = synth({ devDeps: ["eks-irsa-template@file:/tmp/eks-irsa-template-0.0.0.tgz"] })[
    "package.json"
  ].devDependencies;
  expect(devDependencies["eks-irsa-template"]).toBe("file:/tmp/eks-irsa-template-0.0.0.tgz");
});

describe("the stack's workflows", () => {
  const WORKFLOWS = [
    ".github/workflows/build.yml",
    ".github/workflows/upgrade.yml",
    ".github/workflows/pulumi-preview.yml",
  ];
  /** The Node.js versions each workflow's setup-node steps install, by workflow. */
  const nodeVersions = (files: Record<string, any>) =>
    Object.fromEntries(
      WORKFLOWS.map((path) => [
        path,
        [...String(files[path]).matchAll(/uses: actions\/setup-node@\S+\n\s+with:\n\s+node-version: (\S+)/g)].map(
          (match) => match[1],
        ),
      ]),
    );

  test("set up Node.js 22 in every job that installs, not the runner's own", () => {
    const files = synth();
    expect(nodeVersions(files)).toEqual({
      ".github/workflows/build.yml": ["22.x"],
      ".github/workflows/upgrade.yml": ["22.x"],
      // The build job and the preview job.
      ".github/workflows/pulumi-preview.yml": ["22.x", "22.x"],
    });
  });

  test("take the version .projenrc.ts gives", () => {
    const versions = Object.values(nodeVersions(synth({ workflowNodeVersion: "24.x" }))).flat();
    expect(new Set(versions)).toEqual(new Set(["24.x"]));
  });
});
