import { Testing } from "projen";
import * as YAML from "yaml";
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
  type Step = { uses?: string; run?: string; with?: Record<string, string> };
  /**
   * Each job that installs packages, as "<workflow> <job>", with the Node.js its setup-node steps before the install
   * set up (none: the runner's own).
   */
  const installingJobs = (files: Record<string, string>): Record<string, string[]> =>
    Object.fromEntries(
      WORKFLOWS.flatMap((path) =>
        Object.entries(YAML.parse(files[path]).jobs as Record<string, { steps: Step[] }>).flatMap(([name, job]) => {
          const install = job.steps.findIndex((step) => /^npm (ci|install)\b/.test(step.run ?? ""));
          if (install < 0) return [];
          const setups = job.steps.slice(0, install).filter((step) => step.uses?.startsWith("actions/setup-node@"));
          return [[`${path} ${name}`, setups.map((step) => step.with?.["node-version"] ?? "(none)")]];
        }),
      ),
    );

  test("set up Node.js 22 in every job that installs, not the runner's own", () => {
    expect(installingJobs(synth())).toEqual({
      ".github/workflows/build.yml build": ["22.x"],
      ".github/workflows/upgrade.yml upgrade": ["22.x"],
      ".github/workflows/pulumi-preview.yml build": ["22.x"],
      ".github/workflows/pulumi-preview.yml preview": ["22.x"],
    });
  });

  test("take the version .projenrc.ts gives", () => {
    const jobs = installingJobs(synth({ workflowNodeVersion: "24.x" }));
    expect(Object.keys(jobs)).toHaveLength(4);
    expect(new Set(Object.values(jobs).flat())).toEqual(new Set(["24.x"]));
  });
});
