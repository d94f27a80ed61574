/**
 * The trust of every role, checked by a real IAM policy evaluation engine (through the access model, test/access.ts)
 * against the requests pods really make: the right pod gets in, a pod of another namespace, service account, cluster,
 * account or audience does not.
 */
import { accessModel, checkTrust, clusterOf } from "./access";
import { declareIdentities, serviceAccountSettings } from "./declare-identities";
import { ACCOUNT_ID, OIDC_PROVIDER_ARN, TEST_STACK_CONFIG } from "./pulumi-mocks";
import { podIdentitySession, type WorkloadAccess, webIdentityToken } from "../src/access-model";
import { DEFAULT_AUDIENCE, serviceAccountSubject } from "../src/trust-policy";

/** The one workload of what was declared. */
function onlyWorkload(config: Record<string, string> = TEST_STACK_CONFIG): WorkloadAccess {
  const [workload, ...others] = accessModel(clusterOf(config));
  expect(others).toEqual([]);
  return workload;
}

describe("IRSA: the token the webhook mints for the annotated account", () => {
  const audience = "api://orders";
  let workload: WorkloadAccess;
  beforeAll(async () => {
    await declareIdentities({
      identityType: "IRSA",
      oidcProviderSource: "STACK_CONFIG",
      serviceAccounts: [serviceAccountSettings({ audience })],
    });
    workload = onlyWorkload();
  });

  /** A token of the cluster's provider for shop/api, as the model mints it from the account's annotations. */
  const token = (overrides: { aud?: string; sub?: string; oidcProviderArn?: string } = {}) => {
    const minted = webIdentityToken(
      { oidcProviderArn: overrides.oidcProviderArn ?? OIDC_PROVIDER_ARN },
      { namespace: "shop", name: "api" },
    );
    return { ...minted, audience: overrides.aud ?? audience, subject: overrides.sub ?? minted.subject };
  };

  test("with a custom audience, the token of the annotated account may assume the role", () => {
    // What the pod identity webhook puts in the projected token: the annotated audience, else sts.amazonaws.com.
    expect(workload.credentials).toMatchObject({
      kind: "IRSA",
      audience,
      subject: serviceAccountSubject({ namespace: "shop", name: "api" }),
    });
    expect(checkTrust(workload).allowed).toBe(true);
    expect(checkTrust(workload, token()).allowed).toBe(true);
  });

  test("a token for the default audience, another service account or another namespace may not", () => {
    expect(checkTrust(workload, token({ aud: DEFAULT_AUDIENCE })).allowed).toBe(false);
    for (const sub of ["system:serviceaccount:shop:web", "system:serviceaccount:billing:api"]) {
      expect(checkTrust(workload, token({ sub })).allowed).toBe(false);
    }
  });

  test("a token presented through another cluster's OIDC provider may not", () => {
    const other = OIDC_PROVIDER_ARN.replace(/id\/\w+$/, "id/0THERC1USTER");
    expect(checkTrust(workload, token({ oidcProviderArn: other })).allowed).toBe(false);
  });
});

describe("EKS Pod Identity: the session tags the agent sets for a pod of the account", () => {
  const config = { ...TEST_STACK_CONFIG, clusterName: "prod" };
  let workload: WorkloadAccess;
  beforeAll(async () => {
    await declareIdentities(
      { identityType: "POD_IDENTITY", podIdentityAgent: "NONE", serviceAccounts: [serviceAccountSettings()] },
      { config },
    );
    workload = onlyWorkload(config);
  });

  test("a pod of the bound service account, namespace and cluster may assume the role", () => {
    expect(workload.credentials).toMatchObject({
      kind: "POD_IDENTITY",
      sourceAccount: ACCOUNT_ID,
      sessionTags: { "eks-cluster-name": "prod", "kubernetes-namespace": "shop", "kubernetes-service-account": "api" },
    });
    expect(checkTrust(workload).allowed).toBe(true);
  });

  const prod = () => clusterOf(config);
  test.each([
    ["another namespace", () => podIdentitySession(prod(), { namespace: "billing", name: "api" })],
    ["another service account", () => podIdentitySession(prod(), { namespace: "shop", name: "web" })],
    [
      "another cluster",
      () => podIdentitySession(clusterOf({ ...config, clusterName: "staging" }), { namespace: "shop", name: "api" }),
    ],
    [
      "another account",
      () => ({ ...podIdentitySession(prod(), { namespace: "shop", name: "api" }), sourceAccount: "210987654321" }),
    ],
  ])("a pod of %s may not", (_, session) => {
    expect(checkTrust(workload, session()).allowed).toBe(false);
  });
});
