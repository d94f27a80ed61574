/**
 * The trust of every role, checked by a real IAM policy evaluation engine against the requests pods really make:
 * the right pod gets in, a pod of another namespace, service account, cluster or audience does not.
 */
import { declareIdentities, serviceAccountSettings } from "./declare-identities";
import { assumeRoleForPodIdentity, assumeRoleWithWebIdentity } from "./iam-evaluation";
import { ACCOUNT_ID, OIDC_PROVIDER_ARN, promiseOf, registrationOf } from "./pulumi-mocks";
import { AUDIENCE_ANNOTATION } from "../src/irsa";
import { DEFAULT_AUDIENCE, serviceAccountSubject } from "../src/trust-policy";
import type { WorkloadIdentity } from "../src/workload-identity";

async function trustOf(identity: WorkloadIdentity) {
  const role = await registrationOf(identity.role);
  return { policy: JSON.parse(role.inputs.assumeRolePolicy), arn: await promiseOf(identity.role.arn) };
}

describe("IRSA: the token the webhook mints for the annotated account", () => {
  const audience = "api://orders";
  let identity: WorkloadIdentity;
  let tokenAudience: string;
  beforeAll(async () => {
    const sa = serviceAccountSettings({ audience });
    ({ [`${sa.namespace}/${sa.name}`]: identity } = await declareIdentities({
      identityType: "IRSA",
      oidcProviderSource: "STACK_CONFIG",
      serviceAccounts: [sa],
    }));
    const patch = await registrationOf(identity.serviceAccountPatch!);
    // What the pod identity webhook puts in the projected token: the annotated audience, else sts.amazonaws.com.
    tokenAudience = patch.inputs.metadata.annotations[AUDIENCE_ANNOTATION] ?? DEFAULT_AUDIENCE;
  });

  const token = (overrides: { aud?: string; sub?: string } = {}) => ({
    oidcProviderArn: OIDC_PROVIDER_ARN,
    aud: overrides.aud ?? tokenAudience,
    sub: overrides.sub ?? serviceAccountSubject({ namespace: "shop", name: "api" }),
  });

  test("with a custom audience, the token of the annotated account may assume the role", async () => {
    const { policy, arn } = await trustOf(identity);
    expect(tokenAudience).toBe(audience);
    expect(await assumeRoleWithWebIdentity(policy, arn, token())).toBe("Allowed");
  });

  test("a token for the default audience, another service account or another namespace may not", async () => {
    const { policy, arn } = await trustOf(identity);
    expect(await assumeRoleWithWebIdentity(policy, arn, token({ aud: DEFAULT_AUDIENCE }))).toBe("ImplicitlyDenied");
    for (const sub of ["system:serviceaccount:shop:web", "system:serviceaccount:billing:api"]) {
      expect(await assumeRoleWithWebIdentity(policy, arn, token({ sub }))).toBe("ImplicitlyDenied");
    }
  });

  test("a token presented through another cluster's OIDC provider may not", async () => {
    const { policy, arn } = await trustOf(identity);
    const other = OIDC_PROVIDER_ARN.replace(/id\/\w+$/, "id/0THERC1USTER");
    expect(await assumeRoleWithWebIdentity(policy, arn, { ...token(), oidcProviderArn: other })).toBe(
      "ImplicitlyDenied",
    );
  });
});

describe("EKS Pod Identity: the session tags the agent sets for a pod of the account", () => {
  const clusterName = "prod";
  const clusterArn = `arn:aws:eks:us-east-1:${ACCOUNT_ID}:cluster/${clusterName}`;
  const session = { clusterArn, clusterName, namespace: "shop", serviceAccount: "api", sourceAccount: ACCOUNT_ID };
  let identity: WorkloadIdentity;
  beforeAll(async () => {
    ({ "shop/api": identity } = await declareIdentities(
      { identityType: "POD_IDENTITY", podIdentityAgent: "NONE", serviceAccounts: [serviceAccountSettings()] },
      { config: { clusterName } },
    ));
  });

  test("a pod of the bound service account, namespace and cluster may assume the role", async () => {
    const { policy, arn } = await trustOf(identity);
    expect(await assumeRoleForPodIdentity(policy, arn, session)).toBe("Allowed");
  });

  test.each([
    ["another namespace", { namespace: "billing" }],
    ["another service account", { serviceAccount: "web" }],
    ["another cluster", { clusterArn: clusterArn.replace(/prod$/, "staging"), clusterName: "staging" }],
    ["another account", { sourceAccount: "210987654321" }],
  ])("a pod of %s may not", async (_, other) => {
    const { policy, arn } = await trustOf(identity);
    expect(await assumeRoleForPodIdentity(policy, arn, { ...session, ...other })).toBe("ImplicitlyDenied");
  });
});
