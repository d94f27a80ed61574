// Tests for your program (src/index.ts): yours to edit.
import * as pulumi from "@pulumi/pulumi";
import { promiseOf, registration, settled, startMocks, TEST_STACK_CONFIG } from "./pulumi-mocks";
import { settings } from "../src/settings";

describe("src/index.ts", () => {
  let program: typeof import("../src/index");
  beforeAll(async () => {
    await startMocks(TEST_STACK_CONFIG);
    // The program creates resources at import time, so it is loaded only after setMocks.
    program = await import("../src/index");
    await settled();
  });

  test("the Kubernetes provider uses server-side apply and a secret kubeconfig", () => {
    const provider = registration("pulumi:providers:kubernetes", "eks");
    // Provider inputs reach the engine JSON-encoded.
    expect(provider.inputs.enableServerSideApply).toBe("true");
    expect(provider.inputs.kubeconfig).toEqual({
      [pulumi.runtime.specialSigKey]: pulumi.runtime.specialSecretSig,
      value: TEST_STACK_CONFIG.kubeconfig,
    });
  });

  test("exports role ARNs and names by <namespace>/<name>", async () => {
    const keys = settings.serviceAccounts.map((sa) => `${sa.namespace}/${sa.name}`);
    expect(program.serviceAccounts).toEqual(keys);
    const roleArns = await promiseOf(pulumi.output(program.roleArns));
    const roleNames = await promiseOf(pulumi.output(program.roleNames));
    expect(Object.keys(roleArns)).toEqual(keys);
    settings.serviceAccounts.forEach((sa, i) => {
      expect(roleNames[keys[i]]).toBe(sa.roleName);
      expect(roleArns[keys[i]]).toBe(`arn:aws:iam::123456789012:role${sa.rolePath ?? "/"}${sa.roleName}`);
    });
  });

  test("exports each account's pod template annotations, for workloads deployed elsewhere", async () => {
    const podAnnotations = await promiseOf(pulumi.output(program.podAnnotations));
    for (const key of program.serviceAccounts) {
      expect(Object.keys(podAnnotations[key])).toEqual(["eks-irsa-template/credentials-hash"]);
    }
  });
});
