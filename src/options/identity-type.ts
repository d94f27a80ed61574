/**
 * How pods of a service account get their AWS credentials.
 */
export enum IdentityType {
  /**
   * IAM Roles for Service Accounts: the role trusts the cluster's IAM OIDC provider for
   * exactly the service account, which carries the `eks.amazonaws.com/role-arn` annotation.
   */
  IRSA = "IRSA",

  /**
   * EKS Pod Identity: the role trusts `pods.eks.amazonaws.com` and an
   * `aws.eks.PodIdentityAssociation` binds it to the service account. Needs the
   * EKS Pod Identity Agent add-on on the cluster; no OIDC provider is involved.
   */
  POD_IDENTITY = "POD_IDENTITY",

  /**
   * Both at once, for migrating from IRSA to Pod Identity without downtime: the role trusts the OIDC provider
   * (`aud` and `sub` pinned) and `pods.eks.amazonaws.com` (session tags pinned), and the service account gets
   * both the annotation and the association. Pods created once the association exists get Pod Identity credentials
   * (the pod identity webhook injects them instead of the web identity token); pods created before keep their IRSA
   * token, which the role still admits. Switch the entry to `POD_IDENTITY` once every pod has rolled: that drops the
   * IRSA half.
   */
  IRSA_AND_POD_IDENTITY = "IRSA_AND_POD_IDENTITY",
}
