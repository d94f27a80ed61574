import { identityPartsOf } from "./identity-parts";
import { IdentityType } from "./identity-type";
import { OidcProviderSource } from "./oidc-provider-source";
import { DEFAULTS } from "./resolve-stack-settings";
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

/** Whether some entry binds its role with a Pod Identity association (and so needs the Pod Identity Agent). */
export function usesPodIdentity(settings: StackSettings): boolean {
  return settings.serviceAccounts.some((sa) => identityPartsOf(sa).associates);
}

export function stackConfigNeedsOf(settings: StackSettings): StackConfigNeeds {
  const parts = settings.serviceAccounts.map(identityPartsOf);
  const irsa = parts.some((p) => p.trustsOidc);
  const cluster = parts.some((p) => p.trustsPods || p.associates);
  return {
    oidcProviderArn: irsa && settings.oidcProviderSource === OidcProviderSource.STACK_CONFIG,
    clusterName: cluster || (irsa && settings.oidcProviderSource === OidcProviderSource.CLUSTER_LOOKUP),
    stackReference: irsa && settings.oidcProviderSource === OidcProviderSource.STACK_REFERENCE,
    additionalOidcProviderArns: irsa,
  };
}

/**
 * The audiences besides sts.amazonaws.com of the annotated tokens and the OIDC trusts, which the IAM OIDC provider
 * must list as client IDs.
 */
export function customAudiencesOf(settings: StackSettings): string[] {
  const irsaAudiences = settings.serviceAccounts
    .filter((sa) => {
      const parts = identityPartsOf(sa);
      return parts.trustsOidc || parts.annotates;
    })
    .map((sa) => sa.audience);
  return [...new Set(irsaAudiences)].filter((audience) => audience !== DEFAULTS.audience);
}

/** How the stack's service accounts get their roles, for its descriptions: "IRSA", "EKS Pod Identity", or both. */
export function identityTypesTextOf(
  settings: StackSettings,
  names: { [IdentityType.IRSA]: string; [IdentityType.POD_IDENTITY]: string },
): string {
  const types = settings.serviceAccounts.map((sa) => sa.identityType);
  const used = [
    ...(types.some((t) => t !== IdentityType.POD_IDENTITY) ? [IdentityType.IRSA] : []),
    ...(types.some((t) => t !== IdentityType.IRSA) ? [IdentityType.POD_IDENTITY] : []),
  ] as (IdentityType.IRSA | IdentityType.POD_IDENTITY)[];
  return used.map((type) => names[type]).join(" and ");
}
