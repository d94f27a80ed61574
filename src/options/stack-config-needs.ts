import { IdentityType } from "./identity-type";
import { OidcProviderSource } from "./oidc-provider-source";
import type { StackSettings } from "./stack-settings";

/**
 * Which required stack config keys a stack reads, given its entries' identity types and OIDC provider source.
 */
export interface StackConfigNeeds {
  /** `oidcProviderArn`: IRSA with the provider ARN from stack config. */
  readonly oidcProviderArn: boolean;
  /** `clusterName`: any Pod Identity entry, or IRSA looking the provider up from the cluster. */
  readonly clusterName: boolean;
  /** `oidcProviderStackReference` (and `oidcProviderOutputName`): IRSA reading another stack. */
  readonly stackReference: boolean;
  /** `additionalOidcProviderArns`: every stack with an IRSA entry. */
  readonly additionalOidcProviderArns: boolean;
}

export function stackConfigNeedsOf(settings: StackSettings): StackConfigNeeds {
  const irsa = settings.serviceAccounts.some((sa) => sa.identityType === IdentityType.IRSA);
  const podIdentity = settings.serviceAccounts.some((sa) => sa.identityType === IdentityType.POD_IDENTITY);
  return {
    oidcProviderArn: irsa && settings.oidcProviderSource === OidcProviderSource.STACK_CONFIG,
    clusterName: podIdentity || (irsa && settings.oidcProviderSource === OidcProviderSource.CLUSTER_LOOKUP),
    stackReference: irsa && settings.oidcProviderSource === OidcProviderSource.STACK_REFERENCE,
    additionalOidcProviderArns: irsa,
  };
}

/** How the stack's service accounts get their roles, for its descriptions: "IRSA", "EKS Pod Identity", or both. */
export function identityTypesTextOf(settings: StackSettings, names: Record<IdentityType, string>): string {
  const used = Object.values(IdentityType).filter((type) =>
    settings.serviceAccounts.some((sa) => sa.identityType === type),
  );
  return (used.length > 0 ? used : [settings.identityType]).map((type) => names[type]).join(" and ");
}
