import { readFileSync } from "fs";
import { join } from "path";
import {
  AddonPolicy,
  type EksIrsaProjectOptions,
  IdentityType,
  PolicyEffect,
  type ServiceAccountOptions,
} from "../src";
import { synth } from "./project-fixture";

/** Evaluates the generated `src/settings.ts` (a typed object literal) into the data it declares. */
function declaredSettings(files: Record<string, any>): any {
  const literal = /export const settings: StackSettings = ([\s\S]*);\n$/.exec(files["src/settings.ts"])![1];
  return new Function(`return (${literal});`)();
}

const THREE: ServiceAccountOptions[] = [
  { name: "api", namespace: "shop" },
  { name: "api", namespace: "billing" },
  { name: "a".repeat(60), namespace: "batch", createServiceAccount: false },
];

/** An entry that sets every field (an effect other than the default, too). */
const EVERY_FIELD: ServiceAccountOptions = {
  name: "worker",
  namespace: "jobs",
  identityType: IdentityType.IRSA,
  roleName: "jobs-worker",
  rolePath: "/workloads/",
  permissionsBoundaryArn: "arn:${partition}:iam::${accountId}:policy/boundary",
  maxSessionDuration: 7200,
  tags: { team: "data", "cost-center": "42" },
  createServiceAccount: false,
  createNamespace: true,
  forcePatch: true,
  annotations: { owner: "data" },
  labels: { tier: "batch" },
  managedPolicyArns: ["arn:aws:iam::aws:policy/AmazonSQSReadOnlyAccess"],
  policyStatements: [
    {
      sid: "DenyDelete",
      effect: PolicyEffect.DENY,
      actions: ["s3:DeleteObject"],
      resources: ["arn:${partition}:s3:::data/*"],
      conditions: [{ test: "StringEquals", variable: "aws:RequestedRegion", values: ["eu-west-1"] }],
    },
  ],
  addonPolicies: [AddonPolicy.VELERO, AddonPolicy.EBS_CSI_DRIVER],
  s3BucketArns: ["arn:${partition}:s3:::jobs-backups"],
  kmsKeyArns: ["arn:${partition}:kms:eu-west-1:${accountId}:key/1234abcd-12ab-34cd-56ef-1234567890ab"],
  audience: "api://jobs",
  additionalServiceAccounts: [{ name: "worker-*", namespace: "jobs" }],
  allowWildcardSubjects: true,
  stsRegionalEndpoints: true,
  tokenExpirationSeconds: 3600,
  exampleDeployment: true,
  exampleDeploymentImage: "example.com/aws-cli:2",
};

describe("serviceAccounts", () => {
  test("declares every entry, each with its own role name (the program shortens those past 64 characters)", () => {
    const settings = declaredSettings(synth({ serviceAccounts: THREE }));
    expect(settings.serviceAccounts.map((sa: any) => `${sa.namespace}/${sa.name}`)).toEqual([
      "shop/api",
      "billing/api",
      `batch/${"a".repeat(60)}`,
    ]);
    const roleNames: string[] = settings.serviceAccounts.map((sa: any) => sa.roleName);
    expect(new Set(roleNames).size).toBe(3);
    expect(roleNames.slice(0, 2)).toEqual(["orders-stack-api@shop", "orders-stack-api@billing"]);
    expect(roleNames[2]).toBe(`orders-stack-${"a".repeat(60)}@batch`);
    expect(settings.serviceAccounts.map((sa: any) => sa.roleNamePerStack)).toEqual([true, true, true]);
  });

  test("an entry carries every role, trust, annotation and policy setting into the stack", () => {
    const {
      exampleDeployment: _example,
      exampleDeploymentImage: image,
      s3BucketArns,
      kmsKeyArns,
      ...rest
    } = EVERY_FIELD;
    const settings = declaredSettings(synth({ serviceAccounts: [EVERY_FIELD] }));
    // Everything as given; the example Deployment resolved into its image and replica count, the add-on
    // policies' scoping options gathered; a given role name is the same in every stack.
    expect(settings.serviceAccounts[0]).toEqual({
      ...rest,
      roleNamePerStack: false,
      addonScope: { s3BucketArns, kmsKeyArns },
      exampleDeployment: { image, replicas: 1 },
    });
  });

  test("an entry without options gets the defaults: its own role, trusting sts.amazonaws.com, no policies", () => {
    const [sa] = declaredSettings(synth({ serviceAccounts: [{ name: "api" }] })).serviceAccounts;
    expect(sa).toEqual({
      name: "api",
      namespace: "default",
      identityType: "IRSA",
      roleName: "orders-stack-api@default",
      roleNamePerStack: true,
      rolePath: "/",
      maxSessionDuration: 3600,
      tags: {},
      createServiceAccount: true,
      createNamespace: false,
      forcePatch: false,
      annotations: {},
      labels: {},
      managedPolicyArns: [],
      policyStatements: [],
      addonPolicies: [],
      audience: "sts.amazonaws.com",
      additionalServiceAccounts: [],
      allowWildcardSubjects: false,
      stsRegionalEndpoints: false,
    });
  });

  test("the scaffolded example grants least privilege: its own SSM parameters and X-Ray writes, no * on *", () => {
    const [sa] = declaredSettings(synth()).serviceAccounts;
    expect(sa.policyStatements).toEqual([
      {
        sid: "ReadOwnParameters",
        effect: "Allow",
        actions: ["ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath"],
        resources: [
          "arn:${partition}:ssm:*:${accountId}:parameter/default/app",
          "arn:${partition}:ssm:*:${accountId}:parameter/default/app/*",
        ],
      },
    ]);
    expect(sa.managedPolicyArns).toEqual(["arn:${partition}:iam::aws:policy/AWSXRayDaemonWriteAccess"]);
  });

  test("an entry's identityType overrides the stack's: one stack mixes IRSA and Pod Identity", () => {
    const files = synth({
      identityType: IdentityType.POD_IDENTITY,
      serviceAccounts: [{ name: "api", identityType: IdentityType.IRSA }, { name: "worker" }],
    });
    const settings = declaredSettings(files);
    expect(settings.serviceAccounts.map((sa: any) => sa.identityType)).toEqual(["IRSA", "POD_IDENTITY"]);
    // Both identity types' stack config is required, and the README says how each account binds.
    expect(files["Pulumi.yaml"].config).toEqual(
      expect.objectContaining({ oidcProviderArn: expect.anything(), clusterName: expect.anything() }),
    );
    expect(files["Pulumi.yaml"].description).toContain("(IRSA and EKS Pod Identity)");
    expect(files["README.md"]).toContain("sa0_serviceAccountPatch");
    expect(files["README.md"]).toContain("sa1_podIdentityAssociation");
  });

  test("the README's example of mixed identity types is what this file tests", () => {
    const readme = readFileSync(join(__dirname, "..", "README.md"), "utf-8");
    const example = /### IRSA and Pod Identity in one stack[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme)![1];
    const options = /new EksIrsaProject\((\{[\s\S]*?\})\);/.exec(example)![1];
    const settings = declaredSettings(
      synth(new Function("IdentityType", `return ${options};`)(IdentityType) as Partial<EksIrsaProjectOptions>),
    );
    expect(settings.serviceAccounts.map((sa: any) => [sa.name, sa.identityType])).toEqual([
      ["orders-api", "POD_IDENTITY"],
      ["legacy-batch", "IRSA"],
    ]);
  });

  test("Pod Identity is declared in the settings the program reads", () => {
    const settings = declaredSettings(synth({ identityType: IdentityType.POD_IDENTITY }));
    expect(settings.identityType).toBe("POD_IDENTITY");
  });
});
