/** Checks every entry of the generated settings, so it holds for any settings the tool writes. */
// Submodules, not the whole @pulumi/kubernetes: its index costs a test file 0.1-0.2 s more.
import { Provider } from "@pulumi/kubernetes/provider";
import {
  ACCOUNT_ID,
  OIDC_PROVIDER_ARN,
  promiseOf,
  type Registration,
  registrationOf,
  settled,
  startMocks,
} from "./pulumi-mocks";
import { addonManagedPolicyArns, addonPolicyDocument } from "../src/addon-policies";
import { CREDENTIALS_HASH_ANNOTATION, credentialsHash, type PodCredentialInputs } from "../src/pod-template";
import { settings } from "../src/settings";
import type { IdentityType, ServiceAccountSettings, StackSettings } from "../src/settings-types";
import { type PolicyDocument, serviceAccountSubject } from "../src/trust-policy";
import type { WorkloadIdentity } from "../src/workload-identity";

// A primary provider in another account than the mocks' caller, to prove where ${...} tokens come from. Its partition
// is the stack's (the AWS provider's, which the mocks set to match): a provider of another partition is refused.
const PRIMARY_ARN = "arn:aws-cn:iam::210987654321:oidc-provider/oidc.eks.cn-north-1.amazonaws.com.cn/id/PRIMARY";
const PROVIDER_ARNS = [PRIMARY_ARN, OIDC_PROVIDER_ARN];
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
  await startMocks(config, stackSettings.identityType === "IRSA" ? { partition: "aws-cn" } : {});
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

async function expectPolicies(
  identity: WorkloadIdentity,
  sa: ServiceAccountSettings,
  partition: string,
  accountId: string,
): Promise<Registration[]> {
  const policies = await Promise.all(identity.policies.map(registrationOf));
  const inline = policies.filter((p) => p.type === "aws:iam/rolePolicy:RolePolicy");
  const attachments = policies.filter((p) => p.type === "aws:iam/rolePolicyAttachment:RolePolicyAttachment");
  const own = inline.filter((p) => !p.name.includes("/addon-"));
  expect(own).toHaveLength(sa.policyStatements.length > 0 ? 1 : 0);
  // Each add-on's published document is an inline policy of its own (addon-policies.test.ts checks what it allows).
  const addonDocuments = sa.addonPolicies.filter((addon) => addonPolicyDocument(addon, sa.addonScope ?? {}));
  expect(inline.length - own.length).toBe(addonDocuments.length);
  expect(attachments.map((a) => a.inputs.policyArn).sort()).toEqual(
    [...new Set([...sa.managedPolicyArns, ...sa.addonPolicies.flatMap(addonManagedPolicyArns)])]
      .map((arn) => arn.replace(/\$\{partition\}/g, partition).replace(/\$\{accountId\}/g, accountId))
      .sort(),
  );
  for (const p of own) {
    const doc = JSON.parse(p.inputs.policy) as PolicyDocument;
    expect(doc.Statement.map((s) => s.Action)).toEqual(sa.policyStatements.map((s) => s.actions));
  }
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
      { oidcProviderArn: PRIMARY_ARN, additionalOidcProviderArns: JSON.stringify([OIDC_PROVIDER_ARN]) },
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
      expect(role.inputs).toMatchObject({ name: sa.roleName, tags: sa.tags });
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
  });
});
