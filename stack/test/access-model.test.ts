/**
 * Every declared account, checked by a real IAM engine on what the program registers: its own token or session
 * may assume its role; another account, namespace, cluster or (IRSA) audience may not; nothing may do `*` on `*`.
 */
import { access, accessModel, checkPermissions, checkTrust, clusterOf } from "./access";
import { assumableBy } from "./access-matrix";
import { declareIdentities, serviceAccountSettings } from "./declare-identities";
import {
  type ClusterIdentity,
  type Credentials,
  podIdentitySession,
  webIdentityToken,
  type WorkloadAccess,
} from "../src/access-model";
import { settings } from "../src/settings";
import type { StackSettings } from "../src/settings-types";

const OTHER_CLUSTER: ClusterIdentity = {
  oidcProviderArn:
    "arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/OTHERCLUSTER0000000000000000000",
  clusterName: "other-cluster",
  clusterArn: "arn:aws:eks:us-east-1:123456789012:cluster/other-cluster",
  accountId: "123456789012",
};

/** A name no declared subject matches: wildcard subjects are the user's explicit choice to trust more. */
const untrusted = (name: string): string => `${name}-not-declared`.replace(/[*?]/g, "x");

/** Another AWS account than the mocks' caller: neither its OIDC providers nor its clusters are trusted. */
const OTHER_ACCOUNT = "210987654321";

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

/** The workload's own credentials, as if they came from another AWS account (its provider, or its cluster). */
function fromOtherAccount(workload: WorkloadAccess): Credentials {
  const c = workload.credentials;
  if (c.kind === "IRSA") {
    const oidcProviderArn = c.oidcProviderArn.replace(/:\d{12}:/, `:${OTHER_ACCOUNT}:`);
    return { ...c, oidcProviderArn, issuer: oidcProviderArn.split(":oidc-provider/")[1] };
  }
  const clusterArn = c.sourceArn.replace(/:\d{12}:/, `:${OTHER_ACCOUNT}:`);
  return {
    ...c,
    sessionTags: { ...c.sessionTags, "eks-cluster-arn": clusterArn },
    sourceAccount: OTHER_ACCOUNT,
    sourceArn: clusterArn,
  };
}

/**
 * The checks of every account of `stackSettings`, on what the workload identities register for them (the program's
 * other resources grant no access of their own).
 */
function checkAccessOf(stackSettings: StackSettings): void {
  const entries = stackSettings.serviceAccounts.map((sa) => ({ key: `${sa.namespace}/${sa.name}`, sa }));
  let model: WorkloadAccess[];
  beforeAll(async () => {
    await declareIdentities(stackSettings);
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

  test.each(entries)("$key: its credentials from another AWS account may not", ({ key }) => {
    const w = workload(key);
    expect(checkTrust(w, fromOtherAccount(w)).allowed).toBe(false);
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
}

describe("access of every declared account (IAM engine on the registered policies)", () => {
  checkAccessOf(settings);

  describe("access() of a test, on the same registrations", () => {
    test("answers yes, no, and refuses an action the IAM engine does not know", async () => {
      const [first] = settings.serviceAccounts;
      const app = access(`${first.namespace}/${first.name}`);
      expect(await app.can("iam:CreateUser", "*")).toBe(false);
      await expect(app.can("iam:NoSuchAction", "*")).rejects.toThrow(/refuses iam:NoSuchAction/);
    });

    test("names the service accounts it knows when asked for another", async () => {
      await expect(access("nowhere/nobody").explain("s3:GetObject")).rejects.toThrow(/Bound service accounts: /);
    });
  });
});

// The same checks hold whatever identity type the entries use: Pod Identity roles trust only the session tags of
// their own cluster, namespace and service account, from their own account.
describe.each([
  [
    "a Pod Identity stack",
    {
      identityType: "POD_IDENTITY",
      serviceAccounts: [serviceAccountSettings(), serviceAccountSettings({ name: "worker", namespace: "batch" })],
    },
  ],
  [
    "a stack mixing IRSA and Pod Identity entries",
    {
      identityType: "IRSA",
      serviceAccounts: [
        serviceAccountSettings({ identityType: "POD_IDENTITY" }),
        serviceAccountSettings({ name: "worker", namespace: "batch", audience: "api://batch" }),
        serviceAccountSettings({
          name: "reporter",
          namespace: "batch",
          additionalServiceAccounts: [{ namespace: "batch", name: "reporter-canary" }],
        }),
      ],
    },
  ],
] satisfies [string, Partial<StackSettings>][])("access of every account of %s", (_, stackSettings) => {
  checkAccessOf({ ...settings, ...stackSettings });
});
