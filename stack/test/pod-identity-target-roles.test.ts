/**
 * Pod Identity across accounts (targetRoleArn) and without session tags (disableSessionTags), checked with a real
 * IAM policy evaluation engine against the requests EKS makes (EKS User Guide, pod-id-assign-target-role).
 */
import * as aws from "@pulumi/aws";
import { declareIdentities, serviceAccountSettings } from "./declare-identities";
import { assumeRoleForPodIdentity, assumeTargetRole } from "./iam-evaluation";
import { ACCOUNT_ID, promiseOf, registrationOf, TEST_STACK_CONFIG } from "./pulumi-mocks";
import type { ServiceAccountSettings } from "../src/settings-types";
import type { WorkloadIdentity } from "../src/workload-identity";

const TARGET_ACCOUNT = "222233334444";
const TARGET_ROLE_ARN = `arn:aws:iam::${TARGET_ACCOUNT}:role/orders-data`;
const clusterName = TEST_STACK_CONFIG.clusterName;
const session = {
  clusterArn: `arn:aws:eks:us-east-1:${ACCOUNT_ID}:cluster/${clusterName}`,
  clusterName,
  namespace: "shop",
  serviceAccount: "api",
  sourceAccount: ACCOUNT_ID,
};

async function declare(overrides: Partial<ServiceAccountSettings>): Promise<WorkloadIdentity> {
  const { "shop/api": identity } = await declareIdentities({
    identityType: "POD_IDENTITY",
    podIdentityAgent: "NONE",
    serviceAccounts: [serviceAccountSettings(overrides)],
  });
  return identity;
}

/** The target role, as `createPodIdentityTargetRole` registers it in the target account. */
async function targetRoleOf(identity: WorkloadIdentity) {
  const { createPodIdentityTargetRole } = await import("../src/pod-identity-target-role");
  const provider = new aws.Provider("target", { region: "us-east-1" });
  const role = createPodIdentityTargetRole("orders-data", { name: "orders-data", identity }, { provider });
  return JSON.parse((await registrationOf(role)).inputs.assumeRolePolicy);
}

describe.each([
  ["with session tags", false],
  ["without session tags", true],
])("targetRoleArn, %s", (_label, disableSessionTags) => {
  let identity: WorkloadIdentity;
  beforeAll(async () => {
    identity = await declare({ targetRoleArn: TARGET_ROLE_ARN, disableSessionTags });
  });

  test("the association chains to the target role, which the entry's role may assume", async () => {
    const association = await registrationOf(identity.podIdentityAssociation!);
    expect(association.inputs.targetRoleArn).toBe(TARGET_ROLE_ARN);
    expect(association.inputs.disableSessionTags).toBe(disableSessionTags ? true : undefined);
    const [policy] = await Promise.all(identity.policies.map(registrationOf));
    expect(policy.name).toBe("shop/api/target-role");
    // IAM policy names allow no '/': the policy's IAM name is given, not derived from the resource name.
    expect(policy.inputs.name).toMatch(/^[\w+=,.@-]{1,128}$/);
    expect(JSON.parse(policy.inputs.policy).Statement).toEqual([
      { Effect: "Allow", Action: ["sts:AssumeRole", "sts:TagSession"], Resource: TARGET_ROLE_ARN },
    ]);
  });

  test("the target role lets in the entry's role for the bound pod, and nothing else", async () => {
    const trust = await targetRoleOf(identity);
    const sourceRoleArn = await promiseOf(identity.role.arn);
    const externalId = disableSessionTags ? await promiseOf(identity.podIdentityAssociation!.externalId) : undefined;
    const sourcePolicies = (await Promise.all(identity.policies.map(registrationOf))).map((p) =>
      JSON.parse(p.inputs.policy),
    );
    const request = { sourceRoleArn, sourcePolicies, session, externalId };
    expect(await assumeTargetRole(trust, TARGET_ROLE_ARN, request)).toBe("Allowed");
    const otherRole = `arn:aws:iam::${ACCOUNT_ID}:role/other`;
    expect(await assumeTargetRole(trust, TARGET_ROLE_ARN, { ...request, sourceRoleArn: otherRole })).not.toBe(
      "Allowed",
    );
    const otherPod = disableSessionTags
      ? { ...request, externalId: `us-east-1/${ACCOUNT_ID}/${clusterName}/billing/api` }
      : { ...request, session: { ...session, namespace: "billing" } };
    expect(await assumeTargetRole(trust, TARGET_ROLE_ARN, otherPod)).not.toBe("Allowed");
  });
});

test("disableSessionTags: the role trusts an untagged session from this account only", async () => {
  const identity = await declare({ disableSessionTags: true });
  const role = await registrationOf(identity.role);
  const policy = JSON.parse(role.inputs.assumeRolePolicy);
  const arn = await promiseOf(identity.role.arn);
  expect(await assumeRoleForPodIdentity(policy, arn, session, { sessionTags: false })).toBe("Allowed");
  expect(
    await assumeRoleForPodIdentity(policy, arn, { ...session, sourceAccount: TARGET_ACCOUNT }, { sessionTags: false }),
  ).not.toBe("Allowed");
  expect((await registrationOf(identity.podIdentityAssociation!)).inputs.disableSessionTags).toBe(true);
});
