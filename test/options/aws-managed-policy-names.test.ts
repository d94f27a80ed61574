import { problemsOf } from "./problems-of";

// src/options/rules/managed-policies.ts: an AWS managed policy named without its path is refused; any other name the
// package's snapshot lacks may be a newer policy, and is accepted.

const withPolicy = (arn: string) =>
  problemsOf({ serviceAccounts: [{ name: "api", namespace: "shop", managedPolicyArns: [arn] }] });

test.each([
  "arn:${partition}:iam::aws:policy/AWSXRayDaemonWriteAccess",
  "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
  // A customer managed policy: its name is its owner's.
  "arn:aws:iam::123456789012:policy/AWSLambdaBasicExecutionRole",
  // Newer than any snapshot, or a version next to one it has: accepted (and evaluated as unknown).
  "arn:${partition}:iam::aws:policy/AmazonOrdersQuantumReadOnlyAccess",
  "arn:${partition}:iam::aws:policy/AmazonEKSComputePolicyV2",
])("%s is accepted", (arn) => {
  expect(withPolicy(arn)).toEqual([]);
});

test("a policy the snapshot has on a path, named without it: refused, with the ARN meant", () => {
  expect(withPolicy("arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole")).toEqual([
    expect.stringContaining('did you mean "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"?'),
  ]);
});
