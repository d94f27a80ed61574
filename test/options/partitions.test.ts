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
