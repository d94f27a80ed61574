import { problemsOf } from "./problems-of";

// src/options/rules/managed-policies.ts: a misspelled AWS managed policy is refused, a newer one is not.

const withPolicy = (arn: string) =>
  problemsOf({ serviceAccounts: [{ name: "api", namespace: "shop", managedPolicyArns: [arn] }] });

test.each([
  "arn:${partition}:iam::aws:policy/AWSXRayDaemonWriteAccess",
  "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
  // A customer managed policy: its name is its owner's.
  "arn:aws:iam::123456789012:policy/AmazonS3ReadOnlyAcess",
])("%s is accepted", (arn) => {
  expect(withPolicy(arn)).toEqual([]);
});

test("an AWS managed policy newer than the snapshot, near no policy it has, is accepted (and evaluated as unknown)", () => {
  expect(withPolicy("arn:${partition}:iam::aws:policy/AmazonOrdersQuantumReadOnlyAccess")).toEqual([]);
});

test("a name one letter off, in another case, is taken for the policy it misspells", () => {
  expect(withPolicy("arn:aws:iam::aws:policy/amazons3readonlyacces")).toEqual([
    expect.stringContaining('did you mean "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"?'),
  ]);
});
