import { quote, type ServiceAccountRule } from "./rule";
import { identityPartsOf } from "../identity-parts";
import type { ServiceAccountSettings } from "../stack-settings";

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const WILDCARD = /[*?]/;

/** The names and namespaces of a service account and of the others that share its role. */
export const kubernetesNames: ServiceAccountRule = ({ serviceAccount: sa, path }) => {
  const problems = [...checkOwnName(sa, path("name")), ...checkNamespace(sa.namespace, path("namespace"))];
  sa.additionalServiceAccounts.forEach((other, i) => {
    const at = `${path("additionalServiceAccounts")}[${i}]`;
    problems.push(...checkServiceAccountName(other.name, `${at}.name`, sa.allowWildcardSubjects));
    problems.push(...checkNamespace(other.namespace, `${at}.namespace`));
  });
  return problems;
};

/**
 * The entry's own service account is one Kubernetes object, so its name is exact whatever allowWildcardSubjects says
 * (that opt-in applies to additionalServiceAccounts). A pattern can still be trusted, where the role trusts the OIDC
 * provider alone: as an additional service account.
 */
function checkOwnName(sa: ServiceAccountSettings, path: string): string[] {
  if (!WILDCARD.test(sa.name)) {
    // Stryker disable next-line BooleanLiteral: equivalent, a name without a wildcard is checked alike either way
    return checkServiceAccountName(sa.name, path, false);
  }
  const parts = identityPartsOf(sa);
  const asPattern =
    parts.trustsOidc && !parts.trustsPods
      ? `, and to let the role trust every service account ${quote(sa.name)} matches, list it in additionalServiceAccounts with allowWildcardSubjects: true`
      : "";
  return [
    `${path}: ${quote(sa.name)} contains a wildcard, and an entry's own service account must be named exactly (allowWildcardSubjects applies only to additionalServiceAccounts); name the service account exactly${asPattern}.`,
  ];
}

function checkServiceAccountName(name: string, path: string, wildcardsAllowed: boolean): string[] {
  if (WILDCARD.test(name)) {
    if (!wildcardsAllowed) {
      return [
        `${path}: ${quote(name)} contains a wildcard; set allowWildcardSubjects: true to match service accounts with StringLike, or name the service account exactly.`,
      ];
    }
    return [];
  }
  if (name.length > 253 || !DNS1123_SUBDOMAIN.test(name)) {
    return [
      `${path}: ${quote(name)} is not a valid Kubernetes service account name; use at most 253 lowercase letters, digits, '-' and '.', starting and ending with a letter or digit (a DNS-1123 subdomain).`,
    ];
  }
  return [];
}

function checkNamespace(namespace: string, path: string): string[] {
  if (namespace.length > 63 || !DNS1123_LABEL.test(namespace)) {
    return [
      `${path}: ${quote(namespace)} is not a valid Kubernetes namespace; use at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit (a DNS-1123 label).`,
    ];
  }
  return [];
}
