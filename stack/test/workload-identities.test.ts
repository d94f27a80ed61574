/** Checks every entry of the generated settings, so it holds for any settings the tool writes. */
// Submodules, not the whole @pulumi/kubernetes: its index costs a test file 0.1-0.2 s more.
import { ServiceAccount } from "@pulumi/kubernetes/core/v1";
import { Provider } from "@pulumi/kubernetes/provider";
import {
  ACCOUNT_ID,
  clientIdsFor,
  OIDC_PROVIDER_ARN,
  promiseOf,
  type Registration,
  registrationOf,
  registrations,
  settled,
  startMocks,
} from "./pulumi-mocks";
import { addonManagedPolicyArns, addonPolicyDocument } from "../src/addon-policies";
import { IDENTITY_CHECK_SCRIPT } from "../src/example-deployment";
import { CREDENTIALS_HASH_ANNOTATION, credentialsHash, type PodCredentialInputs } from "../src/pod-template";
import { fitRoleName } from "../src/role-name";
import { settings } from "../src/settings";
import type { IdentityType, ServiceAccountSettings, StackSettings } from "../src/settings-types";
import { type PolicyDocument, serviceAccountSubject } from "../src/trust-policy";
import type { WorkloadIdentity } from "../src/workload-identity";

// A primary provider in another account than the mocks' caller, to prove where ${...} tokens come from. Its partition
// is the stack's (the AWS provider's, which the mocks set to match): a provider of another partition is refused.
const PRIMARY_ARN = "arn:aws-cn:iam::210987654321:oidc-provider/oidc.eks.cn-north-1.amazonaws.com.cn/id/PRIMARY";
// An additional provider: another cluster's issuer, registered in the primary's account (where the role is).
const SECOND_ARN = "arn:aws-cn:iam::210987654321:oidc-provider/oidc.eks.cn-northwest-1.amazonaws.com.cn/id/SECOND";
const PROVIDER_ARNS = [PRIMARY_ARN, SECOND_ARN];
/**
 * Each entry as a role this stack creates and binds: role-only, existing-role, target-role and untagged entries
 * change what is registered, and have tests of their own (role-only-and-existing-roles, pod-identity-target-roles).
 */
const bound = (sa: ServiceAccountSettings): ServiceAccountSettings => ({
  ...sa,
  roleOnly: false,
  existingRoleArn: undefined,
  targetRoleArn: undefined,
  disableSessionTags: false,
});
const generated: StackSettings = { ...settings, serviceAccounts: settings.serviceAccounts.map(bound) };
const entries = generated.serviceAccounts.map((sa): [string, ServiceAccountSettings] => [
  `${sa.namespace}/${sa.name}`,
  sa,
]);

async function declare(
  config: Record<string, string>,
  stackSettings: StackSettings,
): Promise<Record<string, WorkloadIdentity>> {
  await startMocks(config, {
    oidcProviderClientIds: clientIdsFor(stackSettings),
    ...(stackSettings.identityType === "IRSA" && { partition: "aws-cn", accountId: "210987654321" }),
  });
  // Loaded after setMocks, as program modules must be.
  const { declareWorkloadIdentities } = await import("../src/workload-identities");
  const identities = declareWorkloadIdentities({
    provider: new Provider("eks", { enableServerSideApply: true }),
    stackSettings,
  });
  await settled();
  return identities;
}

/** The settings with the stack's and every entry's identity type switched to one. */
const switchedTo = (identityType: IdentityType, stackSettings: StackSettings = generated): StackSettings => ({
  ...stackSettings,
  identityType,
  serviceAccounts: stackSettings.serviceAccounts.map((sa) => ({ ...sa, identityType })),
});

const issuerOf = (arn: string): string => arn.split(":oidc-provider/")[1];
const expectedSubjects = (sa: ServiceAccountSettings): string[] => [
  ...new Set([sa, ...sa.additionalServiceAccounts].map(serviceAccountSubject)),
];
const noTokensLeft = (value: unknown) => expect(JSON.stringify(value)).not.toMatch(/\$\{(partition|accountId)\}/);

/**
 * Waits until every resource the identity exposes is registered, then for what registers after them: under a slow
 * machine (or Stryker's instrumented code) `settled()` alone may return before the last registrations start.
 */
async function allRegistered(identity: WorkloadIdentity): Promise<void> {
  const exposed = [
    identity.role,
    identity.serviceAccount,
    identity.serviceAccountPatch,
    identity.podIdentityAssociation,
    identity.exampleDeployment,
    ...identity.policies,
  ];
  await Promise.all(exposed.flatMap((resource) => (resource ? [registrationOf(resource)] : [])));
  await settled();
}

const INLINE_POLICY = "aws:iam/rolePolicy:RolePolicy";
const POLICY_ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";

/** Every inline policy and policy attachment registered for the role of that name, whoever registered it. */
const policiesOfRole = (roleName: string): Registration[] =>
  registrations().filter(
    (r) => (r.type === INLINE_POLICY || r.type === POLICY_ATTACHMENT) && r.inputs.role === roleName,
  );

/** The inline policy the settings describe: each statement as written, `${partition}`/`${accountId}` filled in. */
function expectedInlinePolicy(sa: ServiceAccountSettings, partition: string, accountId: string): PolicyDocument {
  const fill = (text: string) => text.split("${partition}").join(partition).split("${accountId}").join(accountId);
  return {
    Version: "2012-10-17",
    Statement: sa.policyStatements.map((s) => {
      const condition: Record<string, Record<string, string[]>> = {};
      for (const c of s.conditions ?? []) {
        condition[c.test] = { ...condition[c.test], [c.variable]: c.values.map(fill) };
      }
      return {
        ...(s.sid ? { Sid: s.sid } : {}),
        Effect: s.effect,
        Action: s.actions,
        Resource: s.resources.map(fill),
        ...(s.conditions?.length ? { Condition: condition } : {}),
      };
    }),
  };
}

/**
 * The role's permissions are exactly what the settings say, and `identity.policies` holds all of them: every inline
 * policy (full document) and attachment registered for the role, not only those the identity exposes.
 */
async function expectPolicies(
  identity: WorkloadIdentity,
  sa: ServiceAccountSettings,
  partition: string,
  accountId: string,
): Promise<Registration[]> {
  const policies = await Promise.all(identity.policies.map(registrationOf));
  const registered = policiesOfRole(await promiseOf(identity.role.name));
  expect(registered.map((p) => p.urn).sort()).toEqual(policies.map((p) => p.urn).sort());
  const inline = registered.filter((p) => p.type === INLINE_POLICY);
  const attachments = registered.filter((p) => p.type === POLICY_ATTACHMENT);
  const own = inline.filter((p) => !p.name.includes("/addon-"));
  expect(own.map((p) => JSON.parse(p.inputs.policy))).toEqual(
    sa.policyStatements.length > 0 ? [expectedInlinePolicy(sa, partition, accountId)] : [],
  );
  // Each add-on's published document is an inline policy of its own (addon-policies.test.ts checks what it allows).
  const addonDocuments = sa.addonPolicies.filter((addon) => addonPolicyDocument(addon, sa.addonScope ?? {}));
  expect(inline.length - own.length).toBe(addonDocuments.length);
  expect(attachments.map((a) => a.inputs.policyArn).sort()).toEqual(
    [...new Set([...sa.managedPolicyArns, ...sa.addonPolicies.flatMap(addonManagedPolicyArns)])]
      .map((arn) => arn.replace(/\$\{partition\}/g, partition).replace(/\$\{accountId\}/g, accountId))
      .sort(),
  );
  for (const p of inline) noTokensLeft(JSON.parse(p.inputs.policy));
  return policies;
}

async function expectExampleDeployment(
  identity: WorkloadIdentity,
  sa: ServiceAccountSettings,
  binding: Registration,
  policies: Registration[],
): Promise<void> {
  expect(identity.exampleDeployment !== undefined).toBe(sa.exampleDeployment !== undefined);
  if (!identity.exampleDeployment) return;
  const deployment = await registrationOf(identity.exampleDeployment);
  expect(deployment.dependencies).toEqual(expect.arrayContaining([binding.urn, ...policies.map((p) => p.urn)]));
  const template = deployment.inputs.spec.template;
  const inputs: PodCredentialInputs = await promiseOf(identity.podCredentialInputs);
  expect(inputs.roleArn).toBe(await promiseOf(identity.role.arn));
  expect(template.metadata.annotations[CREDENTIALS_HASH_ANNOTATION]).toBe(credentialsHash(inputs));
  expect(template.spec.serviceAccountName).toBe(sa.name);
  expect(deployment.inputs.metadata.namespace).toBe(sa.namespace);
}

describe("IRSA (generated settings)", () => {
  let identities: Record<string, WorkloadIdentity>;
  beforeAll(async () => {
    // The provider ARN from stack config, wherever the settings read it from: test/stack-config.test.ts covers the sources.
    identities = await declare(
      { oidcProviderArn: PRIMARY_ARN, additionalOidcProviderArns: JSON.stringify([SECOND_ARN]) },
      { ...switchedTo("IRSA"), oidcProviderSource: "STACK_CONFIG" },
    );
  });

  test("one identity per settings entry", () => {
    expect(Object.keys(identities).sort()).toEqual(entries.map(([key]) => key).sort());
  });

  test("role names are unique and at most 64 characters", async () => {
    const names = await Promise.all(Object.values(identities).map((id) => promiseOf(id.role.name)));
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name.length).toBeLessThanOrEqual(64);
  });

  describe.each(entries)("%s", (key, sa) => {
    test("role trusts exactly this service account (+ additional ones) through each provider, aud pinned", async () => {
      const role = await registrationOf(identities[key].role);
      const doc = JSON.parse(role.inputs.assumeRolePolicy) as PolicyDocument;
      expect(doc.Statement.map((s) => s.Principal)).toEqual(PROVIDER_ARNS.map((arn) => ({ Federated: arn })));
      doc.Statement.forEach((statement, i) => {
        const issuer = issuerOf(PROVIDER_ARNS[i]);
        const subOperator =
          sa.allowWildcardSubjects && expectedSubjects(sa).some((s) => /[*?]/.test(s)) ? "StringLike" : "StringEquals";
        expect(statement.Condition?.StringEquals[`${issuer}:aud`]).toBe(sa.audience);
        expect([statement.Condition?.[subOperator][`${issuer}:sub`]].flat()).toEqual(expectedSubjects(sa));
      });
      expect(role.inputs).toMatchObject({ name: fitRoleName(sa.roleName), tags: sa.tags });
      expect(role.inputs.path).toBe(sa.rolePath);
      expect(role.inputs.maxSessionDuration).toBe(sa.maxSessionDuration);
      expect(role.inputs.permissionsBoundary).toBe(
        sa.permissionsBoundaryArn?.replace("${partition}", "aws-cn").replace("${accountId}", "210987654321"),
      );
    });

    test("service account is created (with labels) or adopted, and annotated with the role ARN", async () => {
      const identity = identities[key];
      expect(identity.serviceAccount !== undefined).toBe(sa.createServiceAccount);
      if (identity.serviceAccount) {
        expect((await registrationOf(identity.serviceAccount)).inputs.metadata).toMatchObject({
          name: sa.name,
          namespace: sa.namespace,
          labels: sa.labels,
        });
      }
      const patch = await registrationOf(identity.serviceAccountPatch!);
      expect(patch.inputs.metadata.name).toBe(sa.name);
      expect(patch.inputs.metadata.namespace).toBe(sa.namespace);
      const annotations = patch.inputs.metadata.annotations;
      expect(annotations["eks.amazonaws.com/role-arn"]).toBe(await promiseOf(identity.role.arn));
      expect(annotations["eks.amazonaws.com/sts-regional-endpoints"]).toBe(
        sa.stsRegionalEndpoints ? "true" : undefined,
      );
      expect(annotations["eks.amazonaws.com/token-expiration"]).toBe(sa.tokenExpirationSeconds?.toString());
      if (identity.serviceAccount) expect(patch.dependencies).toContain(await promiseOf(identity.serviceAccount.urn));
    });

    test("policies, credentialDependencies and the example Deployment's dependencies", async () => {
      const identity = identities[key];
      const policies = await expectPolicies(identity, sa, "aws-cn", "210987654321");
      const patch = await registrationOf(identity.serviceAccountPatch!);
      expect(identity.credentialDependencies).toEqual([identity.serviceAccountPatch, ...identity.policies]);
      expect(identity.podIdentityAssociation).toBeUndefined();
      await expectExampleDeployment(identity, sa, patch, policies);
    });
  });
});

describe("POD_IDENTITY (generated settings, identity type switched)", () => {
  const podSettings: StackSettings = switchedTo("POD_IDENTITY", {
    ...generated,
    // Wildcards are IRSA-only; sharing a role with Pod Identity has a test of its own (below).
    serviceAccounts: generated.serviceAccounts.map((sa) => ({ ...sa, additionalServiceAccounts: [] })),
  });
  let identities: Record<string, WorkloadIdentity>;
  beforeAll(async () => {
    identities = await declare({ clusterName: "my-cluster" }, podSettings);
  });

  describe.each(podSettings.serviceAccounts.map((sa) => [`${sa.namespace}/${sa.name}`, sa] as const))(
    "%s",
    (key, sa) => {
      test("role trusts pods.eks.amazonaws.com for this cluster, namespace, account and service account only", async () => {
        const identity = identities[key];
        const role = await registrationOf(identity.role);
        expect(JSON.parse(role.inputs.assumeRolePolicy).Statement).toEqual([
          {
            Effect: "Allow",
            Principal: { Service: "pods.eks.amazonaws.com" },
            Action: ["sts:AssumeRole", "sts:TagSession"],
            Condition: {
              StringEquals: {
                "aws:RequestTag/eks-cluster-arn": `arn:aws:eks:us-east-1:${ACCOUNT_ID}:cluster/my-cluster`,
                "aws:RequestTag/kubernetes-namespace": sa.namespace,
                "aws:RequestTag/kubernetes-service-account": sa.name,
                "aws:SourceAccount": ACCOUNT_ID,
              },
            },
          },
        ]);
      });

      test("the association binds cluster, service account and role", async () => {
        const identity = identities[key];
        const role = await registrationOf(identity.role);
        const association = await registrationOf(identity.podIdentityAssociation!);
        expect(association.inputs).toEqual({
          clusterName: "my-cluster",
          namespace: sa.namespace,
          serviceAccount: sa.name,
          roleArn: await promiseOf(identity.role.arn),
        });
        expect(association.dependencies).toContain(role.urn);
        if (identity.serviceAccount) {
          expect(association.dependencies).toContain(await promiseOf(identity.serviceAccount.urn));
        }
        expect(identity.serviceAccountPatch).toBeUndefined();
      });

      test("policies (tokens from the caller identity), credentialDependencies and the example Deployment", async () => {
        const identity = identities[key];
        const policies = await expectPolicies(identity, sa, "aws", "123456789012");
        expect(identity.credentialDependencies).toEqual([identity.podIdentityAssociation, ...identity.policies]);
        await expectExampleDeployment(identity, sa, await registrationOf(identity.podIdentityAssociation!), policies);
      });
    },
  );
});

test("with Pod Identity, additional service accounts share the role: one association and one trust statement each", async () => {
  const sa = { ...generated.serviceAccounts[0], additionalServiceAccounts: [{ namespace: "jobs", name: "worker" }] };
  const identities = await declare(
    { clusterName: "my-cluster" },
    switchedTo("POD_IDENTITY", { ...generated, serviceAccounts: [sa] }),
  );
  const identity = identities[`${sa.namespace}/${sa.name}`];
  const [shared] = identity.additionalPodIdentityAssociations;
  expect((await registrationOf(shared)).inputs).toMatchObject({
    namespace: "jobs",
    serviceAccount: "worker",
    roleArn: await promiseOf(identity.role.arn),
  });
  const trust = JSON.parse((await registrationOf(identity.role)).inputs.assumeRolePolicy) as PolicyDocument;
  expect(trust.Statement.map((s) => s.Condition?.StringEquals["aws:RequestTag/kubernetes-service-account"])).toEqual([
    sa.name,
    "worker",
  ]);
  expect(identity.credentialDependencies).toEqual(expect.arrayContaining([identity.podIdentityAssociation, shared]));
});

describe("identity type per service account", () => {
  const [example] = generated.serviceAccounts;
  const entry = (name: string, identityType: IdentityType): ServiceAccountSettings => ({
    ...example,
    name,
    roleName: `mixed-${name}`,
    identityType,
    additionalServiceAccounts: [],
  });
  // The stack-wide type is only the default: each entry says how it binds.
  const mixed: StackSettings = {
    ...switchedTo("POD_IDENTITY"),
    oidcProviderSource: "STACK_CONFIG",
    serviceAccounts: [entry("irsa-app", "IRSA"), entry("pod-app", "POD_IDENTITY")],
  };

  test("one stack binds an IRSA entry by annotation and a Pod Identity entry by association", async () => {
    const identities = await declare({ oidcProviderArn: OIDC_PROVIDER_ARN, clusterName: "my-cluster" }, mixed);
    const irsa = identities[`${example.namespace}/irsa-app`];
    const pod = identities[`${example.namespace}/pod-app`];
    expect(irsa.serviceAccountPatch).toBeDefined();
    expect(irsa.podIdentityAssociation).toBeUndefined();
    expect(pod.podIdentityAssociation).toBeDefined();
    expect(pod.serviceAccountPatch).toBeUndefined();
    const irsaTrust = JSON.parse((await registrationOf(irsa.role)).inputs.assumeRolePolicy) as PolicyDocument;
    expect(irsaTrust.Statement.map((s) => s.Principal)).toEqual([{ Federated: OIDC_PROVIDER_ARN }]);
    const podTrust = JSON.parse((await registrationOf(pod.role)).inputs.assumeRolePolicy) as PolicyDocument;
    expect(podTrust.Statement.map((s) => s.Principal)).toEqual([{ Service: "pods.eks.amazonaws.com" }]);
    expect((await registrationOf(pod.podIdentityAssociation!)).inputs.clusterName).toBe("my-cluster");
  });

  test("each identity type's stack config is required only when an entry uses it", async () => {
    // IRSA entries only: no clusterName needed, although the stack-wide default is Pod Identity.
    const irsaOnly = { ...mixed, serviceAccounts: [entry("irsa-app", "IRSA")] };
    await expect(declare({ oidcProviderArn: OIDC_PROVIDER_ARN }, irsaOnly)).resolves.toBeDefined();
    await expect(declare({ oidcProviderArn: OIDC_PROVIDER_ARN }, mixed)).rejects.toThrow(
      'Missing required config "clusterName"',
    );
    // The IRSA entry was declared before the error: let its registrations finish here, not in the next test.
    await settled();
  });
});

test("a service account configured twice is refused", async () => {
  const sa: ServiceAccountSettings = { ...settings.serviceAccounts[0], identityType: "IRSA" };
  await startMocks({ oidcProviderArn: OIDC_PROVIDER_ARN });
  const { declareWorkloadIdentities } = await import("../src/workload-identities");
  expect(() =>
    declareWorkloadIdentities({
      provider: new Provider("eks", { enableServerSideApply: true }),
      stackSettings: {
        ...settings,
        identityType: "IRSA",
        oidcProviderSource: "STACK_CONFIG",
        serviceAccounts: [sa, { ...sa, roleName: `${sa.roleName}-2` }],
      },
    }),
  ).toThrow(`Service account ${sa.namespace}/${sa.name} is configured twice.`);
  // The first one was declared: let its registrations finish here, not in the next test.
  await settled();
});

/**
 * One entry using every option the generated settings may leave out (a Deny statement, conditions, tokens in condition
 * values and in the permissions boundary, a custom audience, wildcard subjects), with the documents written out.
 */
describe("an entry with every option set", () => {
  const orders: ServiceAccountSettings = {
    name: "orders-api",
    namespace: "shop",
    roleName: "orders-api@shop",
    rolePath: "/workloads/",
    permissionsBoundaryArn: "arn:${partition}:iam::${accountId}:policy/workload-boundary",
    maxSessionDuration: 7200,
    tags: { team: "orders" },
    createServiceAccount: true,
    annotations: { team: "orders" },
    labels: { "app.kubernetes.io/part-of": "shop" },
    managedPolicyArns: [
      "arn:${partition}:iam::aws:policy/AWSXRayDaemonWriteAccess",
      "arn:${partition}:iam::${accountId}:policy/orders-read",
      "arn:${partition}:iam::aws:policy/AWSXRayDaemonWriteAccess",
    ],
    addonPolicies: [],
    roleNamePerStack: false,
    createNamespace: false,
    forcePatch: false,
    policyStatements: [
      {
        sid: "ReadOrders",
        effect: "Allow",
        actions: ["s3:GetObject"],
        resources: ["arn:${partition}:s3:::orders-${accountId}/*"],
        conditions: [
          { test: "StringEquals", variable: "aws:ResourceAccount", values: ["${accountId}"] },
          { test: "ArnLike", variable: "aws:SourceArn", values: ["arn:${partition}:sqs:*:${accountId}:orders"] },
          { test: "StringEquals", variable: "s3:ExistingObjectTag/team", values: ["orders"] },
        ],
      },
      {
        effect: "Deny",
        actions: ["s3:DeleteObject", "s3:PutObject"],
        resources: ["arn:${partition}:s3:::orders-${accountId}/*"],
        // ${aws:username} is an IAM policy variable: IAM resolves it, the stack must leave it alone.
        conditions: [{ test: "StringNotEquals", variable: "aws:PrincipalTag/owner", values: ["${aws:username}"] }],
      },
    ],
    audience: "orders.example.com",
    additionalServiceAccounts: [{ namespace: "shop", name: "orders-worker-*" }],
    allowWildcardSubjects: true,
    stsRegionalEndpoints: true,
    tokenExpirationSeconds: 7200,
    exampleDeployment: { image: "registry.example.com/aws-cli:2", replicas: 2 },
  };

  /** The inline policy with the tokens of the given partition and account filled in. */
  const inlinePolicy = (partition: string, accountId: string): PolicyDocument => ({
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "ReadOrders",
        Effect: "Allow",
        Action: ["s3:GetObject"],
        Resource: [`arn:${partition}:s3:::orders-${accountId}/*`],
        Condition: {
          StringEquals: { "aws:ResourceAccount": [accountId], "s3:ExistingObjectTag/team": ["orders"] },
          ArnLike: { "aws:SourceArn": [`arn:${partition}:sqs:*:${accountId}:orders`] },
        },
      },
      {
        Effect: "Deny",
        Action: ["s3:DeleteObject", "s3:PutObject"],
        Resource: [`arn:${partition}:s3:::orders-${accountId}/*`],
        Condition: { StringNotEquals: { "aws:PrincipalTag/owner": ["${aws:username}"] } },
      },
    ],
  });

  /** Every inline policy and attachment registered (this test declares one identity), in a comparable form. */
  const allRegisteredPolicies = () =>
    registrations()
      .filter((r) => r.type === INLINE_POLICY || r.type === POLICY_ATTACHMENT)
      .map((r) =>
        r.type === INLINE_POLICY
          ? { role: r.inputs.role, policy: JSON.parse(r.inputs.policy) }
          : { role: r.inputs.role, policyArn: r.inputs.policyArn },
      )
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

  const expectedPolicies = (partition: string, accountId: string) =>
    [
      { role: "orders-api@shop", policy: inlinePolicy(partition, accountId) },
      { role: "orders-api@shop", policyArn: `arn:${partition}:iam::aws:policy/AWSXRayDaemonWriteAccess` },
      { role: "orders-api@shop", policyArn: `arn:${partition}:iam::${accountId}:policy/orders-read` },
    ].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

  const roleOf = async (identity: WorkloadIdentity) => (await registrationOf(identity.role)).inputs;

  test("IRSA: the role, its trust policy, every policy registered for it and the annotations", async () => {
    const { "shop/orders-api": identity } = await declare(
      { oidcProviderArn: PRIMARY_ARN, additionalOidcProviderArns: JSON.stringify([SECOND_ARN]) },
      { ...settings, identityType: "IRSA", oidcProviderSource: "STACK_CONFIG", serviceAccounts: [orders] },
    );
    await allRegistered(identity);
    const role = await roleOf(identity);
    expect(role).toMatchObject({
      name: "orders-api@shop",
      path: "/workloads/",
      maxSessionDuration: 7200,
      tags: { team: "orders" },
      // Tokens from the primary OIDC provider's ARN: its partition and account.
      permissionsBoundary: "arn:aws-cn:iam::210987654321:policy/workload-boundary",
    });
    const trust = JSON.parse(role.assumeRolePolicy) as PolicyDocument;
    expect(trust.Version).toBe("2012-10-17");
    expect(trust.Statement.map((s) => s.Condition)).toEqual(
      PROVIDER_ARNS.map(issuerOf).map((issuer) => ({
        StringEquals: { [`${issuer}:aud`]: "orders.example.com" },
        StringLike: {
          [`${issuer}:sub`]: ["system:serviceaccount:shop:orders-api", "system:serviceaccount:shop:orders-worker-*"],
        },
      })),
    );
    expect(allRegisteredPolicies()).toEqual(expectedPolicies("aws-cn", "210987654321"));
    const annotations = (await registrationOf(identity.serviceAccountPatch!)).inputs.metadata.annotations;
    // Every annotation the webhook reads (amazon-eks-pod-identity-webhook, README "eks.amazonaws.com/audience"):
    // without the audience one, the token would carry sts.amazonaws.com, which this trust policy refuses.
    expect(annotations).toEqual({
      "eks.amazonaws.com/role-arn": "arn:aws-cn:iam::210987654321:role/workloads/orders-api@shop",
      "eks.amazonaws.com/audience": "orders.example.com",
      "eks.amazonaws.com/sts-regional-endpoints": "true",
      "eks.amazonaws.com/token-expiration": "7200",
    });
    expect((await registrationOf(identity.serviceAccount!)).inputs.metadata).toMatchObject({
      annotations: { team: "orders" },
      labels: { "app.kubernetes.io/part-of": "shop" },
    });
  });

  test("registers these resources, under these names, the example Deployment after the credentials", async () => {
    const { "shop/orders-api": identity } = await declare(
      { oidcProviderArn: PRIMARY_ARN },
      { ...settings, identityType: "IRSA", oidcProviderSource: "STACK_CONFIG", serviceAccounts: [orders] },
    );
    await allRegistered(identity);
    const resources = registrations().filter((r) => !r.type.startsWith("pulumi:providers:"));
    // Names are identities: a renamed resource is replaced, so they are pinned here.
    expect(resources.map((r) => `${r.type} ${r.name}`).sort()).toEqual(
      [
        "eks-irsa:index:WorkloadIdentity shop/orders-api",
        "kubernetes:core/v1:ServiceAccount shop/orders-api",
        "aws:iam/role:Role shop/orders-api",
        "kubernetes:core/v1:ServiceAccountPatch shop/orders-api",
        `${INLINE_POLICY} shop/orders-api`,
        `${POLICY_ATTACHMENT} shop/orders-api/arn:\${partition}:iam::aws:policy/AWSXRayDaemonWriteAccess`,
        `${POLICY_ATTACHMENT} shop/orders-api/arn:\${partition}:iam::\${accountId}:policy/orders-read`,
        "kubernetes:apps/v1:Deployment shop/orders-api",
      ].sort(),
    );
    const deployment = await registrationOf(identity.exampleDeployment!);
    expect(deployment.inputs.metadata).toEqual({
      name: "orders-api-identity-check",
      namespace: "shop",
      labels: { "app.kubernetes.io/name": "identity-check", "app.kubernetes.io/instance": "orders-api" },
    });
    expect(deployment.inputs.spec.replicas).toBe(2);
    expect(deployment.inputs.spec.selector.matchLabels).toEqual(deployment.inputs.metadata.labels);
    expect(deployment.inputs.spec.template.metadata.labels).toEqual(deployment.inputs.metadata.labels);
    expect(deployment.inputs.spec.template.spec).toMatchObject({
      serviceAccountName: "orders-api",
      containers: [
        {
          name: "identity-check",
          image: "registry.example.com/aws-cli:2",
          command: ["/bin/sh", "-c"],
          args: [IDENTITY_CHECK_SCRIPT],
        },
      ],
    });
    const credentials = await Promise.all(identity.credentialDependencies.map(registrationOf));
    expect(credentials.map((r) => r.name).sort()).toEqual(
      resources
        .filter(
          (r) => r.type === INLINE_POLICY || r.type === POLICY_ATTACHMENT || r.type.endsWith("ServiceAccountPatch"),
        )
        .map((r) => r.name)
        .sort(),
    );
    expect(deployment.dependencies).toEqual(expect.arrayContaining(credentials.map((r) => r.urn)));
  });

  test("Pod Identity: the same permissions, with the caller's partition and account", async () => {
    const podOrders = { ...orders, additionalServiceAccounts: [], allowWildcardSubjects: false };
    const { "shop/orders-api": identity } = await declare(
      { clusterName: "my-cluster" },
      { ...settings, identityType: "POD_IDENTITY", serviceAccounts: [podOrders] },
    );
    await allRegistered(identity);
    expect((await roleOf(identity)).permissionsBoundary).toBe("arn:aws:iam::123456789012:policy/workload-boundary");
    expect(allRegisteredPolicies()).toEqual(expectedPolicies("aws", "123456789012"));
  });

  test("no inline policy without statements, no attachment without managed policies", async () => {
    const bare = { ...orders, policyStatements: [], managedPolicyArns: [], permissionsBoundaryArn: undefined };
    const { "shop/orders-api": identity } = await declare(
      { oidcProviderArn: PRIMARY_ARN },
      { ...settings, identityType: "IRSA", oidcProviderSource: "STACK_CONFIG", serviceAccounts: [bare] },
    );
    await allRegistered(identity);
    expect(allRegisteredPolicies()).toEqual([]);
    expect(identity.policies).toEqual([]);
    expect((await roleOf(identity)).permissionsBoundary).toBeUndefined();
  });
});

describe("an adopted service account (createServiceAccount: false)", () => {
  const adopted: ServiceAccountSettings = {
    name: "billing",
    namespace: "finance",
    roleName: "billing@finance",
    tags: {},
    createServiceAccount: false,
    annotations: {},
    labels: {},
    managedPolicyArns: [],
    policyStatements: [],
    addonPolicies: [],
    roleNamePerStack: false,
    createNamespace: false,
    forcePatch: false,
    audience: "sts.amazonaws.com",
    additionalServiceAccounts: [],
    allowWildcardSubjects: false,
    stsRegionalEndpoints: false,
    exampleDeployment: { image: "registry.example.com/aws-cli:2", replicas: 1 },
  };

  test("IRSA: no ServiceAccount is registered; the patch and the example name the existing one", async () => {
    const { "finance/billing": identity } = await declare(
      { oidcProviderArn: PRIMARY_ARN },
      { ...settings, identityType: "IRSA", oidcProviderSource: "STACK_CONFIG", serviceAccounts: [adopted] },
    );
    await allRegistered(identity);
    // Read (to fail clearly when it is missing), never registered as one this stack owns.
    expect(registrations().filter((r) => r.type === "kubernetes:core/v1:ServiceAccount" && !r.readId)).toEqual([]);
    expect(identity.serviceAccount).toBeUndefined();
    const patch = await registrationOf(identity.serviceAccountPatch!);
    expect(patch.inputs.metadata).toEqual({
      name: "billing",
      namespace: "finance",
      annotations: { "eks.amazonaws.com/role-arn": "arn:aws-cn:iam::210987654321:role/billing@finance" },
    });
    const trust = JSON.parse((await registrationOf(identity.role)).inputs.assumeRolePolicy) as PolicyDocument;
    expect(trust.Statement[0].Condition?.StringEquals[`${issuerOf(PRIMARY_ARN)}:sub`]).toBe(
      "system:serviceaccount:finance:billing",
    );
    const deployment = await registrationOf(identity.exampleDeployment!);
    expect(deployment.inputs.spec.template.spec.serviceAccountName).toBe("billing");
  });

  test("Pod Identity: the association names the existing account", async () => {
    const { "finance/billing": identity } = await declare(
      { clusterName: "my-cluster" },
      { ...settings, identityType: "POD_IDENTITY", serviceAccounts: [adopted] },
    );
    await allRegistered(identity);
    expect((await registrationOf(identity.podIdentityAssociation!)).inputs).toMatchObject({
      namespace: "finance",
      serviceAccount: "billing",
    });
  });
});

describe("the building blocks, called directly", () => {
  async function load() {
    await startMocks({});
    return {
      ...(await import("../src/irsa")),
      ...(await import("../src/pod-identity")),
      ...(await import("../src/service-account-like")),
    };
  }
  const provider = () => new Provider("eks", { enableServerSideApply: true });

  test("createIamRoleForServiceAccount trusts one account through one provider, whatever trust is passed; the default audience is not annotated", async () => {
    const { createIamRoleForServiceAccount } = await load();
    const { role, serviceAccountPatch } = createIamRoleForServiceAccount("app", {
      serviceAccount: { name: "app", namespace: "default" },
      oidcProviderArn: OIDC_PROVIDER_ARN,
      audience: "sts.amazonaws.com",
      k8sOpts: { provider: provider() },
      // A JavaScript caller's own trust policy is dropped, not used.
      ...({ assumeRolePolicy: '{"Statement":[]}' } as object),
    });
    await settled();
    const trust = JSON.parse((await registrationOf(role)).inputs.assumeRolePolicy) as PolicyDocument;
    // The webhook's default audience is not annotated: the account carries the role ARN only.
    expect(Object.keys((await registrationOf(serviceAccountPatch)).inputs.metadata.annotations)).toEqual([
      "eks.amazonaws.com/role-arn",
    ]);
    expect(trust.Statement).toEqual([
      {
        Effect: "Allow",
        Principal: { Federated: OIDC_PROVIDER_ARN },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: {
          StringEquals: {
            [`${issuerOf(OIDC_PROVIDER_ARN)}:aud`]: "sts.amazonaws.com",
            [`${issuerOf(OIDC_PROVIDER_ARN)}:sub`]: "system:serviceaccount:default:app",
          },
        },
      },
    ]);
  });

  test("createPodIdentityRole ignores a trust policy passed to it", async () => {
    const { createPodIdentityRole } = await load();
    const { role } = createPodIdentityRole("app", {
      clusterName: "my-cluster",
      clusterArn: "arn:aws:eks:us-east-1:123456789012:cluster/my-cluster",
      accountId: "123456789012",
      serviceAccount: { name: "app", namespace: "default" },
      ...({ assumeRolePolicy: '{"Statement":[]}' } as object),
    });
    await settled();
    const trust = JSON.parse((await registrationOf(role)).inputs.assumeRolePolicy) as PolicyDocument;
    expect(trust.Statement[0].Principal).toEqual({ Service: "pods.eks.amazonaws.com" });
  });

  test("a WorkloadIdentity without the config its identity type needs is refused before it registers anything", async () => {
    await startMocks({});
    const { WorkloadIdentity } = await import("../src/workload-identity");
    const entry = { ...settings.serviceAccounts[0], existingRoleArn: undefined };
    const key = `${entry.namespace}/${entry.name}`;
    const args = { settings: entry, roleName: "app", arnTokens: { partition: "aws", accountId: ACCOUNT_ID } };
    const cases: [IdentityType, string][] = [
      ["IRSA", `${key}: IRSA needs the IRSA config.`],
      ["POD_IDENTITY", `${key}: POD_IDENTITY needs the Pod Identity config.`],
    ];
    for (const [identityType, message] of cases) {
      expect(() => new WorkloadIdentity({ ...args, identityType, provider: provider() })).toThrow(message);
    }
    await settled();
    expect(registrations().filter((r) => r.type.startsWith("aws:"))).toEqual([]);
  });

  test("a ServiceAccount without an explicit namespace is refused, naming it", async () => {
    const { resolveServiceAccount } = await load();
    const sa = new ServiceAccount("no-namespace", { metadata: { name: "app" } }, { provider: provider() });
    await expect(promiseOf(resolveServiceAccount(sa).namespace)).rejects.toThrow(
      /^ServiceAccount urn:pulumi:.*::no-namespace must set metadata.namespace explicitly\.$/,
    );
  });
});
