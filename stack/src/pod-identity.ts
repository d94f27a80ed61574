// Pulumi SDK submodules, not the whole @pulumi/aws: its index loads every service's types (0.4-0.5 s a test file).
import * as eks from "@pulumi/aws/eks";
import * as iam from "@pulumi/aws/iam";
import * as pulumi from "@pulumi/pulumi";
import { resolveServiceAccount, type ServiceAccountLike } from "./service-account-like";
import { podIdentityTrustPolicy } from "./trust-policy";

export type PodIdentityRoleArgs = Omit<iam.RoleArgs, "assumeRolePolicy"> & {
  clusterName: pulumi.Input<string>;
  serviceAccount: ServiceAccountLike;
};

export interface PodIdentityRole {
  role: iam.Role;
  association: eks.PodIdentityAssociation;
}

/**
 * An IAM role trusted by the EKS Pod Identity agent, associated with one service account.
 * No service account annotation is needed: the association lives in the EKS API.
 */
export function createPodIdentityRole(
  name: string,
  args: PodIdentityRoleArgs,
  opts?: pulumi.CustomResourceOptions,
): PodIdentityRole {
  // assumeRolePolicy is stripped at run time too: a JavaScript caller could still pass one.
  const {
    assumeRolePolicy: _ignored,
    clusterName,
    serviceAccount,
    ...roleArgs
  } = args as PodIdentityRoleArgs & {
    assumeRolePolicy?: unknown;
  };
  const sa = resolveServiceAccount(serviceAccount);
  const role = new iam.Role(name, { ...roleArgs, assumeRolePolicy: JSON.stringify(podIdentityTrustPolicy()) }, opts);
  const association = new eks.PodIdentityAssociation(
    `${name}-association`,
    { clusterName, namespace: sa.namespace, serviceAccount: sa.name, roleArn: role.arn },
    // A managed service account is already a dependency through its name/namespace outputs.
    opts,
  );
  return { role, association };
}
