/**
 * The published IAM policy of a well-known add-on. Each is the policy the add-on's own project or AWS publishes:
 * an AWS managed policy where one exists, otherwise the add-on's document, narrowed by the entry's scoping options.
 * The generated stack's `src/addon-policy-sources.ts` records where and at which version each was published.
 */
export enum AddonPolicy {
  /** AWS Load Balancer Controller (`kube-system/aws-load-balancer-controller`): its `iam_policy.json`. */
  AWS_LOAD_BALANCER_CONTROLLER = "AWS_LOAD_BALANCER_CONTROLLER",
  /** ExternalDNS on Route 53: its tutorial's policy, limited to `route53HostedZoneArns`. */
  EXTERNAL_DNS = "EXTERNAL_DNS",
  /** cert-manager's Route 53 DNS-01 solver: its documented policy, limited to `route53HostedZoneArns`. */
  CERT_MANAGER = "CERT_MANAGER",
  /** Cluster Autoscaler: its recommended policy, scaling only groups tagged for `addonClusterName`. */
  CLUSTER_AUTOSCALER = "CLUSTER_AUTOSCALER",
  /** Karpenter's controller: its published controller policy for the cluster `addonClusterName`. */
  KARPENTER_CONTROLLER = "KARPENTER_CONTROLLER",
  /** Amazon EBS CSI driver: `AmazonEBSCSIDriverPolicyV2`, plus its KMS statement on `kmsKeyArns` when set. */
  EBS_CSI_DRIVER = "EBS_CSI_DRIVER",
  /** Amazon EFS CSI driver: `AmazonEFSCSIDriverPolicy`. */
  EFS_CSI_DRIVER = "EFS_CSI_DRIVER",
  /** Amazon FSx for Lustre CSI driver: its documented policy. */
  FSX_LUSTRE_CSI_DRIVER = "FSX_LUSTRE_CSI_DRIVER",
  /** Mountpoint for Amazon S3 CSI driver: Mountpoint's least-privilege policy on `s3BucketArns`. */
  MOUNTPOINT_S3_CSI_DRIVER = "MOUNTPOINT_S3_CSI_DRIVER",
  /** Amazon VPC CNI plugin (`kube-system/aws-node`): `AmazonEKS_CNI_Policy` (IPv4 clusters). */
  VPC_CNI = "VPC_CNI",
  /** External Secrets Operator: reading `secretsManagerSecretArns` and/or `ssmParameterArns`. */
  EXTERNAL_SECRETS = "EXTERNAL_SECRETS",
  /** Velero with its AWS plugin: EBS snapshots, and backups in `s3BucketArns`. */
  VELERO = "VELERO",
  /** AWS Node Termination Handler in queue-processor mode, reading `sqsQueueArns`. */
  NODE_TERMINATION_HANDLER = "NODE_TERMINATION_HANDLER",
  /** Amazon CloudWatch Observability: `CloudWatchAgentServerPolicy` and `AWSXrayWriteOnlyAccess`. */
  CLOUDWATCH_OBSERVABILITY = "CLOUDWATCH_OBSERVABILITY",
  /** Prometheus remote-writing to Amazon Managed Service for Prometheus: `AmazonPrometheusRemoteWriteAccess`. */
  AMAZON_MANAGED_PROMETHEUS = "AMAZON_MANAGED_PROMETHEUS",
}
