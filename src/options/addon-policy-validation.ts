import { AddonPolicy } from "./addon-policy";
import { ADDON_SCOPE_OPTION_NAMES, ADDON_POLICY_RULES, type AddonScopeOption } from "./addon-policy-rules";
import type { ServiceAccountSettings } from "./stack-settings";

const PARTITION = "(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b|\\$\\{partition\\})";
const REGION = "([a-z]{2}(-[a-z]+)+-\\d+|\\*)";
const ACCOUNT = "(\\d{12}|\\$\\{accountId\\})";
const arn = (rest: string): RegExp => new RegExp(`^arn:${PARTITION}:${rest}$`);
// EKS CreateCluster's rule for a cluster name.
const CLUSTER_NAME = /^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$/;

/** What each scoping option holds, the form its values take, and an example for the error message. */
const SCOPE_OPTION_RULES: Record<Exclude<AddonScopeOption, "addonClusterName">, RuleOfArns> = {
  route53HostedZoneArns: {
    what: "the hosted zones whose records it may change",
    form: arn("route53:::hostedzone/[A-Z0-9*]+"),
    expected: "a Route 53 hosted zone ARN, arn:<partition>:route53:::hostedzone/<zone id>",
    example: "arn:${partition}:route53:::hostedzone/Z0123456789ABCDEFGHIJ",
  },
  s3BucketArns: {
    what: "the buckets it may use",
    form: arn("s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]"),
    expected: "an S3 bucket ARN, arn:<partition>:s3:::<bucket> (objects are granted as <bucket ARN>/*)",
    example: "arn:${partition}:s3:::orders-backups",
  },
  kmsKeyArns: {
    what: "the keys of the encrypted volumes",
    form: arn(`kms:${REGION}:${ACCOUNT}:key/[A-Za-z0-9*-]+`),
    expected: "a KMS key ARN, arn:<partition>:kms:<region>:<account>:key/<key id>",
    example: "arn:${partition}:kms:eu-west-1:${accountId}:key/1234abcd-12ab-34cd-56ef-1234567890ab",
  },
  secretsManagerSecretArns: {
    what: "the secrets it may read",
    form: arn(`secretsmanager:${REGION}:${ACCOUNT}:secret:[\\w/+=.@*?-]+`),
    expected: "a Secrets Manager secret ARN, arn:<partition>:secretsmanager:<region>:<account>:secret:<name>",
    example: "arn:${partition}:secretsmanager:*:${accountId}:secret:shop/*",
  },
  ssmParameterArns: {
    what: "the parameters it may read",
    form: arn(`ssm:${REGION}:${ACCOUNT}:parameter/[\\w/.*?-]+`),
    expected: "an SSM parameter ARN, arn:<partition>:ssm:<region>:<account>:parameter/<path>",
    example: "arn:${partition}:ssm:*:${accountId}:parameter/shop/*",
  },
  sqsQueueArns: {
    what: "the queues its queue processor reads",
    form: arn(`sqs:${REGION}:${ACCOUNT}:[\\w*-]+(\\.fifo)?`),
    expected: "an SQS queue ARN, arn:<partition>:sqs:<region>:<account>:<queue>",
    example: "arn:${partition}:sqs:eu-west-1:${accountId}:node-termination-handler",
  },
  karpenterInterruptionQueueArn: {
    what: "its interruption queue",
    form: arn(`sqs:[a-z]{2}(-[a-z]+)+-\\d+:${ACCOUNT}:[\\w-]+`),
    expected: "an SQS queue ARN, arn:<partition>:sqs:<region>:<account>:<queue> (one queue: no wildcard)",
    example: "arn:${partition}:sqs:eu-west-1:${accountId}:karpenter-orders",
  },
  karpenterNodeRoleArns: {
    what: "the node roles it may pass",
    form: arn(`iam::${ACCOUNT}:role/[\\w+=,.@/-]+`),
    expected: "an IAM role ARN, arn:<partition>:iam::<account>:role/<name>",
    example: "arn:${partition}:iam::${accountId}:role/KarpenterNodeRole-orders",
  },
};

interface RuleOfArns {
  readonly what: string;
  readonly form: RegExp;
  readonly expected: string;
  readonly example: string;
}

const VALID_POLICIES = new Set<string>(Object.values(AddonPolicy));

/**
 * The problems of one entry's `addonPolicies` and scoping options: unknown policies, a policy without the scope it
 * needs, malformed ARNs, and scoping options no listed policy reads.
 */
export function validateAddonPolicies(sa: ServiceAccountSettings, path: (field: string) => string): string[] {
  const problems: string[] = [];
  const scope = sa.addonScope ?? {};
  const isSet = (option: AddonScopeOption): boolean => (scope[option]?.length ?? 0) > 0;

  sa.addonPolicies.forEach((policy, i) => {
    if (!VALID_POLICIES.has(policy)) {
      problems.push(
        `${path("addonPolicies")}[${i}]: ${quote(policy)} is not an add-on policy; use one of ${[...VALID_POLICIES].join(", ")}.`,
      );
      return;
    }
    const { required } = ADDON_POLICY_RULES[policy];
    if (required.length > 0 && !required.some(isSet)) {
      problems.push(missingScope(policy, required, path));
    }
  });

  const listed = sa.addonPolicies.filter((policy) => VALID_POLICIES.has(policy));
  for (const option of ADDON_SCOPE_OPTION_NAMES) {
    const value = scope[option];
    if (value === undefined) continue;
    const readers = (Object.keys(ADDON_POLICY_RULES) as AddonPolicy[]).filter((policy) => {
      const { required, optional } = ADDON_POLICY_RULES[policy];
      return required.includes(option) || optional.includes(option);
    });
    if (!readers.some((policy) => listed.includes(policy))) {
      problems.push(
        `${path(option)}: no policy in addonPolicies reads it (${readers.join(" and ")} ${readers.length > 1 ? "do" : "does"}); add the add-on to addonPolicies, or remove ${option}.`,
      );
    }
    if (option === "addonClusterName") {
      if (typeof value !== "string" || !CLUSTER_NAME.test(value)) {
        problems.push(
          `${path(option)}: ${quote(String(value))} is not an EKS cluster name; use 1 to 100 letters, digits, '-' or '_', starting with a letter or digit.`,
        );
      }
      continue;
    }
    const rule = SCOPE_OPTION_RULES[option];
    // A list option names its bad item by index; a single ARN (karpenterInterruptionQueueArn) by the option.
    const items =
      typeof value === "string"
        ? [{ item: value, at: path(option) }]
        : value.map((item, i) => ({ item, at: `${path(option)}[${i}]` }));
    for (const { item, at } of items) {
      if (typeof item !== "string" || !rule.form.test(item)) {
        problems.push(`${at}: ${quote(String(item))} is not ${rule.expected}; for example ${quote(rule.example)}.`);
      }
    }
  }
  return problems;
}

function missingScope(policy: AddonPolicy, required: AddonScopeOption[], path: (field: string) => string): string {
  const [first] = required;
  if (first === "addonClusterName") {
    return `${path(first)}: ${policy} in addonPolicies is scoped to one cluster, and addonClusterName is not set; set it to the name of the EKS cluster the add-on manages.`;
  }
  const options = required.join(" or ");
  const { what, example } = SCOPE_OPTION_RULES[first as Exclude<AddonScopeOption, "addonClusterName">];
  return `${path(first)}: ${policy} in addonPolicies is granted only on ${what}, and ${options} ${required.length > 1 ? "are" : "is"} not set; list their ARNs, such as ${quote(example)}.`;
}

function quote(value: string): string {
  return JSON.stringify(value);
}
