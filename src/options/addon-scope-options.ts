import { AddonPolicy } from "./addon-policy";

/** The per-entry options that narrow add-on policies to a stack's resources. */
export type AddonScopeOption =
  | "addonClusterName"
  | "route53HostedZoneArns"
  | "s3BucketArns"
  | "kmsKeyArns"
  | "secretsManagerSecretArns"
  | "ssmParameterArns"
  | "sqsQueueArns"
  | "karpenterNodeRoleArns";

/**
 * Which scoping options each add-on policy reads, and which it cannot do without (at least one of `required`).
 * The stack's `addon-policies.ts` applies the same rule at run time; a test keeps the two equal.
 */
export const ADDON_SCOPE_OPTIONS: Record<AddonPolicy, { required: AddonScopeOption[]; optional: AddonScopeOption[] }> =
  {
    [AddonPolicy.AWS_LOAD_BALANCER_CONTROLLER]: { required: [], optional: [] },
    [AddonPolicy.EXTERNAL_DNS]: { required: ["route53HostedZoneArns"], optional: [] },
    [AddonPolicy.CERT_MANAGER]: { required: ["route53HostedZoneArns"], optional: [] },
    [AddonPolicy.CLUSTER_AUTOSCALER]: { required: ["addonClusterName"], optional: [] },
    [AddonPolicy.KARPENTER_CONTROLLER]: { required: ["addonClusterName"], optional: ["karpenterNodeRoleArns"] },
    [AddonPolicy.EBS_CSI_DRIVER]: { required: [], optional: ["kmsKeyArns"] },
    [AddonPolicy.EFS_CSI_DRIVER]: { required: [], optional: [] },
    [AddonPolicy.FSX_LUSTRE_CSI_DRIVER]: { required: [], optional: [] },
    [AddonPolicy.MOUNTPOINT_S3_CSI_DRIVER]: { required: ["s3BucketArns"], optional: [] },
    [AddonPolicy.VPC_CNI]: { required: [], optional: [] },
    [AddonPolicy.EXTERNAL_SECRETS]: { required: ["secretsManagerSecretArns", "ssmParameterArns"], optional: [] },
    [AddonPolicy.VELERO]: { required: ["s3BucketArns"], optional: [] },
    [AddonPolicy.NODE_TERMINATION_HANDLER]: { required: ["sqsQueueArns"], optional: [] },
    [AddonPolicy.CLOUDWATCH_OBSERVABILITY]: { required: [], optional: [] },
    [AddonPolicy.AMAZON_MANAGED_PROMETHEUS]: { required: [], optional: [] },
  };

/** Every scoping option of add-on policies, in the order of `ADDON_SCOPE_OPTIONS`. */
export const ADDON_SCOPE_OPTION_NAMES: AddonScopeOption[] = [
  ...new Set(Object.values(ADDON_SCOPE_OPTIONS).flatMap(({ required, optional }) => [...required, ...optional])),
];
