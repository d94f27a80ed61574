// Submodules, not the whole @pulumi/kubernetes: its index costs a test file 0.1-0.2 s more.
import * as corev1 from "@pulumi/kubernetes/core/v1";
import * as pulumi from "@pulumi/pulumi";

/** A service account known by name only: one this stack does not manage (adopted). */
export interface ServiceAccountInputRef {
  name: pulumi.Input<string>;
  namespace: pulumi.Input<string>;
}

/** Either a ServiceAccount created by this program or a reference to an existing one. */
export type ServiceAccountLike = corev1.ServiceAccount | ServiceAccountInputRef;

export interface ResolvedServiceAccount {
  name: pulumi.Output<string>;
  namespace: pulumi.Output<string>;
  /** Set when the service account is managed here, so dependents can dependsOn it. */
  resource?: corev1.ServiceAccount;
}

export function resolveServiceAccount(sa: ServiceAccountLike): ResolvedServiceAccount {
  if (!corev1.ServiceAccount.isInstance(sa)) {
    return { name: pulumi.output(sa.name), namespace: pulumi.output(sa.namespace) };
  }
  // metadata.namespace is filled in by the API server; an unset input would make the trust
  // policy guess the namespace, so insist on it being explicit.
  const namespace = pulumi.all([sa.urn, sa.metadata]).apply(([urn, metadata]) => {
    if (!metadata.namespace) throw new Error(`ServiceAccount ${urn} must set metadata.namespace explicitly.`);
    return metadata.namespace;
  });
  return { name: sa.metadata.name, namespace, resource: sa };
}
