/**
 * Role only (a role for a chart to bind) and an existing role (bound, never created): what each registers, and
 * what the access model (IAM engine on the registrations) can and cannot say of them.
 */
import { accessModel, answer, checkTrust, clusterOf } from "./access";
import { assumableBy } from "./access-matrix";
import { declareIdentities, serviceAccountSettings } from "./declare-identities";
import { ACCOUNT_ID, findRegistrations, promiseOf, registrationOf } from "./pulumi-mocks";
import { podIdentitySession, webIdentityToken } from "../src/access-model";
import type { IdentityType, ServiceAccountSettings } from "../src/settings-types";

const EXISTING_ROLE_ARN = `arn:aws:iam::${ACCOUNT_ID}:role/platform/orders-api`;

describe.each<IdentityType>(["IRSA", "POD_IDENTITY"])("roleOnly, %s", (identityType) => {
  test("the role and its policies, and neither an annotation nor an association nor the account", async () => {
    const sa = serviceAccountSettings({
      roleOnly: true,
      createServiceAccount: false,
      managedPolicyArns: ["arn:${partition}:iam::aws:policy/AWSXRayDaemonWriteAccess"],
    });
    const { "shop/api": identity } = await declareIdentities({
      identityType,
      oidcProviderSource: "STACK_CONFIG",
      serviceAccounts: [sa],
    });
    const role = await registrationOf(identity.role);
    expect(role.inputs.name).toBe(sa.roleName);
    expect(JSON.parse(role.inputs.assumeRolePolicy).Statement).toHaveLength(1);
    expect(identity.policies).toHaveLength(1);
    expect(identity.serviceAccount).toBeUndefined();
    expect(identity.existingServiceAccount).toBeUndefined();
    expect(identity.serviceAccountPatch).toBeUndefined();
    expect(identity.podIdentityAssociation).toBeUndefined();
    expect(findRegistrations({ type: "kubernetes:core/v1:ServiceAccountPatch" })).toEqual([]);
    expect(findRegistrations({ type: "aws:eks/podIdentityAssociation:PodIdentityAssociation" })).toEqual([]);
    // Pods bound elsewhere wait for the permissions only.
    expect(identity.credentialDependencies).toEqual(identity.policies);
  });

  test("unbound, its trust still admits the declared account's pods only, once its owner binds it", async () => {
    await declareIdentities({
      identityType,
      oidcProviderSource: "STACK_CONFIG",
      serviceAccounts: [serviceAccountSettings({ roleOnly: true, createServiceAccount: false })],
    });
    const [workload, ...more] = accessModel();
    expect(more).toEqual([]);
    expect(workload.key).toBe("shop/api");
    expect(workload.binding).toBeUndefined();
    expect(checkTrust(workload).allowed).toBe(true);
    const other = { namespace: "shop", name: "other" };
    const otherCredentials =
      identityType === "IRSA" ? webIdentityToken(clusterOf(), other) : podIdentitySession(clusterOf(), other);
    expect(checkTrust(workload, otherCredentials).allowed).toBe(false);
    expect((await answer(workload, "iam:CreateUser", "*")).trust).toMatch(
      /^role only \(roleOnly\): once its owner binds it/,
    );
  });
});

test("roleOnly with Pod Identity does not check for the agent: nothing here associates", async () => {
  await declareIdentities(
    {
      identityType: "POD_IDENTITY",
      podIdentityAgent: "CHECK",
      serviceAccounts: [serviceAccountSettings({ roleOnly: true })],
    },
    { mocks: { podIdentityAgentAddon: false } },
  );
  expect(findRegistrations({ type: "aws:eks/podIdentityAssociation:PodIdentityAssociation" })).toEqual([]);
});

describe("existingRoleArn", () => {
  const sa = serviceAccountSettings({
    existingRoleArn: EXISTING_ROLE_ARN,
    roleName: "orders-api",
    roleNamePerStack: false,
  });

  test("IRSA: the role is read, not created, and its ARN annotates the account", async () => {
    const { "shop/api": identity } = await declareIdentities({ identityType: "IRSA", serviceAccounts: [sa] });
    // Read by name (Role.get): no role is registered with a trust policy of this stack's.
    expect(findRegistrations({ type: "aws:iam/role:Role" }).map((r) => r.readId)).toEqual(["orders-api"]);
    const patch = await registrationOf(identity.serviceAccountPatch!);
    expect(patch.inputs.metadata.annotations["eks.amazonaws.com/role-arn"]).toBe(await promiseOf(identity.role.arn));
    expect(identity.policies).toEqual([]);
  });

  test.each<IdentityType>(["IRSA", "POD_IDENTITY"])(
    "%s: the access model never claims what only the role's owner knows: trust and permissions unknown",
    async (identityType) => {
      await declareIdentities({ identityType, serviceAccounts: [sa] });
      const [workload] = accessModel();
      expect(workload.role.managed).toBe(false);
      expect(workload.role.trustPolicy).toBeUndefined();
      expect(checkTrust(workload)).toEqual({ allowed: undefined, explanation: expect.stringContaining("unknown") });
      expect(assumableBy(workload)).toEqual([expect.stringMatching(/^unknown: an existing role/)]);
      const result = await answer(workload, "s3:GetObject", "arn:aws:s3:::orders/x");
      expect(result.verdict).toBe("unknown");
    },
  );

  test("Pod Identity: the association binds the existing role", async () => {
    const { "shop/api": identity } = await declareIdentities({ identityType: "POD_IDENTITY", serviceAccounts: [sa] });
    const association = await registrationOf(identity.podIdentityAssociation!);
    expect(association.inputs.roleArn).toBe(await promiseOf(identity.role.arn));
    expect((await registrationOf(identity.role)).readId).toBe("orders-api");
  });

  test("the role read by name is bound only if it is the one existingRoleArn names (account and name)", async () => {
    const { sameRole } = await import("../src/workload-identity");
    const read = `arn:aws:iam::${ACCOUNT_ID}:role/platform/orders-api`;
    // A name is unique in an account, whatever the path.
    expect(sameRole(read, `arn:aws:iam::${ACCOUNT_ID}:role/orders-api`, "shop/api")).toBe(read);
    const foreign = EXISTING_ROLE_ARN.replace(ACCOUNT_ID, "999988887777");
    expect(() => sameRole(read, foreign, "shop/api")).toThrow(
      `existingRoleArn of shop/api: ${foreign} is in account 999988887777, but the stack reads roles in the account ` +
        `of its AWS credentials, ${ACCOUNT_ID}, where it found ${read}. A role of another account cannot be bound as an ` +
        "existing role: deploy with credentials of account 999988887777, or let the stack create the role",
    );
  });

  test.each<IdentityType>(["IRSA", "POD_IDENTITY"])("%s: what pods are bound to is the checked ARN", async (type) => {
    const { "shop/api": identity } = await declareIdentities({ identityType: type, serviceAccounts: [sa] });
    const binding = await registrationOf((identity.serviceAccountPatch ?? identity.podIdentityAssociation)!);
    const bound = binding.inputs.roleArn ?? binding.inputs.metadata.annotations["eks.amazonaws.com/role-arn"];
    expect(bound).toBe(`arn:aws:iam::${ACCOUNT_ID}:role/orders-api`);
    expect((await promiseOf(identity.podCredentialInputs)).roleArn).toBe(bound);
  });

  test("two entries may share one existing role; a policy of their own is refused", async () => {
    const other = { ...sa, name: "worker" };
    await expect(declareIdentities({ identityType: "IRSA", serviceAccounts: [sa, other] })).resolves.toBeDefined();
    const policies: Partial<ServiceAccountSettings>[] = [
      { policyStatements: [{ effect: "Allow", actions: ["s3:GetObject"], resources: ["arn:aws:s3:::orders/*"] }] },
      { managedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"] },
      { addonPolicies: ["EXTERNAL_DNS"] },
    ];
    for (const policy of policies) {
      const withPolicy = { ...sa, ...policy };
      await expect(declareIdentities({ identityType: "IRSA", serviceAccounts: [withPolicy] })).rejects.toThrow(
        "shop/api: existingRoleArn binds a role this stack does not manage; give it no policies.",
      );
    }
  });
});
