/** Pods roll whenever anything they read about their credentials at creation changes. */
import { declareIdentities, serviceAccountSettings } from "./declare-identities";
import { promiseOf, registrationOf } from "./pulumi-mocks";
import {
  CREDENTIALS_HASH_ANNOTATION,
  credentialsHash,
  type PodCredentialInputs,
  podTemplateAnnotations,
} from "../src/pod-template";
import type { ServiceAccountSettings, StackSettings } from "../src/settings-types";

const IRSA: PodCredentialInputs = {
  identityType: "IRSA",
  roleArn: "arn:aws:iam::123456789012:role/a",
  audience: "sts.amazonaws.com",
  stsRegionalEndpoints: false,
  tokenExpirationSeconds: undefined,
};

describe("credentialsHash", () => {
  test.each<[string, Partial<PodCredentialInputs>]>([
    ["the role ARN", { roleArn: "arn:aws:iam::123456789012:role/b" }],
    ["the identity type", { identityType: "POD_IDENTITY" }],
    ["the audience", { audience: "api://orders" }],
    ["the regional STS endpoints annotation", { stsRegionalEndpoints: true }],
    ["the token expiration annotation", { tokenExpirationSeconds: 3600 }],
    ["the association", { associationArn: "arn:aws:eks:us-east-1:123456789012:podidentityassociation/c/a-1" }],
    ["the target role", { targetRoleArn: "arn:aws:iam::444455556666:role/orders" }],
    ["the session tags' switch", { disableSessionTags: true }],
  ])("changes with %s", (_, change) => {
    expect(credentialsHash({ ...IRSA, ...change })).not.toBe(credentialsHash(IRSA));
  });

  test("is stable: the same inputs in another order give the same hash", () => {
    const reordered = Object.fromEntries(Object.entries(IRSA).reverse()) as unknown as PodCredentialInputs;
    expect(credentialsHash(reordered)).toBe(credentialsHash(IRSA));
  });

  test("an input left undefined counts as one not given: settings that omit it roll no pods", () => {
    const { tokenExpirationSeconds: _, ...omitted } = IRSA;
    expect(credentialsHash(omitted)).toBe(credentialsHash(IRSA));
  });

  test("is 16 hexadecimal digits, short enough to read in kubectl's output", () => {
    expect(credentialsHash(IRSA)).toMatch(/^[0-9a-f]{16}$/);
  });
});

/** The hash on the example Deployment's pod template of one account declared with these settings. */
async function templateHash(sa: ServiceAccountSettings, stack: Partial<StackSettings> = {}): Promise<string> {
  const identities = await declareIdentities(
    { identityType: "IRSA", podIdentityAgent: "NONE", ...stack, serviceAccounts: [sa] },
    { config: { oidcProviderArn: "arn:aws:iam::123456789012:oidc-provider/oidc.example.com/id/A", clusterName: "c" } },
  );
  const identity = identities[`${sa.namespace}/${sa.name}`];
  const deployment = await registrationOf(identity.exampleDeployment!);
  const annotations = deployment.inputs.spec.template.metadata.annotations;
  // The example uses the helper that users' workloads use.
  expect(annotations).toEqual(await promiseOf(podTemplateAnnotations(identity)));
  return annotations[CREDENTIALS_HASH_ANNOTATION];
}

describe("the example Deployment's pod template (as podTemplateAnnotations gives it)", () => {
  const example = serviceAccountSettings({ exampleDeployment: { image: "aws-cli", replicas: 1 } });
  let baseline: string;
  beforeAll(async () => {
    baseline = await templateHash(example);
  });

  test.each<[string, Partial<ServiceAccountSettings>]>([
    ["the role (its name)", { roleName: "another-role", roleNamePerStack: false }],
    ["the audience", { audience: "api://orders" }],
    ["the regional STS endpoints annotation", { stsRegionalEndpoints: true }],
    ["the token expiration annotation", { tokenExpirationSeconds: 7200 }],
  ])("changes with %s", async (_, change) => {
    expect(await templateHash({ ...example, ...change })).not.toBe(baseline);
  });

  test("changes with the identity type", async () => {
    expect(await templateHash(example, { identityType: "POD_IDENTITY" })).not.toBe(baseline);
  });

  test.each<[string, Partial<ServiceAccountSettings>]>([
    ["the target role", { targetRoleArn: "arn:aws:iam::444455556666:role/orders" }],
    ["the session tags' switch", { disableSessionTags: true }],
  ])("Pod Identity: changes with %s", async (_, change) => {
    const podIdentity = { identityType: "POD_IDENTITY" } as const;
    expect(await templateHash({ ...example, ...change }, podIdentity)).not.toBe(
      await templateHash(example, podIdentity),
    );
  });

  test("stays the same when nothing the pods read changes", async () => {
    expect(await templateHash({ ...example, tags: { team: "data" } })).toBe(baseline);
  });
});
