import { AddonPolicy } from "../../src";
import { addonDocumentsOf } from "../../src/options/addon-policy-rules";
import { estimateAddonDocumentLength } from "../../src/options/inline-policies-size";
import { addonPolicyDocument, fillAddonTokens } from "../../stack/src/addon-policies";
import type { AddonScopeSettings } from "../../stack/src/settings-types";

/** Every scoping option set, short and long, so that each add-on yields its whole document. */
const scopes: Record<string, AddonScopeSettings> = {
  short: {
    addonClusterName: "o",
    route53HostedZoneArns: ["arn:${partition}:route53:::hostedzone/Z1"],
    s3BucketArns: ["arn:${partition}:s3:::abc"],
    kmsKeyArns: ["arn:${partition}:kms:eu-west-1:${accountId}:key/1"],
    secretsManagerSecretArns: ["arn:${partition}:secretsmanager:*:${accountId}:secret:a"],
    ssmParameterArns: ["arn:${partition}:ssm:*:${accountId}:parameter/a"],
    sqsQueueArns: ["arn:${partition}:sqs:eu-west-1:${accountId}:q"],
    karpenterInterruptionQueueArn: "arn:${partition}:sqs:eu-west-1:${accountId}:q",
  },
  long: {
    addonClusterName: "c".repeat(100),
    route53HostedZoneArns: ["Z0123456789ABCDEFGHIJ", "Z0123456789ABCDEFGHIK", "Z0123456789ABCDEFGHIL"].map(
      (zone) => `arn:aws:route53:::hostedzone/${zone}`,
    ),
    s3BucketArns: ["a", "b", "c"].map((b) => `arn:aws:s3:::${b.repeat(63)}`),
    kmsKeyArns: [`arn:aws:kms:ap-southeast-2:123456789012:key/${"k".repeat(36)}`],
    secretsManagerSecretArns: [`arn:aws:secretsmanager:*:123456789012:secret:${"s".repeat(200)}`],
    ssmParameterArns: [`arn:aws:ssm:*:123456789012:parameter/${"p".repeat(200)}`],
    sqsQueueArns: [`arn:aws:sqs:eu-west-1:123456789012:${"q".repeat(80)}`],
    karpenterNodeRoleArns: ["a", "b"].map((r) => `arn:aws:iam::123456789012:role/${r.repeat(64)}`),
    karpenterInterruptionQueueArn: `arn:aws:sqs:eu-west-1:123456789012:${"q".repeat(80)}`,
  },
};

const withDocument = Object.values(AddonPolicy).filter(
  (addon) => addonDocumentsOf({ addonPolicies: [addon], addonScope: scopes.short } as never).length > 0,
);

describe.each(Object.entries(scopes))("the synth-time size of an add-on's inline policy, %s scope", (_name, scope) => {
  test.each(withDocument)("%s: at least what the stack sends IAM, and within a quarter of it", (addon) => {
    const document = addonPolicyDocument(addon, scope)!;
    const sent = JSON.stringify(
      fillAddonTokens(document, { partition: "aws", accountId: "123456789012", region: "ap-southeast-2" }),
    ).length;
    const estimate = estimateAddonDocumentLength(addon, scope);
    expect({ addon, atLeastSent: estimate >= sent }).toEqual({ addon, atLeastSent: true });
    expect(estimate).toBeLessThanOrEqual(sent * 1.25 + 200);
  });
});
