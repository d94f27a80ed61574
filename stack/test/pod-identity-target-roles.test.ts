/**
 * Pod Identity across accounts (targetRoleArn) and without session tags (disableSessionTags), checked with a real
 * IAM policy evaluation engine against the requests EKS makes (EKS User Guide, pod-id-assign-target-role).
 */
// Pulumi SDK submodules, not the whole @pulumi/aws: its index loads every service's types (0.4-0.5 s a test file).
import { Provider } from "@pulumi/aws/provider";
import { accessModel, answer, checkPermissions, checkTargetRoleTrust, checkTrust, clusterOf } from "./access";
import { matrixRows } from "./access-matrix";
import { declareIdentities, serviceAccountSettings } from "./declare-identities";
import { ACCOUNT_ID, promiseOf, registrationOf, settled } from "./pulumi-mocks";
import { podIdentitySession, type WorkloadAccess } from "../src/access-model";
import { inStackPartition } from "../src/arn-tokens";
import managedPolicies from "../src/aws-managed-policies.json";
import type { ServiceAccountSettings } from "../src/settings-types";
import type { WorkloadIdentity } from "../src/workload-identity";

const TARGET_ACCOUNT = "222233334444";
const TARGET_ROLE_ARN = `arn:aws:iam::${TARGET_ACCOUNT}:role/orders-data`;
const api = { namespace: "shop", name: "api" };

async function declare(overrides: Partial<ServiceAccountSettings>): Promise<WorkloadIdentity> {
  const { "shop/api": identity } = await declareIdentities({
    identityType: "POD_IDENTITY",
    podIdentityAgent: "NONE",
    serviceAccounts: [serviceAccountSettings(overrides)],
  });
  return identity;
}

/** The target role, as `createPodIdentityTargetRole` registers it through a provider of the target account. */
async function declareTargetRole(identity: WorkloadIdentity, roleArgs: { managedPolicyArns?: string[] } = {}) {
  const { createPodIdentityTargetRole } = await import("../src/pod-identity-target-role");
  const provider = new Provider("target", { region: "us-east-1", allowedAccountIds: [TARGET_ACCOUNT] });
  const role = createPodIdentityTargetRole("orders-data", { name: "orders-data", identity, ...roleArgs }, { provider });
  await settled();
  expect(await promiseOf(role.arn)).toBe(TARGET_ROLE_ARN);
  return role;
}

/** The access model's workload of shop/api, from what was declared so far. */
function workload(): WorkloadAccess {
  const found = accessModel().filter((w) => w.key === "shop/api");
  expect(found).toHaveLength(1);
  return found[0];
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
    // A change of target role is an update (UpdatePodIdentityAssociation sets the new one).
    expect([association.replaceOnChanges, association.deleteBeforeReplace]).toEqual([[], false]);
    const [policy] = await Promise.all(identity.policies.map(registrationOf));
    expect(policy.name).toBe("shop/api/target-role");
    // IAM policy names allow no '/': the policy's IAM name is given, not derived from the resource name.
    expect(policy.inputs.name).toMatch(/^[\w+=,.@-]{1,128}$/);
    expect(JSON.parse(policy.inputs.policy)).toMatchObject({ Version: "2012-10-17" });
    expect(JSON.parse(policy.inputs.policy).Statement).toEqual([
      { Effect: "Allow", Action: ["sts:AssumeRole", "sts:TagSession"], Resource: TARGET_ROLE_ARN },
    ]);
  });

  test("without the target role in this stack, the model says what it cannot know", async () => {
    const w = workload();
    expect(w.targetRole).toEqual({ arn: TARGET_ROLE_ARN, role: undefined, sessionTags: !disableSessionTags });
    const trust = checkTrust(w);
    expect(trust.allowed).toBeUndefined();
    expect(trust.explanation).toContain(`unknown whether EKS may then assume target role ${TARGET_ROLE_ARN}`);
    // The pod's session is the target role's: its permissions are not the entry's role's.
    expect(checkPermissions(w, "sts:AssumeRole", TARGET_ROLE_ARN).verdict).toBe("unknown");
    expect((await answer(w, "s3:GetObject", "arn:aws:s3:::orders/x")).verdict).toBe("unknown");
    expect(matrixRows(w).map((r) => [r.verdict, r.policy])).toEqual([["unknown", TARGET_ROLE_ARN]]);
  });

  test("the target role lets in the entry's role for the bound pod, and nothing else", async () => {
    const target = await declareTargetRole(identity);
    // The exact external ID EKS sets is the association's: the model's is the same.
    const session = podIdentitySession(clusterOf(), api, { sessionTags: !disableSessionTags });
    expect(session.externalId).toBe(await promiseOf(identity.podIdentityAssociation!.externalId));
    const w = workload();
    expect(w.targetRole?.role?.arn).toBe(await promiseOf(target.arn));
    expect(checkTrust(w)).toEqual({ allowed: true, explanation: expect.stringContaining("then EKS with role") });
    // Another role of the account: the target's trust pins the entry's role (aws:PrincipalARN).
    const otherRole = { ...w.role, arn: `arn:aws:iam::${ACCOUNT_ID}:role/other`, name: "other" };
    expect(checkTrust({ ...w, role: otherRole }).allowed).toBe(false);
    // A pod of another namespace: its tags, or its association's external ID, are not the pinned ones.
    const billing = podIdentitySession(
      clusterOf(),
      { namespace: "billing", name: "api" },
      { sessionTags: !disableSessionTags },
    );
    const chained = checkTargetRoleTrust(w, billing);
    expect(chained).toEqual({
      allowed: false,
      explanation: expect.stringContaining("may not assume role orders-data"),
    });
    expect(checkTargetRoleTrust(w, session).allowed).toBe(true);
    // Without the entry's own permission to assume it (its identity policy, cross-account), EKS may not.
    expect(checkTrust({ ...w, role: { ...w.role, policies: [] } }).allowed).toBe(false);
  });

  test("the entry role's permissions boundary must allow the assumption too; one not in this stack leaves it unknown", async () => {
    const boundaryArn = "arn:${partition}:iam::${accountId}:policy/workload-boundary";
    const bounded = await declare({
      targetRoleArn: TARGET_ROLE_ARN,
      disableSessionTags,
      permissionsBoundaryArn: boundaryArn,
    });
    // Declared by the program: a boundary that allows S3 reads only, not sts:AssumeRole on the target.
    const { Policy } = await import("@pulumi/aws/iam");
    new Policy("workload-boundary", {
      name: "workload-boundary",
      policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }],
      }),
    });
    await declareTargetRole(bounded);
    expect(checkTrust(workload())).toEqual({
      allowed: false,
      explanation: expect.stringContaining(
        "may not assume role orders-data: sts:AssumeRole not allowed by the assuming role: the permissions boundary does not allow it",
      ),
    });
    // A boundary that allows the assumption only to sessions of a tagged role: the source session's principal tags
    // (its role's tags) are evaluated too.
    const tagged = await declare({
      targetRoleArn: TARGET_ROLE_ARN,
      disableSessionTags,
      permissionsBoundaryArn: boundaryArn,
      tags: { team: "orders" },
    });
    new Policy("workload-boundary", {
      name: "workload-boundary",
      policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Action: ["sts:AssumeRole", "sts:TagSession"],
            Resource: "*",
            Condition: { StringEquals: { "aws:PrincipalTag/team": "orders" } },
          },
        ],
      }),
    });
    await declareTargetRole(tagged);
    expect(checkTrust(workload()).allowed).toBe(true);
    // A boundary created elsewhere: the stack cannot know whether it allows the assumption.
    await declareTargetRole(
      await declare({ targetRoleArn: TARGET_ROLE_ARN, disableSessionTags, permissionsBoundaryArn: boundaryArn }),
    );
    expect(checkTrust(workload())).toEqual({
      allowed: undefined,
      explanation: expect.stringContaining(
        `unless arn:aws:iam::${ACCOUNT_ID}:policy/workload-boundary of role ${workload().role.name} refuses it`,
      ),
    });
  });

  test("a target role shared by the entry's additional service accounts lets in each, by a statement of its own", async () => {
    const backfill = { namespace: "shop", name: "api-backfill" };
    const shared = await declare({
      targetRoleArn: TARGET_ROLE_ARN,
      disableSessionTags,
      additionalServiceAccounts: [backfill],
    });
    const target = await declareTargetRole(shared);
    const w = workload();
    const session = (ref: { namespace: string; name: string }) =>
      podIdentitySession(clusterOf(), ref, { sessionTags: !disableSessionTags });
    // Each associated account's pods get in: the association of api-backfill also names the target role.
    expect(checkTargetRoleTrust(w, session(api)).allowed).toBe(true);
    expect(checkTargetRoleTrust(w, session(backfill)).allowed).toBe(true);
    // Not an account of the entry, nor one mixing the namespace of one association with the name of another.
    expect(checkTargetRoleTrust(w, session({ namespace: "billing", name: "api-backfill" })).allowed).toBe(false);
    expect(checkTargetRoleTrust(w, session({ namespace: "shop", name: "api-other" })).allowed).toBe(false);
    // The role waits for every association that names it.
    const registered = await registrationOf(target);
    const associations = [shared.podIdentityAssociation!, ...shared.additionalPodIdentityAssociations];
    for (const association of associations) {
      expect(registered.dependencies).toContain(await promiseOf(association.urn));
    }
  });

  test("a pod gets the target role's permissions, evaluated when this stack declares the target role", async () => {
    // Under fresh mocks: the previous test declared the target role already. An AWS managed policy whose document
    // the stack has (stack/src/aws-managed-policies.json).
    const fresh = await declare({ targetRoleArn: TARGET_ROLE_ARN, disableSessionTags });
    await declareTargetRole(fresh, { managedPolicyArns: ["arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess"] });
    const w = workload();
    // A stack carries the documents of the managed policies its settings reference; others are unknown, never no.
    const evaluated = (verdict: string) =>
      "AWSXRayDaemonWriteAccess" in managedPolicies.policies ? verdict : "unknown";
    expect(checkPermissions(w, "xray:PutTraceSegments", "*").verdict).toBe(evaluated("yes"));
    expect(checkPermissions(w, "s3:GetObject", "arn:aws:s3:::orders/x").verdict).toBe(evaluated("no"));
    // Not the entry's own role's permissions: that one may only assume the target.
    expect(checkPermissions({ ...w, targetRole: undefined }, "xray:PutTraceSegments", "*").verdict).toBe("no");
  });
});

test("disableSessionTags: the role trusts an untagged session from this account only", async () => {
  const identity = await declare({ disableSessionTags: true });
  const w = workload();
  // toMatchObject would take any tags for `{}`: the session must have none.
  expect(w.credentials).toMatchObject({ kind: "POD_IDENTITY" });
  expect(w.credentials).toHaveProperty("sessionTags", {});
  expect(checkTrust(w).allowed).toBe(true);
  const untagged = podIdentitySession(clusterOf(), api, { sessionTags: false });
  expect(checkTrust(w, { ...untagged, sourceAccount: TARGET_ACCOUNT }).allowed).toBe(false);
  expect((await registrationOf(identity.podIdentityAssociation!)).inputs.disableSessionTags).toBe(true);
});

test("an association without a target role replaces, old one first, an association that had one", async () => {
  // EKS keeps the target role of an update that names none, and allows one association per service account.
  const identity = await declare({});
  const association = await registrationOf(identity.podIdentityAssociation!);
  expect(association.inputs).not.toHaveProperty("targetRoleArn");
  expect([association.replaceOnChanges, association.deleteBeforeReplace]).toEqual([["targetRoleArn"], true]);
});

test("a target role for an entry without an association is refused, naming the resource", async () => {
  const { "shop/api": identity } = await declareIdentities({
    identityType: "IRSA",
    serviceAccounts: [serviceAccountSettings()],
  });
  const { createPodIdentityTargetRole } = await import("../src/pod-identity-target-role");
  expect(() => createPodIdentityTargetRole("orders-data", { name: "orders-data", identity })).toThrow(
    "createPodIdentityTargetRole: orders-data needs a Pod Identity entry with an association.",
  );
});

test("a target role of another partition than the stack's is refused before its association, naming both", () => {
  const fix = "a role cannot assume a role of another partition; name a target role in aws-cn";
  expect(inStackPartition(TARGET_ROLE_ARN, "aws", "targetRoleArn of shop/api", fix)).toBe(TARGET_ROLE_ARN);
  expect(() => inStackPartition(TARGET_ROLE_ARN, "aws-cn", "targetRoleArn of shop/api", fix)).toThrow(
    `targetRoleArn of shop/api: "${TARGET_ROLE_ARN}" is in partition aws, but this stack deploys to partition aws-cn ` +
      `(the partition of aws:region); ${fix}.`,
  );
});
