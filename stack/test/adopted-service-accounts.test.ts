/**
 * Service accounts that a Helm chart or GitOps owns (createServiceAccount: false), and namespaces the stack
 * creates: the order of operations, the refusal to create a missing account, the opt-in to take the annotation
 * over, and what `destroy` does.
 */
// Submodules, not the whole @pulumi/kubernetes: its index costs a test file 0.1-0.2 s more.
import * as corev1 from "@pulumi/kubernetes/core/v1";
import { declareIdentities, serviceAccountSettings } from "./declare-identities";
import { findRegistrations, promiseOf, registrationOf } from "./pulumi-mocks";
import { PATCH_FORCE_ANNOTATION } from "../src/workload-identity";

const adopted = serviceAccountSettings({ name: "worker", namespace: "batch", createServiceAccount: false });
const IRSA = { identityType: "IRSA", oidcProviderSource: "STACK_CONFIG" } as const;

describe("an adopted service account (IRSA)", () => {
  // A read that finds nothing fails the deployment, in preview too, naming the account (pulumi
  // pkg/resource/deploy/step.go ReadStep: "resource 'batch/worker' does not exist"); the patch, which would
  // create a missing account, waits for the read.
  test("is read by its name after what creates it, and the patch waits for both", async () => {
    let chart: corev1.ConfigMap | undefined;
    const identities = await declareIdentities(
      { ...IRSA, serviceAccounts: [adopted] },
      {
        dependsOn: {
          get "batch/worker"() {
            // Stands for the chart that creates the account; created under the same mocks.
            chart ??= new corev1.ConfigMap("chart", { metadata: { namespace: "batch" } });
            return [chart];
          },
        },
      },
    );
    const identity = identities["batch/worker"];
    const read = await registrationOf(identity.existingServiceAccount!);
    const chartUrn = await promiseOf(chart!.urn);
    expect(read.readId).toBe("batch/worker");
    expect(read.dependencies).toContain(chartUrn);
    const patch = await registrationOf(identity.serviceAccountPatch!);
    expect(patch.dependencies).toEqual(expect.arrayContaining([chartUrn, read.urn]));
    expect(identity.serviceAccount).toBeUndefined();
  });

  test("keeps the annotation of another field manager unless forcePatch says to take it over", async () => {
    for (const forcePatch of [false, true]) {
      const identities = await declareIdentities({ ...IRSA, serviceAccounts: [{ ...adopted, forcePatch }] });
      const patch = await registrationOf(identities["batch/worker"].serviceAccountPatch!);
      expect(patch.inputs.metadata.annotations[PATCH_FORCE_ANNOTATION]).toBe(forcePatch ? "true" : undefined);
    }
  });

  test("keeps its annotation on destroy: deleting a patch re-applies it, recreating an account that is gone", async () => {
    const identities = await declareIdentities({ ...IRSA, serviceAccounts: [adopted] });
    const patch = await registrationOf(identities["batch/worker"].serviceAccountPatch!);
    expect(patch.retainOnDelete).toBe(true);
  });

  test("dependsOn must name declared accounts", async () => {
    await expect(
      declareIdentities({ ...IRSA, serviceAccounts: [adopted] }, { dependsOn: { "batch/typo": [] } }),
    ).rejects.toThrow(
      'dependsOn names batch/typo, which the settings do not declare; use "<namespace>/<name>" of one of: batch/worker.',
    );
  });

  test("Pod Identity: the association does not wait for what creates the account, whose pods need it first", async () => {
    let chart: corev1.ConfigMap | undefined;
    const identities = await declareIdentities(
      { identityType: "POD_IDENTITY", podIdentityAgent: "NONE", serviceAccounts: [adopted] },
      {
        dependsOn: {
          get "batch/worker"() {
            chart ??= new corev1.ConfigMap("chart", { metadata: { namespace: "batch" } });
            return [chart];
          },
        },
      },
    );
    const association = await registrationOf(identities["batch/worker"].podIdentityAssociation!);
    expect(association.dependencies).not.toContain(await promiseOf(chart!.urn));
    // It still waits for its role (an input), and binds the adopted account by name.
    expect(association.dependencies).toContain(await promiseOf(identities["batch/worker"].role.urn));
    expect(association.inputs).toMatchObject({ namespace: "batch", serviceAccount: "worker" });
  });
});

describe("a created service account", () => {
  test("its patch goes with it on destroy, without re-applying anything", async () => {
    const identities = await declareIdentities({ ...IRSA, serviceAccounts: [serviceAccountSettings()] });
    const identity = identities["shop/api"];
    const patch = await registrationOf(identity.serviceAccountPatch!);
    expect(patch.deletedWith).toBe(await promiseOf(identity.serviceAccount!.urn));
    expect(patch.retainOnDelete).toBe(false);
  });
});

describe("createNamespace", () => {
  test("creates each namespace once, before everything in it", async () => {
    const identities = await declareIdentities({
      ...IRSA,
      serviceAccounts: [
        serviceAccountSettings({ name: "api", createNamespace: true }),
        serviceAccountSettings({ name: "web", createNamespace: true, exampleDeployment: { image: "x", replicas: 1 } }),
      ],
    });
    const namespaces = findRegistrations({ type: "kubernetes:core/v1:Namespace" });
    expect(namespaces.map((n) => n.inputs.metadata.name)).toEqual(["shop"]);
    for (const identity of Object.values(identities)) {
      expect(identity.namespace).toBeDefined();
      expect((await registrationOf(identity.serviceAccount!)).dependencies).toContain(namespaces[0].urn);
    }
    expect((await registrationOf(identities["shop/web"].exampleDeployment!)).dependencies).toContain(namespaces[0].urn);
  });

  test("without it, no namespace is created", async () => {
    await declareIdentities({ ...IRSA, serviceAccounts: [serviceAccountSettings()] });
    expect(findRegistrations({ type: "kubernetes:core/v1:Namespace" })).toEqual([]);
  });
});
