/**
 * Every declared account, checked by a real IAM engine on what the program registers: its own token or session
 * may assume its role; another account, namespace, cluster or (IRSA) audience may not; nothing may do `*` on `*`.
 */
import { access, accessModel, checkPermissions, checkTrust, clusterOf } from "./access";
import { assumableBy } from "./access-matrix";
import { declareIdentities, serviceAccountSettings } from "./declare-identities";
import { ACCOUNT_ID, ISSUER, OIDC_PROVIDER_ARN } from "./pulumi-mocks";
import {
  AUDIENCE_ANNOTATION,
  awsManagedPolicyKey,
  buildAccessModel,
  type ClusterIdentity,
  type Credentials,
  podIdentitySession,
  type RegisteredResource,
  ROLE_ARN_ANNOTATION,
  webIdentityToken,
  type WorkloadAccess,
} from "../src/access-model";
import { settings } from "../src/settings";
import type { ServiceAccountSettings, StackSettings } from "../src/settings-types";
import type { PolicyDocument } from "../src/trust-policy";

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

/**
 * The model on registrations written out by hand: what the program could register, beyond what the stacks above
 * declare (a customer managed policy of the stack, an annotation on a Deployment, an association of another cluster).
 */
describe("buildAccessModel, on registrations written out", () => {
  const CLUSTER: ClusterIdentity = {
    oidcProviderArn: OIDC_PROVIDER_ARN,
    clusterName: "prod",
    clusterArn: `arn:aws:eks:us-east-1:${ACCOUNT_ID}:cluster/prod`,
    accountId: ACCOUNT_ID,
  };
  const allow = (Action: string): PolicyDocument => ({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action, Resource: "*" }],
  });
  const XRAY = "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess";
  const MANAGED = { AWSXRayDaemonWriteAccess: allow("xray:PutTraceSegments") };
  const roleArn = (name: string) => `arn:aws:iam::${ACCOUNT_ID}:role/${name}`;
  const irsaTrust = (sub: string, aud: string | string[] = "sts.amazonaws.com"): PolicyDocument => ({
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { Federated: OIDC_PROVIDER_ARN },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: { StringEquals: { [`${ISSUER}:aud`]: aud, [`${ISSUER}:sub`]: sub } },
      },
    ],
  });
  const podTrust = (namespace: string, tagged = true): PolicyDocument => ({
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { Service: "pods.eks.amazonaws.com" },
        Action: ["sts:AssumeRole", "sts:TagSession"],
        Condition: {
          StringEquals: tagged
            ? { "aws:RequestTag/kubernetes-namespace": namespace }
            : { "aws:SourceAccount": ACCOUNT_ID },
        },
      },
    ],
  });
  /** A role as the program registers it: under `name` (an entry's `<namespace>/<name>`), its trust JSON-encoded. */
  const role = (name: string, roleName: string, trust: PolicyDocument, inputs = {}): RegisteredResource => ({
    type: "aws:iam/role:Role",
    name,
    inputs: { assumeRolePolicy: JSON.stringify(trust), ...inputs },
    outputs: { arn: roleArn(roleName), name: roleName },
  });
  const serviceAccount = (
    type: "ServiceAccount" | "ServiceAccountPatch",
    metadata: { name: string; namespace?: string; annotations: Record<string, string> },
  ): RegisteredResource => ({
    type: `kubernetes:core/v1:${type}`,
    name: metadata.name,
    inputs: { metadata },
    outputs: {},
  });
  const association = (name: string, inputs: Record<string, unknown>): RegisteredResource => ({
    type: "aws:eks/podIdentityAssociation:PodIdentityAssociation",
    name,
    inputs: { clusterName: "prod", namespace: "shop", ...inputs },
    outputs: {},
  });
  const model = (registered: RegisteredResource[]) => buildAccessModel(registered, CLUSTER, MANAGED);

  test("awsManagedPolicyKey: the path and name of an AWS managed policy of any partition, else undefined", () => {
    expect(awsManagedPolicyKey(XRAY)).toBe("AWSXRayDaemonWriteAccess");
    expect(awsManagedPolicyKey("arn:aws-cn:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy")).toBe(
      "service-role/AmazonEBSCSIDriverPolicy",
    );
    expect(awsManagedPolicyKey(`arn:aws:iam::${ACCOUNT_ID}:policy/AWSXRayDaemonWriteAccess`)).toBeUndefined();
    expect(awsManagedPolicyKey(`x${XRAY}`)).toBeUndefined();
    expect(awsManagedPolicyKey(`${XRAY}\narn:aws:iam::${ACCOUNT_ID}:policy/mine`)).toBeUndefined();
  });

  test("a role's policies: inline ones, then managed ones; a customer managed policy known only if this stack creates it", () => {
    const created = `arn:aws:iam::${ACCOUNT_ID}:policy/orders-read`;
    const elsewhere = `arn:aws:iam::${ACCOUNT_ID}:policy/boundary`;
    const [workload] = model([
      {
        type: "aws:iam/policy:Policy",
        name: "orders-read",
        inputs: { policy: JSON.stringify(allow("s3:GetObject")) },
        outputs: { arn: created },
      },
      role("shop/api", "api", irsaTrust("system:serviceaccount:shop:api"), {
        inlinePolicies: [{ name: "own", policy: JSON.stringify(allow("sqs:SendMessage")) }],
        managedPolicyArns: [XRAY],
        permissionsBoundary: elsewhere,
      }),
      // A RolePolicy's name is its physical name (outputs.name), else the resource's.
      {
        type: "aws:iam/rolePolicy:RolePolicy",
        name: "shop/api-extra",
        inputs: { role: "api", policy: JSON.stringify(allow("sns:Publish")) },
        outputs: { name: "extra" },
      },
      {
        type: "aws:iam/rolePolicy:RolePolicy",
        name: "shop/api-more",
        inputs: { role: "api", policy: allow("kms:Decrypt") },
        outputs: {},
      },
      {
        type: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
        name: "a",
        inputs: { role: "api", policyArn: created },
        outputs: {},
      },
      {
        type: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
        name: "b",
        inputs: { role: "other", policyArn: XRAY },
        outputs: {},
      },
      serviceAccount("ServiceAccountPatch", {
        name: "api",
        namespace: "shop",
        annotations: { [ROLE_ARN_ANNOTATION]: roleArn("api") },
      }),
    ]);
    expect(workload.role).toEqual({
      arn: roleArn("api"),
      name: "api",
      accountId: ACCOUNT_ID,
      partition: "aws",
      managed: true,
      trustPolicy: irsaTrust("system:serviceaccount:shop:api"),
      policies: [
        { name: "own", kind: "inline", document: allow("sqs:SendMessage") },
        { name: "extra", kind: "inline", document: allow("sns:Publish") },
        { name: "shop/api-more", kind: "inline", document: allow("kms:Decrypt") },
        { name: XRAY, kind: "managed", document: MANAGED.AWSXRayDaemonWriteAccess },
        { name: created, kind: "managed", document: allow("s3:GetObject") },
      ],
      permissionsBoundary: { name: elsewhere, kind: "managed", document: undefined },
    });
  });

  test("an existing role (read, not created): its partition and account from its ARN, its owner's policies unknown", () => {
    const arn = "arn:aws-us-gov:iam::444455556666:role/legacy";
    const [workload] = model([
      {
        type: "aws:iam/role:Role",
        name: "shop/legacy",
        inputs: {},
        outputs: { arn, name: "legacy" },
        readId: "legacy",
      },
      serviceAccount("ServiceAccount", {
        name: "legacy",
        namespace: "shop",
        annotations: { [ROLE_ARN_ANNOTATION]: arn },
      }),
    ]);
    expect(workload.role).toEqual({
      arn,
      name: "legacy",
      accountId: "444455556666",
      partition: "aws-us-gov",
      managed: false,
      policies: [{ name: "its owner's policies", kind: "managed" }],
    });
  });

  test("IRSA: the annotations of the service account and of its patch, merged; the webhook reads service accounts only", () => {
    const workloads = model([
      role("shop/api", "api", irsaTrust("system:serviceaccount:shop:api", "api://orders")),
      role("batch/job", "job", irsaTrust("system:serviceaccount:default:job")),
      serviceAccount("ServiceAccount", {
        name: "api",
        namespace: "shop",
        annotations: { [AUDIENCE_ANNOTATION]: "api://orders" },
      }),
      serviceAccount("ServiceAccountPatch", {
        name: "api",
        namespace: "shop",
        annotations: { [ROLE_ARN_ANNOTATION]: roleArn("api") },
      }),
      // No namespace: the provider's default namespace, "default".
      serviceAccount("ServiceAccount", { name: "job", annotations: { [ROLE_ARN_ANNOTATION]: roleArn("job") } }),
      // The annotation on a Deployment binds nothing (aws/amazon-eks-pod-identity-webhook reads service accounts).
      {
        type: "kubernetes:apps/v1:Deployment",
        name: "web",
        inputs: {
          metadata: { name: "web", namespace: "shop", annotations: { [ROLE_ARN_ANNOTATION]: roleArn("api") } },
        },
        outputs: {},
      },
    ]);
    expect(workloads.map(({ key, binding, credentials }) => ({ key, binding, credentials }))).toEqual([
      {
        key: "shop/api",
        binding: "annotation eks.amazonaws.com/role-arn",
        credentials: {
          kind: "IRSA",
          oidcProviderArn: OIDC_PROVIDER_ARN,
          issuer: ISSUER,
          audience: "api://orders",
          subject: "system:serviceaccount:shop:api",
        },
      },
      {
        key: "default/job",
        binding: "annotation eks.amazonaws.com/role-arn",
        credentials: {
          kind: "IRSA",
          oidcProviderArn: OIDC_PROVIDER_ARN,
          issuer: ISSUER,
          audience: "sts.amazonaws.com",
          subject: "system:serviceaccount:default:job",
        },
      },
    ]);
  });

  test("Pod Identity: associations of this cluster only, with the session EKS makes for any pod of the account", () => {
    const workloads = model([
      role("shop/api", "api", podTrust("shop")),
      role("shop/orders-data", "orders-data", podTrust("shop")),
      association("shop/api", {
        serviceAccount: "api",
        roleArn: roleArn("api"),
        targetRoleArn: roleArn("orders-data"),
      }),
      association("shop/api-staging", { serviceAccount: "api", roleArn: roleArn("api"), clusterName: "staging" }),
      // disableSessionTags as the program passes it (a boolean) and as a provider input may arrive (JSON-encoded).
      association("shop/batch", { serviceAccount: "batch", roleArn: roleArn("api"), disableSessionTags: true }),
      association("shop/cron", { serviceAccount: "cron", roleArn: roleArn("api"), disableSessionTags: "true" }),
    ]);
    expect(workloads.map((w) => w.key)).toEqual(["shop/api", "shop/batch", "shop/cron"]);
    const [api, batch, cron] = workloads;
    expect(api.binding).toBe("PodIdentityAssociation shop/api (cluster prod)");
    // https://docs.aws.amazon.com/eks/latest/userguide/pod-id-abac.html: the tags of every session.
    expect(api.credentials).toEqual({
      kind: "POD_IDENTITY",
      sessionTags: {
        "eks-cluster-arn": CLUSTER.clusterArn,
        "eks-cluster-name": "prod",
        "kubernetes-namespace": "shop",
        "kubernetes-service-account": "api",
        "kubernetes-pod-name": "pod",
        "kubernetes-pod-uid": "00000000-0000-0000-0000-000000000000",
      },
      sourceAccount: ACCOUNT_ID,
      sourceArn: CLUSTER.clusterArn,
      externalId: `us-east-1/${ACCOUNT_ID}/prod/shop/api`,
    });
    expect(api.targetRole).toEqual({
      arn: roleArn("orders-data"),
      role: expect.objectContaining({ name: "orders-data" }),
      sessionTags: true,
    });
    // Untagged sessions: EKS passes the external ID instead (the target role's trust may ask for it).
    expect(batch.credentials).toEqual(
      podIdentitySession(CLUSTER, { namespace: "shop", name: "batch" }, { sessionTags: false }),
    );
    expect(cron.credentials).toEqual(
      podIdentitySession(CLUSTER, { namespace: "shop", name: "cron" }, { sessionTags: false }),
    );
    expect(batch.credentials).toHaveProperty("sessionTags", {});
  });

  test("a role bound by nothing here (roleOnly): the credentials its trust admits, under its entry's key", () => {
    const both: PolicyDocument = {
      Version: "2012-10-17",
      Statement: [...irsaTrust("system:serviceaccount:ops:both").Statement, ...podTrust("ops").Statement],
    };
    const workloads = model([
      role(
        "ops/controller",
        "controller",
        irsaTrust("system:serviceaccount:ops:controller", ["api://ops", "sts.amazonaws.com"]),
      ),
      role("ops/both", "both", both),
      role("ops/untagged", "untagged", podTrust("ops", false)),
      // Not an entry's key: no workload to speak for.
      role("controller", "plain", irsaTrust("system:serviceaccount:ops:plain")),
      role("/nameless", "nameless", irsaTrust("system:serviceaccount:ops:nameless")),
      role("ops/a/b", "nested", irsaTrust("system:serviceaccount:ops:nested")),
      // A target role is the chained step of its association's workload, not one of its own.
      role("shop/api", "api", podTrust("shop")),
      role("shop/target", "target", podTrust("shop")),
      association("shop/api", { serviceAccount: "api", roleArn: roleArn("api"), targetRoleArn: roleArn("target") }),
    ]);
    expect(workloads.map((w) => [w.key, w.binding, w.credentials.kind, w.role.name])).toEqual([
      ["shop/api", "PodIdentityAssociation shop/api (cluster prod)", "POD_IDENTITY", "api"],
      ["ops/controller", undefined, "IRSA", "controller"],
      ["ops/both", undefined, "IRSA", "both"],
      ["ops/both", undefined, "POD_IDENTITY", "both"],
      ["ops/untagged", undefined, "POD_IDENTITY", "untagged"],
    ]);
    // The token of a role-only entry's pods asks for the audience its trust pins (the first).
    expect(workloads[1].credentials).toEqual(
      webIdentityToken(CLUSTER, { namespace: "ops", name: "controller" }, { [AUDIENCE_ANNOTATION]: "api://ops" }),
    );
    expect(workloads[3].credentials).toEqual(podIdentitySession(CLUSTER, { namespace: "ops", name: "both" }));
    // Untagged sessions only where the trust asks for no tag.
    expect(workloads[4].credentials).toEqual(
      podIdentitySession(CLUSTER, { namespace: "ops", name: "untagged" }, { sessionTags: false }),
    );
  });
});

test("a session's principal tags are its role's IAM tags, and for Pod Identity its session tags, which win", async () => {
  const byTag = (key: string, value: string) => ({
    effect: "Allow" as const,
    actions: ["s3:GetObject"],
    resources: ["arn:${partition}:s3:::orders/*"],
    conditions: [{ test: "StringEquals", variable: `aws:PrincipalTag/${key}`, values: [value] }],
  });
  await declareIdentities({
    serviceAccounts: [
      serviceAccountSettings({ name: "tagged", tags: { team: "data" }, policyStatements: [byTag("team", "data")] }),
      // A role tag of a session tag's key: EKS's own value counts (EKS User Guide, pod-id-abac).
      serviceAccountSettings({
        name: "pods",
        identityType: "POD_IDENTITY",
        tags: { "kubernetes-namespace": "elsewhere" },
        policyStatements: [byTag("kubernetes-namespace", "shop")],
      }),
    ],
  });
  const verdict = (key: string) =>
    checkPermissions(
      accessModel().find((w) => w.key === key)!,
      "s3:GetObject",
      "arn:aws:s3:::orders/x",
    ).verdict;
  expect(verdict("shop/tagged")).toBe("yes");
  expect(verdict("shop/pods")).toBe("yes");
});
