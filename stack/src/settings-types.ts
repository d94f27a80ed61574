import type { ServiceAccountRef } from "./trust-policy";

/**
 * IRSA (IAM Roles for Service Accounts, via the cluster's OIDC provider), EKS Pod Identity, or both at once
 * (IRSA_AND_POD_IDENTITY: the role trusts both, the account is annotated and associated; for migrating).
 */
export type IdentityType = "IRSA" | "POD_IDENTITY" | "IRSA_AND_POD_IDENTITY";

/**
 * Where the IRSA OIDC provider ARN comes from:
 * STACK_CONFIG: config key oidcProviderArn; CLUSTER_LOOKUP: derived from config key clusterName;
 * STACK_REFERENCE: an output of another stack (config keys oidcProviderStackReference, oidcProviderOutputName).
 */
export type OidcProviderSource = "STACK_CONFIG" | "CLUSTER_LOOKUP" | "STACK_REFERENCE";

export interface PolicyConditionSettings {
  /** Condition operator, e.g. StringEquals. */
  test: string;
  /** Condition key, e.g. aws:ResourceTag/team. */
  variable: string;
  values: string[];
}

export interface PolicyStatementSettings {
  sid?: string;
  effect: "Allow" | "Deny";
  actions: string[];
  /** May contain ${partition} and ${accountId}. */
  resources: string[];
  conditions?: PolicyConditionSettings[];
}

/** The well-known add-on policies (addon-policies.ts lists each one's published source). */
export type AddonPolicyName =
  | "AWS_LOAD_BALANCER_CONTROLLER"
  | "EXTERNAL_DNS"
  | "CERT_MANAGER"
  | "CLUSTER_AUTOSCALER"
  | "KARPENTER_CONTROLLER"
  | "EBS_CSI_DRIVER"
  | "EFS_CSI_DRIVER"
  | "FSX_LUSTRE_CSI_DRIVER"
  | "MOUNTPOINT_S3_CSI_DRIVER"
  | "VPC_CNI"
  | "EXTERNAL_SECRETS"
  | "VELERO"
  | "NODE_TERMINATION_HANDLER"
  | "CLOUDWATCH_OBSERVABILITY"
  | "AMAZON_MANAGED_PROMETHEUS";

/** What narrows the add-on policies to this stack's resources. ARNs may contain ${partition} and ${accountId}. */
export interface AddonScopeSettings {
  /** CLUSTER_AUTOSCALER, KARPENTER_CONTROLLER: the cluster whose tags and ARNs scope them. */
  addonClusterName?: string;
  /** EXTERNAL_DNS, CERT_MANAGER: the hosted zones whose records they may change. */
  route53HostedZoneArns?: string[];
  /** VELERO, MOUNTPOINT_S3_CSI_DRIVER: the buckets (and their objects) they may use. */
  s3BucketArns?: string[];
  /** EBS_CSI_DRIVER: customer managed keys of encrypted volumes. */
  kmsKeyArns?: string[];
  /** EXTERNAL_SECRETS: the Secrets Manager secrets it may read. */
  secretsManagerSecretArns?: string[];
  /** EXTERNAL_SECRETS: the SSM parameters it may read. */
  ssmParameterArns?: string[];
  /** NODE_TERMINATION_HANDLER: the queues of its queue processor. */
  sqsQueueArns?: string[];
  /** KARPENTER_CONTROLLER: the node roles it may pass (default: KarpenterNodeRole-<addonClusterName>). */
  karpenterNodeRoleArns?: string[];
  /** KARPENTER_CONTROLLER: its interruption queue (default: none, no interruption handling). */
  karpenterInterruptionQueueArn?: string;
}

export interface ExampleDeploymentSettings {
  /** Must contain the AWS CLI and a POSIX shell: the pod runs `aws sts get-caller-identity` and checks the role. */
  image: string;
  replicas: number;
}

/**
 * EKS Pod Identity Agent add-on: CHECK that the cluster has it, INSTALL it (aws.eks.Addon), or NONE
 * (EKS Auto Mode has the agent built in; or it is installed another way).
 */
export type PodIdentityAgentMode = "CHECK" | "INSTALL" | "NONE";

export interface ServiceAccountSettings {
  name: string;
  namespace: string;
  /** IRSA or Pod Identity for this service account; default: the stack's identityType. */
  identityType?: IdentityType;
  /**
   * The IAM role's name in the first stack; past 64 characters it is shortened with a hash at run time
   * (src/role-name.ts). Derived names get "@<stack>" in every other stack.
   */
  roleName: string;
  /** true: a derived name, qualified by the stack name in stacks other than the first; false: given, used as is. */
  roleNamePerStack: boolean;
  /** The role and its policies only: no annotation, no association (chart values take the ARN, a stack output). */
  roleOnly?: boolean;
  /** Bind this role, which the stack reads and does not create (no policies of its own). */
  existingRoleArn?: string;
  /** Pod Identity: the role the association assumes with this one's credentials (another account, usually). */
  targetRoleArn?: string;
  /** Pod Identity: the associations add no session tags, so the trust can pin the account only. */
  disableSessionTags?: boolean;
  rolePath?: string;
  permissionsBoundaryArn?: string;
  /** Seconds (3600-43200). */
  maxSessionDuration?: number;
  tags: Record<string, string>;
  /** false = adopt an existing service account: only annotate (IRSA) or associate (Pod Identity) it. */
  createServiceAccount: boolean;
  /** Create the namespace (every entry of a namespace agrees, checked at synth). */
  createNamespace: boolean;
  /**
   * IRSA, adopted account: take the role-arn annotation over from another field manager
   * (the provider's `pulumi.com/patchForce` annotation). Off: such a conflict fails `pulumi up`.
   */
  forcePatch: boolean;
  /** Applied to a created service account. */
  annotations: Record<string, string>;
  labels: Record<string, string>;
  /** May contain ${partition} and ${accountId}. */
  managedPolicyArns: string[];
  policyStatements: PolicyStatementSettings[];
  /** Published policies of well-known add-ons: managed ones attached, documents as inline policies. */
  addonPolicies: AddonPolicyName[];
  addonScope?: AddonScopeSettings;
  audience: string;
  /** More service accounts allowed to assume the same role (Pod Identity: one association each). */
  additionalServiceAccounts: ServiceAccountRef[];
  allowWildcardSubjects: boolean;
  /** IRSA: annotate eks.amazonaws.com/sts-regional-endpoints=true. */
  stsRegionalEndpoints: boolean;
  /** IRSA: projected token lifetime, annotation eks.amazonaws.com/token-expiration. */
  tokenExpirationSeconds?: number;
  exampleDeployment?: ExampleDeploymentSettings;
}

export interface StackSettings {
  projectName: string;
  /** The stack the project was created with: its derived role names carry no "@<stack>". */
  firstStackName: string;
  /** The default of the service accounts' identity types. */
  identityType: IdentityType;
  podIdentityAgent: PodIdentityAgentMode;
  oidcProviderSource: OidcProviderSource;
  serviceAccounts: ServiceAccountSettings[];
}
