/**
 * Every declared account, checked by a real IAM engine on what the program registers: its own token or session
 * may assume its role; another account, namespace, cluster or (IRSA) audience may not; nothing may do `*` on `*`.
 */
// Submodules, not the whole @pulumi/kubernetes: its index costs a test file 0.1-0.2 s more.
import { Provider } from "@pulumi/kubernetes/provider";
import { access, accessModel, checkPermissions, checkTrust, clusterOf } from "./access";
import { assumableBy } from "./access-matrix";
import { settled, startMocks, TEST_STACK_CONFIG } from "./pulumi-mocks";
import {
  type ClusterIdentity,
  type Credentials,
  podIdentitySession,
  webIdentityToken,
  type WorkloadAccess,
} from "../src/access-model";
import { settings } from "../src/settings";

const OTHER_CLUSTER: ClusterIdentity = {
  oidcProviderArn:
    "arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/OTHERCLUSTER0000000000000000000",
  clusterName: "other-cluster",
  clusterArn: "arn:aws:eks:us-east-1:123456789012:cluster/other-cluster",
  accountId: "123456789012",
};

/** A name no declared subject matches: wildcard subjects are the user's explicit choice to trust more. */
const untrusted = (name: string): string => `${name}-not-declared`.replace(/[*?]/g, "x");

const entries = settings.serviceAccounts.map((sa) => ({ key: `${sa.namespace}/${sa.name}`, sa }));

/** The credentials a pod of `namespace/name` presents in `cluster`, with the workload's own audience. */
function credentialsOf(
  workload: WorkloadAccess,
  cluster: ClusterIdentity,
  ref: { namespace: string; name: string },
): Credentials {
  if (workload.credentials.kind === "IRSA") {
    return { ...webIdentityToken(cluster, ref), audience: workload.credentials.audience };
  }
  return podIdentitySession(cluster, ref);
}

describe("access of every declared account (IAM engine on the registered policies)", () => {
  let model: WorkloadAccess[];
  beforeAll(async () => {
    await startMocks(TEST_STACK_CONFIG);
    // Loaded after setMocks, as program modules must be.
    const { declareWorkloadIdentities } = await import("../src/workload-identities");
    declareWorkloadIdentities({
      provider: new Provider("eks", { enableServerSideApply: true }),
      stackSettings: settings,
    });
    await settled();
    model = accessModel(clusterOf());
  });
  const workload = (key: string): WorkloadAccess => {
    const found = model.find((w) => w.key === key);
    if (!found) throw new Error(`${key} is not bound to a role: bound are ${model.map((w) => w.key).join(", ")}`);
    return found;
  };

  test.each(entries)("$key: its own credentials may assume its role", ({ key }) => {
    const trust = checkTrust(workload(key));
    expect(trust).toEqual({ allowed: true, explanation: expect.any(String) });
  });

  test.each(entries)("$key: another account of its namespace may not", ({ key, sa }) => {
    const w = workload(key);
    const other = credentialsOf(w, clusterOf(), { namespace: sa.namespace, name: untrusted(sa.name) });
    expect(checkTrust(w, other).allowed).toBe(sa.allowWildcardSubjects && sa.additionalServiceAccounts.length > 0);
  });

  test.each(entries)("$key: the same name in another namespace may not", ({ key, sa }) => {
    const w = workload(key);
    const other = credentialsOf(w, clusterOf(), { namespace: untrusted(sa.namespace), name: sa.name });
    expect(checkTrust(w, other).allowed).toBe(sa.allowWildcardSubjects && sa.additionalServiceAccounts.length > 0);
  });

  test.each(entries)("$key: the same account in another cluster may not", ({ key, sa }) => {
    const w = workload(key);
    expect(checkTrust(w, credentialsOf(w, OTHER_CLUSTER, sa)).allowed).toBe(false);
  });

  test.each(entries)("$key: a token for another audience may not (IRSA; Pod Identity has no token)", ({ key, sa }) => {
    const w = workload(key);
    if (w.credentials.kind !== "IRSA") return expect(w.credentials.kind).toBe("POD_IDENTITY");
    const token = { ...webIdentityToken(clusterOf(), sa), audience: `not-${w.credentials.audience}` };
    expect(checkTrust(w, token).allowed).toBe(false);
  });

  test.each(entries)("$key: the plan names who may assume its role, itself among them", ({ key }) => {
    const w = workload(key);
    const who = assumableBy(w).join("\n");
    // Pod Identity: the session-tag conditions of the trust policy (namespace, service account, cluster).
    expect(who).toContain(w.credentials.kind === "IRSA" ? w.credentials.subject : "pods.eks.amazonaws.com");
  });

  test.each(entries)("$key: may not do * on *", ({ key }) => {
    expect(checkPermissions(workload(key), "*", "*").verdict).not.toBe("yes");
  });

  describe("access() of a test, on the same registrations", () => {
    test("answers yes, no, and refuses an action the IAM engine does not know", async () => {
      const [first] = entries;
      const app = access(first.key);
      expect(await app.can("iam:CreateUser", "*")).toBe(false);
      await expect(app.can("iam:NoSuchAction", "*")).rejects.toThrow(/refuses iam:NoSuchAction/);
    });

    test("names the service accounts it knows when asked for another", async () => {
      await expect(access("nowhere/nobody").explain("s3:GetObject")).rejects.toThrow(/Bound service accounts: /);
    });
  });
});
