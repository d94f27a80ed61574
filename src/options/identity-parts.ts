import { IdentityType } from "./identity-type";
import type { ServiceAccountSettings } from "./stack-settings";

/** What an entry makes of its identity type: the trust its role gets, and how its service account is bound. */
export interface IdentityParts {
  /** The role trusts the cluster's IAM OIDC provider (a role this stack creates). */
  readonly trustsOidc: boolean;
  /** The role trusts `pods.eks.amazonaws.com` (a role this stack creates). */
  readonly trustsPods: boolean;
  /** The service account gets the `eks.amazonaws.com/role-arn` annotation. */
  readonly annotates: boolean;
  /** A Pod Identity association binds the service account (and each additional one). */
  readonly associates: boolean;
}

/** As the stack's `src/workload-identity.ts` (`identityParts`) decides it, with existing roles built by no one. */
export function identityPartsOf(sa: ServiceAccountSettings): IdentityParts {
  const irsa = sa.identityType !== IdentityType.POD_IDENTITY;
  const pods = sa.identityType !== IdentityType.IRSA;
  const createsRole = sa.existingRoleArn === undefined;
  return {
    trustsOidc: irsa && createsRole,
    trustsPods: pods && createsRole,
    annotates: irsa && !sa.roleOnly,
    associates: pods && !sa.roleOnly,
  };
}
