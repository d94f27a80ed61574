/** Pod Identity needs the EKS Pod Identity Agent: checked, installed, or trusted to be there. */
import { declareIdentities, serviceAccountSettings } from "./declare-identities";
import {
  findRegistrations,
  promiseOf,
  registrationOf,
  OIDC_PROVIDER_ARN,
  startMocks,
  TEST_STACK_CONFIG,
} from "./pulumi-mocks";
import type { PodIdentityAgentMode } from "../src/settings-types";

const declare = (podIdentityAgent: PodIdentityAgentMode, podIdentityAgentAddon = true) =>
  declareIdentities(
    { identityType: "POD_IDENTITY", podIdentityAgent, serviceAccounts: [serviceAccountSettings()] },
    { config: { clusterName: "prod" }, mocks: { podIdentityAgentAddon } },
  );

test("CHECK: a cluster without the add-on stops the deployment, naming the add-on and the fixes", async () => {
  await startMocks({ clusterName: "prod" }, { podIdentityAgentAddon: false });
  const { podIdentityAgent } = await import("../src/pod-identity-agent");
  // The associations take this cluster name as input: they are not made when it fails.
  await expect(promiseOf(podIdentityAgent("CHECK", "prod").clusterName)).rejects.toThrow(
    /^EKS cluster "prod" \(config clusterName\) has no "eks-pod-identity-agent" add-on, so pods would get no Pod Identity credentials.*aws eks create-addon --cluster-name prod --addon-name eks-pod-identity-agent.*PodIdentityAgentMode.INSTALL.*PodIdentityAgentMode.NONE/s,
  );
});

test("CHECK: with the add-on, the association is made, with the cluster name the check passed on", async () => {
  const identities = await declare("CHECK");
  const association = identities["shop/api"].podIdentityAssociation!;
  expect((await registrationOf(association)).inputs.clusterName).toBe("prod");
  expect(findRegistrations({ type: "aws:eks/addon:Addon" })).toEqual([]);
});

test("INSTALL: the add-on is installed, left on the cluster when the stack goes, and every association depends on it", async () => {
  const identities = await declare("INSTALL");
  const [addon] = findRegistrations({ type: "aws:eks/addon:Addon" });
  expect(addon.inputs).toEqual({ clusterName: "prod", addonName: "eks-pod-identity-agent" });
  // Other workloads of the cluster may use the agent: destroy does not delete it.
  expect(addon.retainOnDelete).toBe(true);
  const association = await registrationOf(identities["shop/api"].podIdentityAssociation!);
  expect(association.dependencies).toContain(addon.urn);
});

test.each([
  [
    "a missing add-on (terraform-provider-aws: couldn't find resource): the add-on is missing, install it",
    "reading EKS Add-On (prod:eks-pod-identity-agent): couldn't find resource\n\tstatus code: 404",
    "so pods would get no Pod Identity credentials (reading EKS Add-On (prod:eks-pod-identity-agent): couldn't find resource). Install it",
  ],
  [
    "a refused lookup: not a missing add-on, so no advice to install it",
    "AccessDeniedException: not authorized\n\tstatus code: 403",
    'Could not check whether EKS cluster "prod" (config clusterName) has the "eks-pod-identity-agent" add-on: AccessDeniedException: not authorized. The deploying credentials need eks:DescribeAddon',
  ],
])("CHECK: %s, quoting the lookup's reason by its first line", async (_, reason, message) => {
  await startMocks({ clusterName: "prod" }, { podIdentityAgentAddon: false });
  const eks = await import("@pulumi/aws/eks");
  // Under the mocks an invoke's error has no message: a lookup the provider refuses with a reason of several lines.
  const lookup = jest.spyOn(eks, "getAddon");
  lookup.mockRejectedValue(new Error(reason));
  try {
    const { podIdentityAgent } = await import("../src/pod-identity-agent");
    await expect(promiseOf(podIdentityAgent("CHECK", "prod").clusterName)).rejects.toThrow(message);
  } finally {
    lookup.mockRestore();
  }
});

test("NONE: the cluster name as configured, nothing looked up or installed", async () => {
  await startMocks({ clusterName: "prod" }, { podIdentityAgentAddon: false });
  const { podIdentityAgent } = await import("../src/pod-identity-agent");
  const agent = podIdentityAgent("NONE", "prod");
  expect(agent.addon).toBeUndefined();
  expect(await promiseOf(agent.clusterName)).toBe("prod");
});

test("NONE (EKS Auto Mode): neither checked nor installed", async () => {
  const identities = await declare("NONE", false);
  expect((await registrationOf(identities["shop/api"].podIdentityAssociation!)).inputs.clusterName).toBe("prod");
  expect(findRegistrations({ type: "aws:eks/addon:Addon" })).toEqual([]);
});

describe("only when an entry uses Pod Identity", () => {
  const irsa = serviceAccountSettings({ name: "batch", identityType: "IRSA" });
  const pod = serviceAccountSettings({ name: "api", identityType: "POD_IDENTITY" });

  test("an IRSA entry in a stack whose default is Pod Identity: no check, no add-on, no clusterName", async () => {
    // Without the add-on on the cluster, a check would fail the deployment.
    const identities = await declareIdentities(
      {
        identityType: "POD_IDENTITY",
        oidcProviderSource: "STACK_CONFIG",
        podIdentityAgent: "CHECK",
        serviceAccounts: [irsa],
      },
      { config: { oidcProviderArn: OIDC_PROVIDER_ARN }, mocks: { podIdentityAgentAddon: false } },
    );
    expect(identities["shop/batch"].serviceAccountPatch).toBeDefined();
    expect(findRegistrations({ type: "aws:eks/addon:Addon" })).toEqual([]);
  });

  test("a Pod Identity entry in an IRSA stack: its association depends on the installed add-on", async () => {
    const identities = await declareIdentities(
      {
        identityType: "IRSA",
        oidcProviderSource: "STACK_CONFIG",
        podIdentityAgent: "INSTALL",
        serviceAccounts: [irsa, pod],
      },
      { config: { ...TEST_STACK_CONFIG, clusterName: "prod" } },
    );
    const [addon] = findRegistrations({ type: "aws:eks/addon:Addon" });
    expect(addon.inputs).toEqual({ clusterName: "prod", addonName: "eks-pod-identity-agent" });
    const association = await registrationOf(identities["shop/api"].podIdentityAssociation!);
    expect(association.dependencies).toContain(addon.urn);
    expect(identities["shop/batch"].podIdentityAssociation).toBeUndefined();
  });
});
