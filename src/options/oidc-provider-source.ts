/**
 * Where the generated stack finds the cluster's IAM OIDC provider (IRSA only).
 */
export enum OidcProviderSource {
  /**
   * The `oidcProviderArn` stack config key (`pulumi config set oidcProviderArn arn:aws:iam::...`).
   */
  STACK_CONFIG = "STACK_CONFIG",

  /**
   * Looked up from the cluster named by the `clusterName` stack config key: the provider ARN is
   * built from the cluster's OIDC issuer, the caller's account and the partition.
   */
  CLUSTER_LOOKUP = "CLUSTER_LOOKUP",

  /**
   * Read from an output of another stack: config keys `oidcProviderStackReference`
   * (for example `acme/eks-cluster/prod`) and `oidcProviderOutputName` (default `oidcProviderArn`).
   */
  STACK_REFERENCE = "STACK_REFERENCE",
}
