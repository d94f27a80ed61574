import { quote, type ProjectRule } from "./rule";
import { IdentityType } from "../identity-type";
import type { ServiceAccountOptions } from "../service-account-options";

/** Options of a service account that only IRSA reads, and why Pod Identity has no use for them. */
const IRSA_ONLY: Partial<Record<keyof ServiceAccountOptions, string>> = {
  audience: "Pod Identity tokens always have the audience pods.eks.amazonaws.com",
  stsRegionalEndpoints: "the Pod Identity agent serves the credentials itself",
  tokenExpirationSeconds: "the Pod Identity agent manages its own token",
  forcePatch: "Pod Identity binds the role with an association, not an annotation to take over",
};

/** Options that the identity type of their entry (its own, or the project's) would ignore. */
export const identityTypeOptions: ProjectRule = ({ options, settings, pathOf }) => {
  const fix = "remove it, or set identityType: IdentityType.IRSA";
  const problems: string[] = [];
  const podIdentityOnly = settings.serviceAccounts.every((sa) => sa.identityType === IdentityType.POD_IDENTITY);
  if (options.oidcProviderSource !== undefined && podIdentityOnly) {
    problems.push(
      `oidcProviderSource: ${quote(options.oidcProviderSource)} applies to IRSA only (Pod Identity needs no OIDC provider); ${fix}.`,
    );
  }
  const irsaOnly = settings.serviceAccounts.every((sa) => sa.identityType === IdentityType.IRSA);
  if (options.podIdentityAgent !== undefined && irsaOnly) {
    problems.push(
      `podIdentityAgent: ${quote(options.podIdentityAgent)} applies to Pod Identity only (no entry binds its role with an association, so no agent is needed); remove it, or set identityType: IdentityType.IRSA_AND_POD_IDENTITY (to migrate from IRSA without downtime) or IdentityType.POD_IDENTITY.`,
    );
  }
  // settings.serviceAccounts resolves options.serviceAccounts one for one.
  options.serviceAccounts?.forEach((given, index) => {
    if (settings.serviceAccounts[index].identityType !== IdentityType.POD_IDENTITY) {
      return;
    }
    for (const [field, why] of Object.entries(IRSA_ONLY)) {
      const value = given[field as keyof ServiceAccountOptions];
      if (value !== undefined && value !== false) {
        problems.push(`${pathOf(index, field)}: ${quote(value)} applies to IRSA only (${why}); ${fix}.`);
      }
    }
  });
  return problems;
};
