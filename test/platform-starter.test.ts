import { readFileSync } from "fs";
import { join } from "path";
import { Testing } from "projen";
// The README's example imports this package by name, as its users do: jest maps it to src/.
import { temporaryOutdir } from "./project-fixture";
import { AcmeEksProject } from "../examples/acme-eks-starter/src";

const EXAMPLE = join(__dirname, "..", "examples", "acme-eks-starter", "src", "index.ts");

test("the README shows the platform starter example as it is tested", () => {
  const readme = readFileSync(join(__dirname, "..", "README.md"), "utf-8");
  expect(readme).toContain(readFileSync(EXAMPLE, "utf-8"));
});

test("a platform team's subclass adds its defaults and forced settings to every stack", () => {
  const project = new AcmeEksProject({
    name: "orders",
    defaultReleaseBranch: "main",
    outdir: temporaryOutdir("eks-irsa-starter-"),
    serviceAccountName: "orders-api",
    namespace: "shop",
  });
  const files = Testing.synth(project);
  const settings = files["src/settings.ts"];
  expect(settings).toContain('roleName: "acme-orders-orders-api@shop"');
  expect(settings).toContain(
    'permissionsBoundaryArn: "arn:${partition}:iam::${accountId}:policy/acme-workload-boundary"',
  );
  expect(settings).toContain('"acme:owner": "orders"');
  expect(settings).toContain('sid: "NoIamChanges"');
  expect(files["Pulumi.staging.yaml"]).toContain("aws:region: eu-central-1");
});

test("a scoped or long package name still makes a valid role name prefix", () => {
  const project = new AcmeEksProject({
    name: "@acme/orders-platform-integration-stack",
    defaultReleaseBranch: "main",
    outdir: temporaryOutdir("eks-irsa-starter-"),
  });
  // IAM's prefix: at most 32 characters, without the scope's "/".
  expect(Testing.synth(project)["src/settings.ts"]).toContain(
    'roleName: "acme-orders-platform-integratio-app@default"',
  );
});

test("an existing role is bound as it is: the guard rails are for the roles the stack creates", () => {
  const existingRoleArn = "arn:aws:iam::123456789012:role/orders-api";
  const project = new AcmeEksProject({
    name: "orders",
    defaultReleaseBranch: "main",
    outdir: temporaryOutdir("eks-irsa-starter-"),
    serviceAccounts: [
      { name: "api", namespace: "shop", existingRoleArn },
      { name: "worker", namespace: "shop" },
    ],
  });
  const settings = Testing.synth(project)["src/settings.ts"];
  expect(settings).toContain(`existingRoleArn: "${existingRoleArn}"`);
  // One boundary, one deny statement: the worker's.
  expect(settings.match(/acme-workload-boundary/g)).toHaveLength(1);
  expect(settings.match(/NoIamChanges/g)).toHaveLength(1);
});

test("the README's example of every top-level option synthesizes", () => {
  const readme = readFileSync(join(__dirname, "..", "README.md"), "utf-8");
  const example = /Every top-level option at once[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme)![1];
  const options = /new EksIrsaProject\((\{[\s\S]*?\})\)\.synth\(\);/.exec(example)![1];
  const { EksIrsaProject, IdentityType, OidcProviderSource, PodIdentityAgentMode } = jest.requireActual("../src");
  const project = new Function(
    "EksIrsaProject",
    "IdentityType",
    "OidcProviderSource",
    "PodIdentityAgentMode",
    "outdir",
    `return new EksIrsaProject({ ...${options}, outdir });`,
  )(EksIrsaProject, IdentityType, OidcProviderSource, PodIdentityAgentMode, temporaryOutdir("eks-irsa-readme-"));
  const files = Testing.synth(project);
  expect(files["Pulumi.prod.yaml"]).toContain("aws:region: eu-west-1");
  expect(files["src/settings.ts"]).toContain('roleName: "orders-prod-orders-api@shop"');
  expect(files["src/settings.ts"]).toContain('podIdentityAgent: "CHECK"');
});
