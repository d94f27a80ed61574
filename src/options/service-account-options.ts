import type { AddonPolicy } from "./addon-policy";
import type { IdentityType } from "./identity-type";
import type { PolicyStatementOptions } from "./policy-statement";

/**
 * A Kubernetes service account, by namespace and name.
 */
export interface ServiceAccountReference {
  /**
   * The service account's name. `*` and `?` are wildcards, allowed only with `allowWildcardSubjects`.
   */
  readonly name: string;

  /**
   * The service account's namespace.
   */
  readonly namespace: string;
}

/**
 * One workload identity: a Kubernetes service account and the IAM role its pods assume.
 */
export interface ServiceAccountOptions {
  /**
   * The service account's name (a DNS-1123 subdomain).
   */
  readonly name: string;

  /**
   * The service account's namespace (a DNS-1123 label).
   * @default "default"
   */
  readonly namespace?: string;

  /**
   * How this service account's pods get the role: IRSA (annotation, OIDC trust) or EKS Pod Identity
   * (association, `pods.eks.amazonaws.com` trust). One stack can mix them.
   * @default - the project's `identityType`
   */
  readonly identityType?: IdentityType;

  /**
   * The IAM role's name (at most 64 characters of `A-Za-z0-9+=,.@_-`), the same in every stack.
   * @default - `<roleNamePrefix><name>@<namespace>` in the first stack (`stackName`) and
   * `<roleNamePrefix><name>@<namespace>@<stack>` in every other, shortened with a stable hash past 64 characters
   */
  readonly roleName?: string;

  /**
   * Create the role and its policies only, with no annotation and no association: for a service account that a
   * Helm chart or GitOps owns and binds itself (eksctl's `--role-only`). The role's ARN is the stack output
   * `roleArns["<namespace>/<name>"]`, for the chart's values. The stack neither creates nor reads the account.
   * @default false
   */
  readonly roleOnly?: boolean;

  /**
   * Bind this existing IAM role (`arn:<partition>:iam::<account>:role/<path><name>`) instead of creating one:
   * the stack annotates or associates the service account and reads the role (a missing one stops
   * `pulumi up`, and so does one of another account than the stack's AWS credentials), but never changes
   * or deletes it. Its trust policy and permissions are its owner's.
   * @default - the stack creates the role
   */
  readonly existingRoleArn?: string;

  /**
   * Pod Identity: a role that the association assumes with this entry's role's credentials (role chaining,
   * usually into another account, EKS User Guide "pod-id-assign-target-role"). The entry's role gets
   * `sts:AssumeRole` and `sts:TagSession` on it; the target role's trust is its account's
   * (`createPodIdentityTargetRole` of the stack's library creates it, given a provider of that account). Removing
   * it later replaces the entry's associations (EKS keeps a target role that an update does not name).
   * @default - none: pods get the entry's role
   */
  readonly targetRoleArn?: string;

  /**
   * Pod Identity: the associations add no session tags (for `PackedPolicyTooLarge` errors). The role's trust can
   * then pin only the account (`aws:SourceAccount`): any association in the account may use the role.
   * @default false
   */
  readonly disableSessionTags?: boolean;

  /**
   * The IAM role's path.
   * @default "/"
   */
  readonly rolePath?: string;

  /**
   * The ARN of the managed policy that sets the role's permissions boundary.
   * @default - no permissions boundary
   */
  readonly permissionsBoundaryArn?: string;

  /**
   * The maximum session duration of the role, in seconds (3600 to 43200).
   * @default 3600
   */
  readonly maxSessionDuration?: number;

  /**
   * Tags of the IAM role.
   * @default - none
   */
  readonly tags?: { [key: string]: string };

  /**
   * Whether the stack creates the service account. `false` adopts an existing one: only the
   * role and the annotation patch (or the Pod Identity association) are created.
   * @default - true, except for a `roleOnly` entry (its owner creates the account)
   */
  readonly createServiceAccount?: boolean;

  /**
   * Whether the stack creates the namespace (and deletes it, with everything in it, on destroy). Every
   * entry of a namespace must agree. Without it the namespace must exist before `pulumi up`.
   * @default false
   */
  readonly createNamespace?: boolean;

  /**
   * IRSA, with `createServiceAccount: false`: take the `eks.amazonaws.com/role-arn` annotation over when
   * another field manager (the Helm release or GitOps tool that owns the account) already set it. Without
   * it such a conflict fails `pulumi up`, so that nothing silently overwrites another tool's annotation.
   * @default false
   */
  readonly forcePatch?: boolean;

  /**
   * Extra annotations of the created service account.
   * @default - none
   */
  readonly annotations?: { [key: string]: string };

  /**
   * Labels of the created service account.
   * @default - none
   */
  readonly labels?: { [key: string]: string };

  /**
   * ARNs of managed policies to attach, one `aws.iam.RolePolicyAttachment` each.
   * @default - none
   */
  readonly managedPolicyArns?: string[];

  /**
   * Statements of the role's inline policy (one `aws.iam.RolePolicy`).
   * @default - no inline policy
   */
  readonly policyStatements?: PolicyStatementOptions[];

  /**
   * Well-known add-ons whose published IAM policy the role gets: AWS managed policies are attached,
   * the add-on's own documents become inline policies, narrowed by the scoping options below.
   * @default - none
   */
  readonly addonPolicies?: AddonPolicy[];

  /**
   * The EKS cluster the add-on manages, by name: `CLUSTER_AUTOSCALER` scales only Auto Scaling groups tagged
   * `k8s.io/cluster-autoscaler/<name>: owned`, `KARPENTER_CONTROLLER` manages only this cluster's instances and
   * instance profiles. Required by both. (The Pod Identity association's cluster is the `clusterName` stack config.)
   * @default - none
   */
  readonly addonClusterName?: string;

  /**
   * The Route 53 hosted zones `EXTERNAL_DNS` and `CERT_MANAGER` may change records in, as
   * `arn:${partition}:route53:::hostedzone/<zone id>`. Required by both: there is no all-zones default.
   * @default - none
   */
  readonly route53HostedZoneArns?: string[];

  /**
   * The S3 buckets `VELERO` (backups) and `MOUNTPOINT_S3_CSI_DRIVER` (mounts) may use, as `arn:${partition}:s3:::<bucket>`;
   * their objects are granted as `<bucket ARN>/*`. Required by both.
   * @default - none
   */
  readonly s3BucketArns?: string[];

  /**
   * Customer managed KMS keys of encrypted EBS volumes (`EBS_CSI_DRIVER`): the driver's KMS statement is added
   * on these keys only.
   * @default - no KMS permissions (volumes encrypted with the AWS managed key need none)
   */
  readonly kmsKeyArns?: string[];

  /**
   * The Secrets Manager secrets `EXTERNAL_SECRETS` may read (wildcards allowed, such as
   * `arn:${partition}:secretsmanager:*:${accountId}:secret:shop/*`). It needs this or `ssmParameterArns`.
   * @default - none
   */
  readonly secretsManagerSecretArns?: string[];

  /**
   * The SSM parameters `EXTERNAL_SECRETS` may read (wildcards allowed, such as
   * `arn:${partition}:ssm:*:${accountId}:parameter/shop/*`). It needs this or `secretsManagerSecretArns`.
   * @default - none
   */
  readonly ssmParameterArns?: string[];

  /**
   * The SQS queues `NODE_TERMINATION_HANDLER`'s queue processor reads. Required by it.
   * @default - none
   */
  readonly sqsQueueArns?: string[];

  /**
   * The node roles `KARPENTER_CONTROLLER` may pass to the instances it launches.
   * @default - `arn:${partition}:iam::${accountId}:role/KarpenterNodeRole-<addonClusterName>`, as Karpenter's guide names it
   */
  readonly karpenterNodeRoleArns?: string[];

  /**
   * The SQS queue of `KARPENTER_CONTROLLER`'s interruption handling (the queue its Helm value
   * `settings.interruptionQueue` names), as `arn:${partition}:sqs:<region>:${accountId}:<queue>`: the controller may
   * receive, delete and look up messages of this queue only, as Karpenter's CloudFormation grants.
   * @default - no SQS permissions: Karpenter without interruption handling
   */
  readonly karpenterInterruptionQueueArn?: string;

  /**
   * The audience the role trusts (IRSA).
   * @default "sts.amazonaws.com"
   */
  readonly audience?: string;

  /**
   * More service accounts that may assume the same role: with IRSA, subjects of its trust; with Pod Identity,
   * one association each (and one trust statement each, pinning its namespace and name). The stack neither
   * creates these accounts nor annotates them: with IRSA, their owner annotates each with the role's ARN.
   * @default - none
   */
  readonly additionalServiceAccounts?: ServiceAccountReference[];

  /**
   * Allow `*` and `?` in the names of `additionalServiceAccounts`: their subjects are then matched
   * with `StringLike` instead of `StringEquals`. Off by default, since a wildcard widens who can
   * assume the role.
   * @default false
   */
  readonly allowWildcardSubjects?: boolean;

  /**
   * Annotate the service account with `eks.amazonaws.com/sts-regional-endpoints: "true"` (IRSA).
   * @default false
   */
  readonly stsRegionalEndpoints?: boolean;

  /**
   * Lifetime of the projected service account token, as `eks.amazonaws.com/token-expiration`
   * (IRSA, 600 to 86400 seconds: the pod identity webhook's limits).
   * @default - the EKS default (86400)
   */
  readonly tokenExpirationSeconds?: number;

  /**
   * Generate an example Deployment that runs as this service account, depends on its credentials,
   * prints the identity it assumed (`aws sts get-caller-identity`) and fails unless it is the role's
   * (or the target role's), so that a pod that missed its credentials fails the rollout.
   * @default false
   */
  readonly exampleDeployment?: boolean;

  /**
   * The image of the example Deployment.
   * @default "public.ecr.aws/aws-cli/aws-cli:2.27.50"
   */
  readonly exampleDeploymentImage?: string;
}
