import { problemsOf } from "./problems-of";
import { PARTITION_NAMES } from "../../src/options/iam/partitions";
import { AWS_PARTITIONS, parseOidcProviderArn } from "../../stack/src/trust-policy";

test("the stack accepts an OIDC provider in every partition synth accepts, and in no other", () => {
  // Synth validates ARNs of settings; the stack validates those of its config at run time: a stack of a partition
  // that synth accepts (aws-eusc, for one) must not fail at `pulumi up`.
  expect([...AWS_PARTITIONS].sort()).toEqual(PARTITION_NAMES);
  for (const partition of PARTITION_NAMES) {
    const arn = `arn:${partition}:iam::123456789012:oidc-provider/oidc.eks.example.com/id/ABC`;
    expect(parseOidcProviderArn(arn).partition).toBe(partition);
  }
});

describe("an ARN written with a literal partition must be in the region's", () => {
  const partitionProblems = (options: Parameters<typeof problemsOf>[0]) =>
    problemsOf(options).filter((problem) => problem.includes(" is in partition "));

  test("each one in another partition is reported where it is written; the token, a wildcard and `*` fit any", () => {
    const problems = partitionProblems({
      region: "cn-north-1",
      serviceAccounts: [
        {
          name: "api",
          namespace: "shop",
          managedPolicyArns: ["arn:aws-cn:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::aws:policy/ReadOnlyAccess"],
          permissionsBoundaryArn: "arn:aws-us-gov:iam::123456789012:policy/boundary",
          policyStatements: [
            {
              actions: ["s3:GetObject"],
              resources: [
                "arn:${partition}:s3:::a/*",
                "arn:aws-cn:s3:::b/*",
                "arn:aws*:s3:::c/*",
                "*",
                "arn:aws:s3:::d/*",
              ],
            },
          ],
        },
      ],
    });
    const fix = "write arn:${partition}:... and the stack fills in the partition it deploys to.";
    expect(problems).toEqual([
      `serviceAccounts[0].managedPolicyArns[1]: "arn:aws:iam::aws:policy/ReadOnlyAccess" is in partition aws, but region cn-north-1 is in aws-cn; ${fix}`,
      `serviceAccounts[0].permissionsBoundaryArn: "arn:aws-us-gov:iam::123456789012:policy/boundary" is in partition aws-us-gov, but region cn-north-1 is in aws-cn; ${fix}`,
      `serviceAccounts[0].policyStatements[0].resources: "arn:aws:s3:::d/*" is in partition aws, but region cn-north-1 is in aws-cn; ${fix}`,
    ]);
  });

  test("a region of no partition is the region's problem alone", () => {
    const options = {
      serviceAccounts: [{ name: "api", namespace: "shop", managedPolicyArns: ["arn:aws-cn:iam::aws:policy/X"] }],
    };
    expect(problemsOf({ ...options, region: "xx-east-1" })).toEqual([
      'region: "xx-east-1" is not an AWS region code; use one such as us-east-1 or eu-central-1.',
    ]);
    expect(partitionProblems({ ...options, region: "us-east-1" })).toHaveLength(1);
  });
});
