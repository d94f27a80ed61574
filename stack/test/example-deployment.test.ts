/** The example Deployment meets the "restricted" Pod Security Standard and declares requests and limits. */
import { declareIdentities, serviceAccountSettings } from "./declare-identities";
import { registrationOf } from "./pulumi-mocks";
import { EXPECTED_ACCOUNT_VARIABLE, EXPECTED_ROLE_VARIABLE, IDENTITY_CHECK_SCRIPT } from "../src/example-deployment";
import type { WorkloadIdentity } from "../src/workload-identity";

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

test("the AWS CLI caches under HOME on a read-only root: a small emptyDir mounted at /tmp, with fixed requests and limits", async () => {
  const sa = serviceAccountSettings({ exampleDeployment: { image: "public.ecr.aws/aws-cli/aws-cli:2", replicas: 1 } });
  const identities = await declareIdentities({ identityType: "IRSA", serviceAccounts: [sa] });
  const pod = (await registrationOf(identities["shop/api"].exampleDeployment!)).inputs.spec.template.spec;
  const [container] = pod.containers;
  expect(container.securityContext.readOnlyRootFilesystem).toBe(true);
  expect(container.env).toContainEqual({ name: "HOME", value: "/tmp" });
  expect(container.volumeMounts).toEqual([{ name: "tmp", mountPath: "/tmp" }]);
  // A size limit: a pod filling its scratch folder is evicted instead of filling the node's disk.
  expect(pod.volumes).toEqual([{ name: "tmp", emptyDir: { sizeLimit: "16Mi" } }]);
  expect(container.resources).toEqual({
    requests: { cpu: "10m", memory: "64Mi" },
    limits: { cpu: "200m", memory: "128Mi" },
  });
});

describe("the pod checks that it got a session of its role: a pod that missed its credentials fails the rollout", () => {
  const example = { exampleDeployment: { image: "public.ecr.aws/aws-cli/aws-cli:2", replicas: 1 } };
  const expectedRole = async (identity: WorkloadIdentity) => {
    const [container] = (await registrationOf(identity.exampleDeployment!)).inputs.spec.template.spec.containers;
    expect(container.command).toEqual(["/bin/sh", "-c"]);
    expect(container.args).toEqual([IDENTITY_CHECK_SCRIPT]);
    const value = (name: string) => container.env.find((variable: { name: string }) => variable.name === name)?.value;
    return `${value(EXPECTED_ACCOUNT_VARIABLE)}:${value(EXPECTED_ROLE_VARIABLE)}`;
  };

  test("the entry's own role", async () => {
    const identities = await declareIdentities({
      identityType: "IRSA",
      serviceAccounts: [serviceAccountSettings({ ...example, roleName: "orders-api", rolePath: "/workloads/" })],
    });
    // The session ARN names the role without its path.
    expect(await expectedRole(identities["shop/api"])).toBe("123456789012:orders-api");
  });

  test("the target role, whose session a Pod Identity association chained to it gives", async () => {
    const identities = await declareIdentities({
      identityType: "POD_IDENTITY",
      podIdentityAgent: "NONE",
      serviceAccounts: [
        serviceAccountSettings({ ...example, targetRoleArn: "arn:aws:iam::222233334444:role/data/orders-data" }),
      ],
    });
    expect(await expectedRole(identities["shop/api"])).toBe("222233334444:orders-data");
  });
});
