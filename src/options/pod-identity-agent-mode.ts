/**
 * What a Pod Identity stack does about the EKS Pod Identity Agent, without which pods get no credentials.
 */
export enum PodIdentityAgentMode {
  /**
   * Check that the cluster has the `eks-pod-identity-agent` add-on: the deployment fails with what to do
   * when it does not.
   */
  CHECK = "CHECK",

  /**
   * Install the `eks-pod-identity-agent` add-on (`aws.eks.Addon`); the associations depend on it. The add-on serves
   * the whole cluster, so `pulumi destroy` (or dropping the last Pod Identity entry) leaves it installed
   * (`aws eks delete-addon` removes it); a stack that then installs it again finds it there and fails: use `CHECK`,
   * or `pulumi import` it.
   */
  INSTALL = "INSTALL",

  /**
   * Neither check nor install: EKS Auto Mode has the agent built in, or it is installed another way.
   */
  NONE = "NONE",
}
