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
import type { ServiceAccountSettings, StackSettings } from "../src/settings-types";

const OTHER_CLUSTER: ClusterIdentity = {
  oidcProviderArn:
    "arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/OTHERCLUSTER0000000000000000000",
  clusterName: "other-cluster",
  clusterArn: "arn:aws:eks:us-east-1:123456789012:cluster/other-cluster",
  accountId: "123456789012",
};

/** A name no declared subject matches: wildcard subjects are the user's explicit choice to trust more. */
const untrusted = (name: string): string => `${name}-not-declared`.replace(/[*?]/g, "x");

/**
 * Whether an additional account of the entry admits `other`: the same namespace, and the same name, or (with the
 * wildcard opt-in) a name its pattern matches as IAM's StringLike does (`*` any run of characters, `?` one).
 */
const admittedByAdditional = (sa: ServiceAccountSettings, other: { namespace: string; name: string }): boolean =>
  sa.additionalServiceAccounts.some((extra) => {
    if (extra.namespace !== other.namespace) return false;
    if (!sa.allowWildcardSubjects) return extra.name === other.name;
    const pattern = extra.name
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, ".*")
      .replace(/\?/g, ".");
    return new RegExp(`^${pattern}$`).test(other.name);
  });

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
  return podIdentitySession(cluster, ref, { sessionTags: !untagged(workload) });
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
    sessionTags: untagged(workload) ? {} : { ...c.sessionTags, "eks-cluster-arn": clusterArn },
    sourceAccount: OTHER_ACCOUNT,
    sourceArn: clusterArn,
  };
}

/**
 * The checks of every account of `stackSettings`, on what the workload identities register for them (the program's
 * other resources grant no access of their own), on every credential path of each (IRSA_AND_POD_IDENTITY has two).
 * A role-only entry is checked with the credentials its pods will present once its owner binds it; an existing role
 * (existingRoleArn) has a trust policy the stack cannot know, so every trust answer about it must be unknown; a
 * target role not in this stack makes its chained step unknown.
 */
function checkAccessOf(stackSettings: StackSettings): void {
  const entries = stackSettings.serviceAccounts.map((sa) => ({ key: `${sa.namespace}/${sa.name}`, sa }));
  let model: WorkloadAccess[];
  beforeAll(async () => {
    await declareIdentities(stackSettings);
    model = accessModel(clusterOf());
  });
  const workloads = (key: string): WorkloadAccess[] => {
    const found = model.filter((w) => w.key === key);
    if (found.length === 0) {
      throw new Error(`${key} has no role: bound are ${model.map((w) => w.key).join(", ")}`);
    }
    return found;
  };
  /** What a trust check must answer for `workload` when the stack's own trust would say `known`. */
  const expected = (workload: WorkloadAccess, known: boolean): boolean | undefined =>
    workload.role.trustPolicy ? known : undefined;
  /** The role's own trust: a target role's not in this stack is checked by its own test. */
  const ownRole = (w: WorkloadAccess): WorkloadAccess => ({ ...w, targetRole: undefined });

  test.each(entries)("$key: its own credentials may assume its role (each credential path)", ({ key }) => {
    for (const w of workloads(key)) {
      expect({ path: w.credentials.kind, ...checkTrust(ownRole(w)) }).toEqual({
        path: w.credentials.kind,
        allowed: expected(w, true),
        explanation: expect.any(String),
      });
    }
  });

  // IAM's quota "Role policy size": all inline policies of a role together, whitespace not counted.
  test.each(entries)("$key: its role's inline policies together fit IAM's 10,240 characters", ({ key }) => {
    for (const w of workloads(key)) {
      const inline = w.role.policies.filter((p) => p.kind === "inline" && p.document);
      const length = inline.reduce((sum, p) => sum + JSON.stringify(p.document).length, 0);
      expect({ role: w.role.name, length, fits: length <= 10_240 }).toEqual({ role: w.role.name, length, fits: true });
    }
  });

  test.each(entries)("$key: another account of its namespace may not", ({ key, sa }) => {
    for (const w of workloads(key)) {
      const subject = { namespace: sa.namespace, name: untrusted(sa.name) };
      const other = credentialsOf(w, clusterOf(), subject);
      const admitted = admittedByAdditional(sa, subject) || untagged(w);
      expect(checkTrust(ownRole(w), other).allowed).toBe(expected(w, admitted));
    }
  });

  test.each(entries)("$key: the same name in another namespace may not", ({ key, sa }) => {
    for (const w of workloads(key)) {
      const subject = { namespace: untrusted(sa.namespace), name: sa.name };
      const other = credentialsOf(w, clusterOf(), subject);
      const admitted = admittedByAdditional(sa, subject) || untagged(w);
      expect(checkTrust(ownRole(w), other).allowed).toBe(expected(w, admitted));
    }
  });

  test.each(entries)("$key: the same account in another cluster may not", ({ key, sa }) => {
    for (const w of workloads(key)) {
      // Untagged sessions name no cluster: any of the account's clusters gets in (disableSessionTags).
      expect(checkTrust(ownRole(w), credentialsOf(w, OTHER_CLUSTER, sa)).allowed).toBe(expected(w, untagged(w)));
    }
  });

  test.each(entries)("$key: its credentials from another AWS account may not", ({ key }) => {
    for (const w of workloads(key)) {
      expect(checkTrust(ownRole(w), fromOtherAccount(w)).allowed).toBe(expected(w, false));
    }
  });

  test.each(entries)("$key: a token for another audience may not (IRSA; Pod Identity has no token)", ({ key, sa }) => {
    for (const w of workloads(key)) {
      if (w.credentials.kind !== "IRSA") continue;
      const token = { ...webIdentityToken(clusterOf(), sa), audience: `not-${w.credentials.audience}` };
      expect(checkTrust(ownRole(w), token).allowed).toBe(expected(w, false));
    }
  });

  test.each(entries)(
    "$key: the plan names who may assume its role, itself among them, or says it cannot know",
    ({ key }) => {
      for (const w of workloads(key)) {
        const who = assumableBy(w).join("\n");
        if (!w.role.trustPolicy) {
          expect(who).toMatch(/^unknown: an existing role/);
          continue;
        }
        // Pod Identity: the session-tag conditions of the trust policy (namespace, service account, cluster).
        expect(who).toContain(w.credentials.kind === "IRSA" ? w.credentials.subject : "pods.eks.amazonaws.com");
      }
    },
  );

  test.each(entries)("$key: may not do * on *", ({ key }) => {
    for (const w of workloads(key)) expect(checkPermissions(w, "*", "*").verdict).not.toBe("yes");
  });
}

/** An untagged Pod Identity session (disableSessionTags): the trust can pin the account only. */
const untagged = (w: WorkloadAccess): boolean =>
  w.credentials.kind === "POD_IDENTITY" && Object.keys(w.credentials.sessionTags).length === 0;

describe("access of every declared account (IAM engine on the registered policies)", () => {
  checkAccessOf(settings);

  describe("access() of a test, on the same registrations", () => {
    // An entry whose pods get a session of its own role, whose policies are all in this stack: an existing role's
    // or a target role's would make every answer unknown.
    const ownRole = settings.serviceAccounts.find((sa) => !sa.existingRoleArn && !sa.targetRoleArn);
    (ownRole ? test : test.skip)("answers yes, no, and refuses an action the IAM engine does not know", async () => {
      const app = access(`${ownRole!.namespace}/${ownRole!.name}`);
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
  [
    "a stack of role-only, existing, migrating, cross-account and untagged entries",
    {
      identityType: "IRSA",
      oidcProviderSource: "STACK_CONFIG",
      podIdentityAgent: "NONE",
      serviceAccounts: [
        serviceAccountSettings({ name: "controller", roleOnly: true, createServiceAccount: false }),
        serviceAccountSettings({
          name: "pod-controller",
          identityType: "POD_IDENTITY",
          roleOnly: true,
          createServiceAccount: false,
        }),
        serviceAccountSettings({
          name: "legacy",
          existingRoleArn: "arn:aws:iam::123456789012:role/orders-legacy",
          roleName: "orders-legacy",
          roleNamePerStack: false,
        }),
        serviceAccountSettings({ name: "worker", identityType: "IRSA_AND_POD_IDENTITY" }),
        serviceAccountSettings({
          name: "reports",
          identityType: "POD_IDENTITY",
          targetRoleArn: "arn:aws:iam::222233334444:role/orders-data",
        }),
        serviceAccountSettings({ name: "batch", identityType: "POD_IDENTITY", disableSessionTags: true }),
      ],
    },
  ],
] satisfies [string, Partial<StackSettings>][])("access of every account of %s", (_, stackSettings) => {
  checkAccessOf({ ...settings, ...stackSettings });
});
