// Tests for your program (src/index.ts): yours to edit.
import * as pulumi from "@pulumi/pulumi";
import { access } from "./access";
import {
  ACCOUNT_ID,
  promiseOf,
  registration,
  registrations,
  settled,
  startMocks,
  TEST_STACK_CONFIG,
} from "./pulumi-mocks";
import { fitRoleName } from "../src/role-name";
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

  test("every Kubernetes resource goes through that provider", () => {
    const provider = registration("pulumi:providers:kubernetes", "eks");
    const kubernetes = registrations().filter((r) => r.type.startsWith("kubernetes:"));
    expect(kubernetes.length).toBeGreaterThan(0);
    // A provider reference is "<provider URN>::<provider ID>" (pulumi/pulumi sdk/nodejs/runtime/resource.ts).
    for (const r of kubernetes) expect(r.provider.split("::").slice(0, -1).join("::")).toBe(provider.urn);
  });

  test("exports role ARNs and names by <namespace>/<name>", async () => {
    const keys = settings.serviceAccounts.map((sa) => `${sa.namespace}/${sa.name}`);
    expect(program.serviceAccounts).toEqual(keys);
    const roleArns = await promiseOf(pulumi.output(program.roleArns));
    const roleNames = await promiseOf(pulumi.output(program.roleNames));
    expect(Object.keys(roleArns)).toEqual(keys);
    settings.serviceAccounts.forEach((sa, i) => {
      // Derived names past IAM's 64 characters are shortened by the program, with a hash (src/role-name.ts).
      const roleName = fitRoleName(sa.roleName);
      expect(roleNames[keys[i]]).toBe(roleName);
      expect(roleArns[keys[i]]).toBe(`arn:aws:iam::123456789012:role${sa.rolePath ?? "/"}${roleName}`);
    });
  });

  test("exports each account's pod template annotations, for workloads deployed elsewhere", async () => {
    const podAnnotations = await promiseOf(pulumi.output(program.podAnnotations));
    for (const key of program.serviceAccounts) {
      expect(Object.keys(podAnnotations[key])).toEqual(["eks-irsa-template/credentials-hash"]);
    }
  });

  // Pin the least-privilege intent of each workload: what its pods may and may not do in AWS, as a real IAM engine
  // evaluates its role's trust and permission policies (`npx projen can-i` answers the same on the command line).
  // This one is about the scaffold's example account; write yours alike, e.g.
  //   expect(await access("shop/orders-api").can("s3:GetObject", "arn:aws:s3:::orders/x")).toBe(true);
  const example = settings.serviceAccounts.find((sa) => sa.policyStatements.some((s) => s.sid === "ReadOwnParameters"));
  (example ? test : test.skip)("the example account reads its own parameters, and writes nothing", async () => {
    const { namespace, name } = example!;
    const parameter = (path: string) => `arn:aws:ssm:us-east-1:${ACCOUNT_ID}:parameter/${path}`;
    const app = access(`${namespace}/${name}`);
    expect(await app.can("ssm:GetParameter", parameter(`${namespace}/${name}/db-url`))).toBe(true);
    expect(await app.can("ssm:PutParameter", parameter(`${namespace}/${name}/db-url`))).toBe(false);
    expect(await app.can("ssm:GetParameter", parameter(`${namespace}-other/${name}/db-url`))).toBe(false);
    expect(await app.can("xray:PutTraceSegments")).toBe(true); // AWSXRayDaemonWriteAccess
  });
});
