/** The example Deployment meets the "restricted" Pod Security Standard and declares requests and limits. */
import { declareIdentities, serviceAccountSettings } from "./declare-identities";
import { registrationOf } from "./pulumi-mocks";

test("runs as non-root, without privilege escalation or capabilities, with seccomp RuntimeDefault, within limits", async () => {
  const sa = serviceAccountSettings({ exampleDeployment: { image: "public.ecr.aws/aws-cli/aws-cli:2", replicas: 1 } });
  const identities = await declareIdentities({ identityType: "IRSA", serviceAccounts: [sa] });
  const pod = (await registrationOf(identities["shop/api"].exampleDeployment!)).inputs.spec.template.spec;
  // https://kubernetes.io/docs/concepts/security/pod-security-standards/ ("Restricted").
  expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } });
  expect(pod.securityContext.runAsUser).toBeGreaterThan(0);
  expect(pod.securityContext.fsGroup).toBeGreaterThan(0);
  expect(pod.hostNetwork ?? false).toBe(false);
  for (const container of pod.containers) {
    expect(container.securityContext).toMatchObject({
      allowPrivilegeEscalation: false,
      capabilities: { drop: ["ALL"] },
      runAsNonRoot: true,
    });
    expect(container.securityContext.privileged ?? false).toBe(false);
    expect(container.resources.requests).toEqual({ cpu: expect.any(String), memory: expect.any(String) });
    expect(container.resources.limits).toEqual({ cpu: expect.any(String), memory: expect.any(String) });
  }
  // Volumes of the kinds the restricted profile allows.
  for (const volume of pod.volumes ?? []) {
    expect(Object.keys(volume).filter((key) => key !== "name")).toEqual(["emptyDir"]);
  }
});
