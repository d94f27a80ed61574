// Pulumi SDK submodules, not the whole @pulumi/aws: its index loads every service's types (0.4-0.5 s a test file).
import * as eks from "@pulumi/aws/eks";
import * as iam from "@pulumi/aws/iam";
import * as pulumi from "@pulumi/pulumi";
import { assertWithinTrustPolicyQuota, podIdentityTargetTrustPolicy } from "./trust-policy";
import type { WorkloadIdentity } from "./workload-identity";

export type PodIdentityTargetRoleArgs = Omit<iam.RoleArgs, "assumeRolePolicy" | "name"> & {
  /** The role's name: the entry's `targetRoleArn` names it, since the association is created before it. */
  name: string;
  /** The Pod Identity entry whose association chains to this role. */
  identity: WorkloadIdentity;
};

/**
 * The target role of a Pod Identity entry (`targetRoleArn`), usually created in another account: pass
 * `opts.provider`, an `aws.Provider` of that account. It trusts the entry's role only, for the bound cluster and
 * each service account the entry associates (its own and its `additionalServiceAccounts`): by session tags, or by
 * each association's external ID when the entry disables them (EKS User Guide, pod-id-assign-target-role).
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
  const associations = [association, ...identity.additionalPodIdentityAssociations];
  // The cluster is read in the cluster's account (the default provider), not the target's.
  const clusterArn = eks.getClusterOutput({ name: association.clusterName }).arn;
  const bound = pulumi.all(
    associations.map((a) =>
      pulumi
        .all([a.namespace, a.serviceAccount, a.externalId])
        .apply(([namespace, serviceAccount, externalId]) => ({ namespace, serviceAccount, externalId })),
    ),
  );
  const assumeRolePolicy = pulumi
    .all([identity.role.arn, clusterArn, association.disableSessionTags, bound])
    .apply(([sourceRoleArn, cluster, disableSessionTags, boundAssociations]) => {
      const doc = podIdentityTargetTrustPolicy({
        sourceRoleArn,
        clusterArn: cluster,
        associations: boundAssociations,
        sessionTags: !disableSessionTags,
      });
      assertWithinTrustPolicyQuota(doc, args.name);
      return JSON.stringify(doc);
    });
  return new iam.Role(resourceName, { ...roleArgs, assumeRolePolicy }, { dependsOn: associations, ...opts });
}
