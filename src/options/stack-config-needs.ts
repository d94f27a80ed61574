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
  return settings.serviceAccounts.some((sa) => sa.identityType === IdentityType.POD_IDENTITY);
}

export function stackConfigNeedsOf(settings: StackSettings): StackConfigNeeds {
  const irsa = settings.serviceAccounts.some((sa) => sa.identityType === IdentityType.IRSA);
  const podIdentity = usesPodIdentity(settings);
  return {
    oidcProviderArn: irsa && settings.oidcProviderSource === OidcProviderSource.STACK_CONFIG,
    clusterName: podIdentity || (irsa && settings.oidcProviderSource === OidcProviderSource.CLUSTER_LOOKUP),
    stackReference: irsa && settings.oidcProviderSource === OidcProviderSource.STACK_REFERENCE,
    additionalOidcProviderArns: irsa,
  };
}

/** The audiences besides sts.amazonaws.com the IRSA entries' roles trust, which the IAM OIDC provider must list as client IDs. */
export function customAudiencesOf(settings: StackSettings): string[] {
  const irsaAudiences = settings.serviceAccounts
    .filter((sa) => sa.identityType === IdentityType.IRSA)
    .map((sa) => sa.audience);
  return [...new Set(irsaAudiences)].filter((audience) => audience !== DEFAULTS.audience);
}

/** How the stack's service accounts get their roles, for its descriptions: "IRSA", "EKS Pod Identity", or both. */
export function identityTypesTextOf(settings: StackSettings, names: Record<IdentityType, string>): string {
  const used = Object.values(IdentityType).filter((type) =>
    settings.serviceAccounts.some((sa) => sa.identityType === type),
  );
  return (used.length > 0 ? used : [settings.identityType]).map((type) => names[type]).join(" and ");
}
