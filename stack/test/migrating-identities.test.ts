/**
 * IRSA_AND_POD_IDENTITY: the role trusts both the OIDC provider and Pod Identity, the account is annotated and
 * associated, so pods keep working whichever credentials they use while they roll from one to the other.
 */
import { declareIdentities, serviceAccountSettings } from "./declare-identities";
import { assumeRoleForPodIdentity, assumeRoleWithWebIdentity } from "./iam-evaluation";
import { ACCOUNT_ID, OIDC_PROVIDER_ARN, promiseOf, registrationOf, TEST_STACK_CONFIG } from "./pulumi-mocks";
import { credentialsHash } from "../src/pod-template";
import type { IdentityType } from "../src/settings-types";
import { serviceAccountSubject } from "../src/trust-policy";
import type { WorkloadIdentity } from "../src/workload-identity";

const clusterName = TEST_STACK_CONFIG.clusterName;
const session = {
  clusterArn: `arn:aws:eks:us-east-1:${ACCOUNT_ID}:cluster/${clusterName}`,
  clusterName,
  namespace: "shop",
  serviceAccount: "api",
  sourceAccount: ACCOUNT_ID,
};
const token = {
  oidcProviderArn: OIDC_PROVIDER_ARN,
  aud: "sts.amazonaws.com",
  sub: serviceAccountSubject({ namespace: "shop", name: "api" }),
};

async function declare(identityType: IdentityType): Promise<WorkloadIdentity> {
  const { "shop/api": identity } = await declareIdentities({
    identityType,
    oidcProviderSource: "STACK_CONFIG",
    podIdentityAgent: "NONE",
    serviceAccounts: [serviceAccountSettings()],
  });
  return identity;
}

async function trustOf(identity: WorkloadIdentity) {
  const role = await registrationOf(identity.role);
  return { policy: JSON.parse(role.inputs.assumeRolePolicy), arn: await promiseOf(identity.role.arn) };
}

describe("IRSA_AND_POD_IDENTITY", () => {
  let identity: WorkloadIdentity;
  beforeAll(async () => {
    identity = await declare("IRSA_AND_POD_IDENTITY");
  });

  test("the account is both annotated and associated, and pods wait for both", async () => {
    const patch = await registrationOf(identity.serviceAccountPatch!);
    const association = await registrationOf(identity.podIdentityAssociation!);
    const roleArn = await promiseOf(identity.role.arn);
    expect(patch.inputs.metadata.annotations["eks.amazonaws.com/role-arn"]).toBe(roleArn);
    expect(association.inputs).toMatchObject({ clusterName, namespace: "shop", serviceAccount: "api", roleArn });
    expect(identity.credentialDependencies).toEqual(
      expect.arrayContaining([identity.serviceAccountPatch, identity.podIdentityAssociation]),
    );
  });

  test("the role lets in the pod's web identity token and its Pod Identity session, and no other", async () => {
    const { policy, arn } = await trustOf(identity);
    expect(await assumeRoleWithWebIdentity(policy, arn, token)).toBe("Allowed");
    expect(await assumeRoleForPodIdentity(policy, arn, session)).toBe("Allowed");
    const otherSub = serviceAccountSubject({ namespace: "billing", name: "api" });
    expect(await assumeRoleWithWebIdentity(policy, arn, { ...token, sub: otherSub })).toBe("ImplicitlyDenied");
    expect(await assumeRoleWithWebIdentity(policy, arn, { ...token, aud: "api://other" })).toBe("ImplicitlyDenied");
    expect(await assumeRoleForPodIdentity(policy, arn, { ...session, namespace: "billing" })).toBe("ImplicitlyDenied");
  });

  test("each step of the migration rolls the pods: IRSA, then both, then Pod Identity", async () => {
    const hashes: string[] = [];
    for (const step of ["IRSA", "IRSA_AND_POD_IDENTITY", "POD_IDENTITY"] as const) {
      hashes.push(credentialsHash(await promiseOf((await declare(step)).podCredentialInputs)));
    }
    expect(new Set(hashes).size).toBe(3);
  });

  test("dropping the IRSA half (POD_IDENTITY) removes the annotation and the OIDC trust", async () => {
    const after = await declare("POD_IDENTITY");
    expect(after.serviceAccountPatch).toBeUndefined();
    const { policy, arn } = await trustOf(after);
    expect(await assumeRoleWithWebIdentity(policy, arn, token)).toBe("ImplicitlyDenied");
    expect(await assumeRoleForPodIdentity(policy, arn, session)).toBe("Allowed");
  });
});
