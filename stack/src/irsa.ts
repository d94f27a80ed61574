// Pulumi SDK submodules, not the whole @pulumi/aws: its index loads every service's types (0.4-0.5 s a test file).
import * as iam from "@pulumi/aws/iam";
// Submodules, not the whole @pulumi/kubernetes: its index costs a test file 0.1-0.2 s more.
import * as corev1 from "@pulumi/kubernetes/core/v1";
import * as pulumi from "@pulumi/pulumi";
import { AUDIENCE_ANNOTATION, ROLE_ARN_ANNOTATION } from "./access-model";
import { resolveServiceAccount, type ServiceAccountLike } from "./service-account-like";
import {
  assertWithinTrustPolicyQuota,
  DEFAULT_AUDIENCE,
  irsaTrustPolicy,
  parseOidcProviderArns,
  type ServiceAccountRef,
} from "./trust-policy";

// The webhook's annotations, defined once in the (Pulumi-free) access model, which reads them back.
export { AUDIENCE_ANNOTATION, ROLE_ARN_ANNOTATION };

export type IamRoleForServiceAccountArgs = Omit<iam.RoleArgs, "assumeRolePolicy"> & {
  serviceAccount: ServiceAccountLike;
  oidcProviderArn: pulumi.Input<string>;
  /** Options for the ServiceAccountPatch (provider with enableServerSideApply, parent, aliases...). */
  k8sOpts: pulumi.CustomResourceOptions;
  /** Extra annotations of the patch itself (not of the account), such as pulumi.com/patchForce. */
  patchAnnotations?: Record<string, string>;
  /** Other service accounts sharing this role. */
  additionalServiceAccounts?: ServiceAccountRef[];
  /** OIDC providers of more clusters/accounts allowed to assume the role. */
  additionalOidcProviderArns?: pulumi.Input<string>[];
  audience?: string;
  allowWildcardSubjects?: boolean;
  /** Extra service account annotations, e.g. eks.amazonaws.com/sts-regional-endpoints. */
  serviceAccountAnnotations?: Record<string, string>;
};

export interface IamRoleForServiceAccount {
  role: iam.Role;
  serviceAccountPatch: corev1.ServiceAccountPatch;
}

/**
 * An IAM role trusted by the cluster OIDC provider(s) for exactly the given service account(s),
 * plus a server-side-apply patch annotating the service account with the role ARN.
 * A patch (not an annotation on the ServiceAccount itself) because the trust policy depends on the
 * service account's name, so annotating it directly would be a cycle, and adopted accounts are not ours to own.
 */
export function createIamRoleForServiceAccount(
  name: string,
  args: IamRoleForServiceAccountArgs,
  opts?: pulumi.CustomResourceOptions,
): IamRoleForServiceAccount {
  const {
    // Stripped at run time too: a JavaScript caller could still pass its own trust policy.
    assumeRolePolicy: _ignored,
    serviceAccount,
    oidcProviderArn,
    k8sOpts,
    additionalServiceAccounts = [],
    additionalOidcProviderArns = [],
    audience,
    allowWildcardSubjects,
    serviceAccountAnnotations = {},
    patchAnnotations = {},
    ...roleArgs
  } = args as IamRoleForServiceAccountArgs & { assumeRolePolicy?: unknown };
  const sa = resolveServiceAccount(serviceAccount);

  const assumeRolePolicy = pulumi
    .all([pulumi.output(oidcProviderArn), pulumi.all(additionalOidcProviderArns), sa.namespace, sa.name])
    .apply(([primaryArn, moreArns, namespace, saName]) => {
      const oidcProviderArns = [primaryArn, ...moreArns];
      parseOidcProviderArns(oidcProviderArns);
      const doc = irsaTrustPolicy({
        oidcProviderArns,
        serviceAccounts: [{ namespace, name: saName }, ...additionalServiceAccounts],
        audience,
        allowWildcardSubjects,
      });
      assertWithinTrustPolicyQuota(doc, name);
      return JSON.stringify(doc);
    });

  const role = new iam.Role(name, { ...roleArgs, assumeRolePolicy }, opts);
  const serviceAccountPatch = annotateServiceAccount(name, {
    serviceAccount,
    roleArn: role.arn,
    audience,
    serviceAccountAnnotations,
    patchAnnotations,
    k8sOpts,
  });
  return { role, serviceAccountPatch };
}

export interface RoleArnAnnotationArgs {
  serviceAccount: ServiceAccountLike;
  roleArn: pulumi.Input<string>;
  /** Annotated when not sts.amazonaws.com: the webhook mints the token for it. */
  audience?: string;
  /** Extra service account annotations, e.g. eks.amazonaws.com/sts-regional-endpoints. */
  serviceAccountAnnotations?: Record<string, string>;
  /** Extra annotations of the patch itself (not of the account), such as pulumi.com/patchForce. */
  patchAnnotations?: Record<string, string>;
  /** Options for the ServiceAccountPatch (provider with enableServerSideApply, parent, aliases...). */
  k8sOpts: pulumi.CustomResourceOptions;
}

/** A server-side-apply patch annotating the service account with a role ARN (of a role created here or not). */
export function annotateServiceAccount(name: string, args: RoleArnAnnotationArgs): corev1.ServiceAccountPatch {
  const { serviceAccount, roleArn, audience, serviceAccountAnnotations = {}, patchAnnotations = {}, k8sOpts } = args;
  const sa = resolveServiceAccount(serviceAccount);
  // The runtime flattens nested arrays/promises/outputs in dependsOn, so any shape of the
  // caller's dependsOn can be nested here; the cast only widens the static element type.
  const dependsOn = sa.resource
    ? ([sa.resource, k8sOpts.dependsOn ?? []] as pulumi.Input<pulumi.Resource>[])
    : k8sOpts.dependsOn;
  // The webhook mints the token for the annotated audience, the one the trust policy pins.
  const audienceAnnotation: Record<string, string> =
    audience !== undefined && audience !== DEFAULT_AUDIENCE ? { [AUDIENCE_ANNOTATION]: audience } : {};
  return new corev1.ServiceAccountPatch(
    name,
    {
      metadata: {
        name: sa.name,
        namespace: sa.namespace,
        // Ours last: extra annotations must not redirect the account to another role or audience.
        annotations: {
          ...patchAnnotations,
          ...serviceAccountAnnotations,
          ...audienceAnnotation,
          [ROLE_ARN_ANNOTATION]: roleArn,
        },
      },
    },
    { ...k8sOpts, dependsOn },
  );
}
