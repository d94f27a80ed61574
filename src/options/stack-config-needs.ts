import { IdentityType } from "./identity-type";
import { OidcProviderSource } from "./oidc-provider-source";
import { DEFAULTS } from "./resolve-stack-settings";
import type { StackSettings } from "./stack-settings";

/**
 * Which required stack config keys a stack reads, given its identity type and OIDC provider source.
 */
export interface StackConfigNeeds {
  /** `oidcProviderArn`: IRSA with the provider ARN from stack config. */
  readonly oidcProviderArn: boolean;
  /** `clusterName`: Pod Identity, or IRSA looking the provider up from the cluster. */
  readonly clusterName: boolean;
  /** `oidcProviderStackReference` (and `oidcProviderOutputName`): IRSA reading another stack. */
  readonly stackReference: boolean;
  /** `additionalOidcProviderArns`: every IRSA stack. */
  readonly additionalOidcProviderArns: boolean;
}

export function stackConfigNeedsOf(settings: StackSettings): StackConfigNeeds {
  const irsa = settings.identityType === IdentityType.IRSA;
  return {
    oidcProviderArn: irsa && settings.oidcProviderSource === OidcProviderSource.STACK_CONFIG,
    clusterName: !irsa || settings.oidcProviderSource === OidcProviderSource.CLUSTER_LOOKUP,
    stackReference: irsa && settings.oidcProviderSource === OidcProviderSource.STACK_REFERENCE,
    additionalOidcProviderArns: irsa,
  };
}

/** IRSA: the audiences besides sts.amazonaws.com the roles trust, which the IAM OIDC provider must list as client IDs. */
export function customAudiencesOf(settings: StackSettings): string[] {
  if (settings.identityType !== IdentityType.IRSA) {
    return [];
  }
  return [...new Set(settings.serviceAccounts.map((sa) => sa.audience))].filter(
    (audience) => audience !== DEFAULTS.audience,
  );
}
