import {
  AddonPolicy,
  IdentityType,
  OidcProviderSource,
  PodIdentityAgentMode,
  type EksIrsaProjectOptions,
} from "../../src";
import { resolveStackSettings } from "../../src/options/resolve-stack-settings";
import { OIDC_PROVIDER_STACK_NODE_ID, resourceGraphOf, type ResourceGraph } from "../../src/rendering/resource-graph";

const graphOf = (options: Partial<EksIrsaProjectOptions> = {}): ResourceGraph =>
  resourceGraphOf(resolveStackSettings({ name: "orders-stack", defaultReleaseBranch: "main", ...options }));
const edgesOf = (graph: ResourceGraph): string[] => graph.edges.map((e) => `${e.dependency} --> ${e.dependent}`);
const nodesOf = (graph: ResourceGraph): string[][] => graph.groups.map((group) => group.nodes.map((node) => node.id));

describe("the resource graph", () => {
  test("of the example service account (IRSA): every resource and every dependency the program registers", () => {
    const graph = graphOf();
    expect(graph.shared).toEqual([]);
    expect(graph.groups.map((group) => [group.id, group.serviceAccount])).toEqual([["sa0", "default/app"]]);
    expect(graph.groups[0].nodes).toEqual([
      { id: "sa0_serviceAccount", kind: "ServiceAccount", detail: "default/app" },
      { id: "sa0_role", kind: "Role", detail: "orders-stack-app@default[@stack]" },
      { id: "sa0_inlinePolicy", kind: "RolePolicy", detail: "inline policy" },
      { id: "sa0_managedPolicy0", kind: "RolePolicyAttachment", detail: "AWSXRayDaemonWriteAccess" },
      { id: "sa0_serviceAccountPatch", kind: "ServiceAccountPatch", detail: "role-arn annotation" },
      { id: "sa0_exampleDeployment", kind: "Deployment", detail: "identity check" },
    ]);
    expect(edgesOf(graph)).toEqual([
      "sa0_serviceAccount --> sa0_role",
      "sa0_role --> sa0_inlinePolicy",
      "sa0_role --> sa0_managedPolicy0",
      "sa0_serviceAccount --> sa0_serviceAccountPatch",
      "sa0_role --> sa0_serviceAccountPatch",
      "sa0_serviceAccountPatch --> sa0_exampleDeployment",
      "sa0_inlinePolicy --> sa0_exampleDeployment",
      "sa0_managedPolicy0 --> sa0_exampleDeployment",
      "sa0_role --> sa0_exampleDeployment",
      "sa0_serviceAccount --> sa0_exampleDeployment",
    ]);
  });

  test("with Pod Identity the role's trust names the service account and an association binds it", () => {
    const graph = graphOf({ identityType: IdentityType.POD_IDENTITY });
    expect(nodesOf(graph)[0]).toContain("sa0_podIdentityAssociation");
    expect(nodesOf(graph)[0]).not.toContain("sa0_serviceAccountPatch");
    expect(edgesOf(graph).filter((edge) => edge.endsWith("--> sa0_role"))).toEqual(["sa0_serviceAccount --> sa0_role"]);
    expect(edgesOf(graph)).toEqual(
      expect.arrayContaining([
        "sa0_serviceAccount --> sa0_podIdentityAssociation",
        "sa0_role --> sa0_podIdentityAssociation",
        "sa0_podIdentityAssociation --> sa0_exampleDeployment",
      ]),
    );
  });

  test("add-on policies: one inline policy per add-on document, their managed policies attached with the entry's", () => {
    const graph = graphOf({
      serviceAccounts: [
        {
          name: "platform",
          namespace: "kube-system",
          createServiceAccount: false,
          managedPolicyArns: ["arn:${partition}:iam::aws:policy/CloudWatchAgentServerPolicy"],
          // EBS_CSI_DRIVER has a document only with kmsKeyArns; CLOUDWATCH_OBSERVABILITY has none.
          addonPolicies: [AddonPolicy.EXTERNAL_DNS, AddonPolicy.EBS_CSI_DRIVER, AddonPolicy.CLOUDWATCH_OBSERVABILITY],
          route53HostedZoneArns: ["arn:${partition}:route53:::hostedzone/Z0123456789"],
        },
      ],
    });
    expect(graph.groups[0].nodes.filter((node) => node.kind.startsWith("RolePolicy"))).toEqual([
      { id: "sa0_addonPolicy0", kind: "RolePolicy", detail: "EXTERNAL_DNS policy" },
      { id: "sa0_managedPolicy0", kind: "RolePolicyAttachment", detail: "CloudWatchAgentServerPolicy" },
      { id: "sa0_managedPolicy1", kind: "RolePolicyAttachment", detail: "AmazonEBSCSIDriverPolicyV2" },
      { id: "sa0_managedPolicy2", kind: "RolePolicyAttachment", detail: "AWSXrayWriteOnlyAccess" },
    ]);
    expect(edgesOf(graph)).toEqual(expect.arrayContaining(["sa0_role --> sa0_addonPolicy0"]));
  });

  test("an adopted service account without policies or Deployment is read, and a role and its annotation", () => {
    const graph = graphOf({ serviceAccounts: [{ name: "worker", namespace: "jobs", createServiceAccount: false }] });
    expect(nodesOf(graph)).toEqual([["sa0_role", "sa0_existingServiceAccount", "sa0_serviceAccountPatch"]]);
    expect(edgesOf(graph)).toEqual([
      "sa0_existingServiceAccount --> sa0_serviceAccountPatch",
      "sa0_role --> sa0_serviceAccountPatch",
    ]);
  });

  test("a created namespace comes before everything in it, once for all its accounts", () => {
    const graph = graphOf({
      serviceAccounts: [
        { name: "api", namespace: "shop-eu", createNamespace: true, exampleDeployment: true },
        { name: "worker", namespace: "shop-eu", createNamespace: true, createServiceAccount: false },
      ],
    });
    expect(graph.shared).toEqual([{ id: "namespace_shop_eu", kind: "Namespace", detail: "shop-eu" }]);
    expect(edgesOf(graph).filter((edge) => edge.startsWith("namespace_shop_eu "))).toEqual([
      "namespace_shop_eu --> sa0_serviceAccount",
      "namespace_shop_eu --> sa0_serviceAccountPatch",
      "namespace_shop_eu --> sa0_exampleDeployment",
      "namespace_shop_eu --> sa1_role",
      "namespace_shop_eu --> sa1_serviceAccountPatch",
    ]);
  });

  test("Pod Identity with the agent installed: every association depends on the add-on", () => {
    const graph = graphOf({ identityType: IdentityType.POD_IDENTITY, podIdentityAgent: PodIdentityAgentMode.INSTALL });
    expect(graph.shared).toEqual([{ id: "podIdentityAgent", kind: "Addon", detail: "eks-pod-identity-agent" }]);
    expect(edgesOf(graph)).toContain("podIdentityAgent --> sa0_podIdentityAssociation");
    expect(graphOf({ identityType: IdentityType.POD_IDENTITY }).shared).toEqual([]);
  });

  test("the agent is installed only for the entries that use Pod Identity, whatever the project's default", () => {
    const mixed = graphOf({
      podIdentityAgent: PodIdentityAgentMode.INSTALL,
      serviceAccounts: [
        { name: "batch", namespace: "jobs" },
        { name: "api", namespace: "shop", identityType: IdentityType.POD_IDENTITY },
      ],
    });
    expect(mixed.shared).toEqual([{ id: "podIdentityAgent", kind: "Addon", detail: "eks-pod-identity-agent" }]);
    expect(edgesOf(mixed).filter((edge) => edge.startsWith("podIdentityAgent "))).toEqual([
      "podIdentityAgent --> sa1_podIdentityAssociation",
    ]);
    const irsaOnly = graphOf({
      identityType: IdentityType.POD_IDENTITY,
      podIdentityAgent: PodIdentityAgentMode.INSTALL,
      serviceAccounts: [{ name: "batch", namespace: "jobs", identityType: IdentityType.IRSA }],
    });
    expect(irsaOnly.shared).toEqual([]);
  });

  test("one attachment per distinct managed policy ARN, and node ids by entry index", () => {
    const xray = "arn:${partition}:iam::aws:policy/AWSXRayDaemonWriteAccess";
    const graph = graphOf({
      serviceAccounts: [
        { name: "api", namespace: "shop" },
        { name: "api", namespace: "billing", managedPolicyArns: [xray, "arn:aws:iam::aws:policy/path/ReadOnly", xray] },
      ],
    });
    expect(nodesOf(graph)[1]).toEqual([
      "sa1_serviceAccount",
      "sa1_role",
      "sa1_managedPolicy0",
      "sa1_managedPolicy1",
      "sa1_serviceAccountPatch",
    ]);
    expect(graph.groups[1].nodes[3].detail).toBe("path/ReadOnly");
  });

  test("an OIDC provider read from another stack makes the role and the IRSA policies depend on the reference", () => {
    const graph = graphOf({ oidcProviderSource: OidcProviderSource.STACK_REFERENCE });
    expect(graph.shared.map((node) => node.id)).toEqual([OIDC_PROVIDER_STACK_NODE_ID]);
    expect(edgesOf(graph).filter((edge) => edge.startsWith(`${OIDC_PROVIDER_STACK_NODE_ID} `))).toEqual([
      "oidcProviderStack --> sa0_role",
      "oidcProviderStack --> sa0_inlinePolicy",
      "oidcProviderStack --> sa0_managedPolicy0",
    ]);
  });

  test("Pod Identity reads no OIDC provider, whatever its source", () => {
    const graph = graphOf({
      identityType: IdentityType.POD_IDENTITY,
      oidcProviderSource: OidcProviderSource.STACK_REFERENCE,
    });
    expect(graph.shared).toEqual([]);
  });
});
