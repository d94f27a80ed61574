// Pulumi SDK submodules, not the whole @pulumi/aws: its index loads every service's types (0.4-0.5 s a test file).
import * as eks from "@pulumi/aws/eks";
import * as iam from "@pulumi/aws/iam";
import * as pulumi from "@pulumi/pulumi";
import { resolveServiceAccount, type ServiceAccountLike } from "./service-account-like";
import { podIdentityTrustPolicy } from "./trust-policy";

export type PodIdentityRoleArgs = Omit<iam.RoleArgs, "assumeRolePolicy"> & {
  /** The cluster of the association; an output that waits for the Pod Identity Agent (src/pod-identity-agent.ts). */
  clusterName: pulumi.Input<string>;
  /** The cluster's ARN and account, which the trust policy pins. */
  clusterArn: pulumi.Input<string>;
  accountId: pulumi.Input<string>;
  serviceAccount: ServiceAccountLike;
  /** Options of the association (parent, aliases, dependsOn); `opts` (the role's) when not given. */
  associationOpts?: pulumi.CustomResourceOptions;
};

export interface PodIdentityRole {
  role: iam.Role;
  association: eks.PodIdentityAssociation;
}

/**
 * An IAM role trusted by the EKS Pod Identity agent for exactly one service account of one cluster,
 * associated with it. No service account annotation is needed: the association lives in the EKS API.
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
    clusterArn,
    accountId,
    serviceAccount,
    associationOpts,
    ...roleArgs
  } = args as PodIdentityRoleArgs & {
    assumeRolePolicy?: unknown;
  };
  const sa = resolveServiceAccount(serviceAccount);
  const assumeRolePolicy = pulumi
    .all([clusterArn, accountId, sa.namespace, sa.name])
    .apply(([arn, account, namespace, saName]) =>
      JSON.stringify(
        podIdentityTrustPolicy({ clusterArn: arn, accountId: account, serviceAccount: { namespace, name: saName } }),
      ),
    );
  const role = new iam.Role(name, { ...roleArgs, assumeRolePolicy }, opts);
  const association = associateServiceAccount(
    name,
    { clusterName, serviceAccount, roleArn: role.arn },
    // A managed service account is already a dependency through its name/namespace outputs.
    associationOpts ?? opts,
  );
  return { role, association };
}

export interface PodIdentityAssociationArgs {
  /** The cluster of the association; an output that waits for the Pod Identity Agent (src/pod-identity-agent.ts). */
  clusterName: pulumi.Input<string>;
  serviceAccount: ServiceAccountLike;
  /** A role in the cluster's account (EKS passes it: iam:PassRole), created here or not. */
  roleArn: pulumi.Input<string>;
  /** The role EKS assumes next with the role's credentials, in any account (EKS User Guide, pod-id-assign-target-role). */
  targetRoleArn?: pulumi.Input<string>;
  /** No session tags on the sessions (EKS User Guide, pod-id-abac "Disable session tags"). */
  disableSessionTags?: boolean;
}

/**
 * The EKS Pod Identity association of a service account with a role. Without a target role, the association is
 * replaced (deleted first) when it had one: EKS keeps an association's target role unless an update names another
 * or an empty one, and the provider sends none for an unset input, so an update alone would leave the pods on the
 * old target role while the stack records none.
 */
export function associateServiceAccount(
  name: string,
  args: PodIdentityAssociationArgs,
  opts?: pulumi.CustomResourceOptions,
): eks.PodIdentityAssociation {
  const sa = resolveServiceAccount(args.serviceAccount);
  // An unset target is omitted from UpdatePodIdentityAssociation (terraform-provider-aws
  // internal/service/eks/pod_identity_association.go, Update); the ACK controller sends "" to clear it (eks-controller#164).
  const clearsTargetRole: pulumi.CustomResourceOptions =
    args.targetRoleArn === undefined ? { replaceOnChanges: ["targetRoleArn"], deleteBeforeReplace: true } : {};
  return new eks.PodIdentityAssociation(
    name,
    {
      clusterName: args.clusterName,
      namespace: sa.namespace,
      serviceAccount: sa.name,
      roleArn: args.roleArn,
      // Only when set: an association of before keeps the inputs it had.
      ...(args.targetRoleArn !== undefined && { targetRoleArn: args.targetRoleArn }),
      ...(args.disableSessionTags && { disableSessionTags: true }),
    },
    // EKS allows one association per service account: the old one goes before the new one is created.
    { ...clearsTargetRole, ...opts },
  );
}
