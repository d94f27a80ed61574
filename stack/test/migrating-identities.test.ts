/**
 * IRSA_AND_POD_IDENTITY: the role trusts both the OIDC provider and Pod Identity, the account is annotated and
 * associated, so pods keep working whichever credentials they use while they roll from one to the other.
 */
import { accessModel, checkTrust, clusterOf } from "./access";
import { declareIdentities, serviceAccountSettings } from "./declare-identities";
import { promiseOf, registrationOf, TEST_STACK_CONFIG } from "./pulumi-mocks";
import { podIdentitySession, webIdentityToken, type WorkloadAccess } from "../src/access-model";
import { credentialsHash } from "../src/pod-template";
import type { IdentityType } from "../src/settings-types";
import type { WorkloadIdentity } from "../src/workload-identity";

const clusterName = TEST_STACK_CONFIG.clusterName;
const api = { namespace: "shop", name: "api" };
const token = webIdentityToken(clusterOf(), api);
const session = podIdentitySession(clusterOf(), api);

async function declare(identityType: IdentityType): Promise<WorkloadIdentity> {
  const { "shop/api": identity } = await declareIdentities({
    identityType,
    oidcProviderSource: "STACK_CONFIG",
    podIdentityAgent: "NONE",
    serviceAccounts: [serviceAccountSettings()],
  });
  return identity;
}

/** The access model's workload of shop/api on the credential path `kind`, from what was just declared. */
function workload(kind: "IRSA" | "POD_IDENTITY"): WorkloadAccess {
  const found = accessModel().filter((w) => w.key === "shop/api" && w.credentials.kind === kind);
  expect(found).toHaveLength(1);
  return found[0];
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
    // Both credential paths are in the model, on the same role: the annotation's and the association's.
    const irsa = workload("IRSA");
    const pods = workload("POD_IDENTITY");
    expect(irsa.role.arn).toBe(await promiseOf(identity.role.arn));
    expect(pods.role).toEqual(irsa.role);
    expect(checkTrust(irsa).allowed).toBe(true);
    expect(checkTrust(pods).allowed).toBe(true);
    const billing = { namespace: "billing", name: "api" };
    expect(checkTrust(irsa, webIdentityToken(clusterOf(), billing)).allowed).toBe(false);
    expect(checkTrust(irsa, { ...token, audience: "api://other" }).allowed).toBe(false);
    expect(checkTrust(irsa, podIdentitySession(clusterOf(), billing)).allowed).toBe(false);
    expect(checkTrust(pods, podIdentitySession(clusterOf(), billing)).allowed).toBe(false);
    // Each path's credentials get in through their own statement only.
    expect(checkTrust(pods, token).allowed).toBe(true);
    expect(checkTrust(irsa, session).allowed).toBe(true);
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
    expect(
      accessModel()
        .filter((w) => w.key === "shop/api")
        .map((w) => w.credentials.kind),
    ).toEqual(["POD_IDENTITY"]);
    const pods = workload("POD_IDENTITY");
    expect(checkTrust(pods, token).allowed).toBe(false);
    expect(checkTrust(pods, session).allowed).toBe(true);
  });
});
