// Pulumi SDK submodules, not the whole @pulumi/aws: its index loads every service's types (0.4-0.5 s a test file).
import * as eks from "@pulumi/aws/eks";
import * as iam from "@pulumi/aws/iam";
import * as pulumi from "@pulumi/pulumi";
import { podIdentityTargetTrustPolicy } from "./trust-policy";
import type { WorkloadIdentity } from "./workload-identity";

export type PodIdentityTargetRoleArgs = Omit<iam.RoleArgs, "assumeRolePolicy" | "name"> & {
  /** The role's name: the entry's `targetRoleArn` names it, since the association is created before it. */
  name: string;
  /** The Pod Identity entry whose association chains to this role. */
  identity: WorkloadIdentity;
};

/**
 * The target role of a Pod Identity entry (`targetRoleArn`), usually created in another account: pass
 * `opts.provider`, an `aws.Provider` of that account. It trusts the entry's role only, for the bound cluster,
 * namespace and service account: by session tags, or by the association's external ID when the entry disables
 * them (EKS User Guide, pod-id-assign-target-role).
 */
export function createPodIdentityTargetRole(
  resourceName: string,
  args: PodIdentityTargetRoleArgs,
  opts?: pulumi.CustomResourceOptions,
): iam.Role {
  const { identity, ...roleArgs } = args;
  const association = identity.podIdentityAssociation;
  if (!association) {
    throw new Error(`createPodIdentityTargetRole: ${resourceName} needs a Pod Identity entry with an association.`);
  }
  // The cluster is read in the cluster's account (the default provider), not the target's.
  const clusterArn = eks.getClusterOutput({ name: association.clusterName }).arn;
  const assumeRolePolicy = pulumi
    .all([
      identity.role.arn,
      clusterArn,
      association.namespace,
      association.serviceAccount,
      association.disableSessionTags,
      association.externalId,
    ])
    .apply(([sourceRoleArn, cluster, namespace, serviceAccount, disableSessionTags, externalId]) =>
      JSON.stringify(
        podIdentityTargetTrustPolicy({
          sourceRoleArn,
          clusterArn: cluster,
          namespace,
          serviceAccount,
          sessionTags: !disableSessionTags,
          externalId,
        }),
      ),
    );
  return new iam.Role(resourceName, { ...roleArgs, assumeRolePolicy }, { dependsOn: association, ...opts });
}
