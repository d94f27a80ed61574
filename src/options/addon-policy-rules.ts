import { AddonPolicy } from "./addon-policy";
import type { ServiceAccountSettings } from "./stack-settings";

/** The per-entry options that narrow add-on policies to a stack's resources. */
export type AddonScopeOption =
  | "addonClusterName"
  | "route53HostedZoneArns"
  | "s3BucketArns"
  | "kmsKeyArns"
  | "secretsManagerSecretArns"
  | "ssmParameterArns"
  | "sqsQueueArns"
  | "karpenterNodeRoleArns"
  | "karpenterInterruptionQueueArn";

/** What an add-on policy reads and what the stack creates for it. */
export interface AddonPolicyRule {
  /** Scoping options of which at least one must be set. */
  readonly required: AddonScopeOption[];
  readonly optional: AddonScopeOption[];
  /** AWS managed policies attached, by name after `policy/`. */
  readonly managedPolicies: string[];
  /** Whether the add-on's document becomes an inline policy: always, never, or when this option is set. */
  readonly document: boolean | AddonScopeOption;
}

const rule = (
  document: AddonPolicyRule["document"],
  required: AddonScopeOption[] = [],
  optional: AddonScopeOption[] = [],
  managedPolicies: string[] = [],
): AddonPolicyRule => ({ required, optional, managedPolicies, document });

/**
 * The rules of each add-on policy as the project type needs them, for validation and the README. The stack's
 * `addon-policies.ts` holds the policies themselves and applies the same rules at run time; a test keeps them equal.
 */
export const ADDON_POLICY_RULES: Record<AddonPolicy, AddonPolicyRule> = {
  [AddonPolicy.AWS_LOAD_BALANCER_CONTROLLER]: rule(true),
  [AddonPolicy.EXTERNAL_DNS]: rule(true, ["route53HostedZoneArns"]),
  [AddonPolicy.CERT_MANAGER]: rule(true, ["route53HostedZoneArns"]),
  [AddonPolicy.CLUSTER_AUTOSCALER]: rule(true, ["addonClusterName"]),
  [AddonPolicy.KARPENTER_CONTROLLER]: rule(
    true,
    ["addonClusterName"],
    ["karpenterNodeRoleArns", "karpenterInterruptionQueueArn"],
  ),
  [AddonPolicy.EBS_CSI_DRIVER]: rule("kmsKeyArns", [], ["kmsKeyArns"], ["AmazonEBSCSIDriverPolicyV2"]),
  [AddonPolicy.EFS_CSI_DRIVER]: rule(false, [], [], ["service-role/AmazonEFSCSIDriverPolicy"]),
  [AddonPolicy.FSX_LUSTRE_CSI_DRIVER]: rule(true),
  [AddonPolicy.MOUNTPOINT_S3_CSI_DRIVER]: rule(true, ["s3BucketArns"]),
  [AddonPolicy.VPC_CNI]: rule(false, [], [], ["AmazonEKS_CNI_Policy"]),
  [AddonPolicy.EXTERNAL_SECRETS]: rule(true, ["secretsManagerSecretArns", "ssmParameterArns"]),
  [AddonPolicy.VELERO]: rule(true, ["s3BucketArns"]),
  [AddonPolicy.NODE_TERMINATION_HANDLER]: rule(true, ["sqsQueueArns"]),
  [AddonPolicy.CLOUDWATCH_OBSERVABILITY]: rule(
    false,
    [],
    [],
    ["CloudWatchAgentServerPolicy", "AWSXrayWriteOnlyAccess"],
  ),
  [AddonPolicy.AMAZON_MANAGED_PROMETHEUS]: rule(false, [], [], ["AmazonPrometheusRemoteWriteAccess"]),
};

/** Every scoping option of add-on policies, in the order of `ADDON_POLICY_RULES`. */
export const ADDON_SCOPE_OPTION_NAMES: AddonScopeOption[] = [
  ...new Set(Object.values(ADDON_POLICY_RULES).flatMap(({ required, optional }) => [...required, ...optional])),
];

/** The add-ons of an entry that get an inline policy, in the order the stack creates them. */
export function addonDocumentsOf(sa: ServiceAccountSettings): AddonPolicy[] {
  return sa.addonPolicies.filter((addon) => {
    const { document } = ADDON_POLICY_RULES[addon] ?? { document: false };
    return typeof document === "boolean" ? document : (sa.addonScope?.[document]?.length ?? 0) > 0;
  });
}

/** Every managed policy ARN the entry attaches, its own then its add-ons', once each, as the stack attaches them. */
export function managedPolicyArnsOf(sa: ServiceAccountSettings): string[] {
  const addonArns = sa.addonPolicies.flatMap((addon) =>
    (ADDON_POLICY_RULES[addon]?.managedPolicies ?? []).map((name) => `arn:\${partition}:iam::aws:policy/${name}`),
  );
  return [...new Set([...sa.managedPolicyArns, ...addonArns])];
}
