import { readFileSync } from "fs";
import { join } from "path";
import { Testing } from "projen";
import { temporaryOutdir } from "./project-fixture";

/** The `new EksIrsaProject({...}).synth()` example of a README section, synthesized into a temporary folder. */
function synthReadmeExample(section: string): Record<string, any> {
  const readme = readFileSync(join(__dirname, "..", "README.md"), "utf-8");
  const start = readme.indexOf(`### ${section}\n`);
  expect(start).toBeGreaterThan(-1);
  const example = /```ts\n([\s\S]*?)```/.exec(readme.slice(start))![1];
  const options = /new EksIrsaProject\((\{[\s\S]*?\})\)\.synth\(\);/.exec(example)![1];
  const api = jest.requireActual("../src");
  const project = new Function(
    "AddonPolicy",
    "EksIrsaProject",
    "IdentityType",
    "PodIdentityAgentMode",
    "outdir",
    `return new EksIrsaProject({ ...${options}, outdir });`,
  )(
    api.AddonPolicy,
    api.EksIrsaProject,
    api.IdentityType,
    api.PodIdentityAgentMode,
    temporaryOutdir("eks-irsa-readme-"),
  );
  return Testing.synth(project);
}

test("the README's role-only and existing-role example: a role for the chart, and a bound existing role", () => {
  const files = synthReadmeExample("Role only, and existing roles");
  const settings: string = files["src/settings.ts"];
  expect(settings).toContain("roleOnly: true");
  expect(settings).toContain('existingRoleArn: "arn:aws:iam::123456789012:role/orders-api"');
  expect(files["README.md"]).toContain("role only (`roleOnly`)");
});

test("the README's migration example: the entry is IRSA_AND_POD_IDENTITY, the agent installed", () => {
  const files = synthReadmeExample("Migrating from IRSA to Pod Identity without downtime");
  expect(files["src/settings.ts"]).toContain('identityType: "IRSA_AND_POD_IDENTITY"');
  expect(files["src/settings.ts"]).toContain('podIdentityAgent: "INSTALL"');
  expect(files["README.md"]).toContain("sa0_serviceAccountPatch");
  expect(files["README.md"]).toContain("sa0_podIdentityAssociation");
});

test("the README's cross-account example: a target role and a shared association", () => {
  const files = synthReadmeExample("Pod Identity across accounts, without session tags, and shared roles");
  expect(files["src/settings.ts"]).toContain('targetRoleArn: "arn:aws:iam::222233334444:role/orders-data"');
  expect(files["README.md"]).toContain("sa0_additionalPodIdentityAssociation0");
  expect(files["README.md"]).toContain("sa0_targetRolePolicy");
});
