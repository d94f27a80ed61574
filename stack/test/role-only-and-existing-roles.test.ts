/** Role only (a role for a chart to bind) and an existing role (bound, never created): what each registers. */
import { declareIdentities, serviceAccountSettings } from "./declare-identities";
import { ACCOUNT_ID, findRegistrations, promiseOf, registrationOf } from "./pulumi-mocks";
import type { IdentityType } from "../src/settings-types";

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

  test("Pod Identity: the association binds the existing role", async () => {
    const { "shop/api": identity } = await declareIdentities({ identityType: "POD_IDENTITY", serviceAccounts: [sa] });
    const association = await registrationOf(identity.podIdentityAssociation!);
    expect(association.inputs.roleArn).toBe(await promiseOf(identity.role.arn));
    expect((await registrationOf(identity.role)).readId).toBe("orders-api");
  });

  test("two entries may share one existing role; a policy of their own is refused", async () => {
    const other = { ...sa, name: "worker" };
    await expect(declareIdentities({ identityType: "IRSA", serviceAccounts: [sa, other] })).resolves.toBeDefined();
    const withPolicy = { ...sa, managedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"] };
    await expect(declareIdentities({ identityType: "IRSA", serviceAccounts: [withPolicy] })).rejects.toThrow(
      "existingRoleArn binds a role this stack does not manage",
    );
  });
});
