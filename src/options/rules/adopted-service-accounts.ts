import type { ServiceAccountRule } from "./rule";
import { identityPartsOf } from "../identity-parts";

/**
 * forcePatch takes the role-arn annotation over on an account the stack adopts (createServiceAccount: false):
 * a created account has no other field manager to take it from, and a role-only entry annotates nothing. (With
 * Pod Identity there is no annotation at all: identity-type-options.ts says so.)
 */
export const adoptedServiceAccounts: ServiceAccountRule = ({ serviceAccount: sa, path }) => {
  if (!sa.forcePatch) {
    return [];
  }
  if (sa.roleOnly) {
    return [`${path("forcePatch")}: true has no effect with roleOnly, which annotates nothing; remove forcePatch.`];
  }
  return identityPartsOf(sa).annotates && sa.createServiceAccount
    ? [
        `${path("forcePatch")}: true applies to an adopted service account, and this stack creates ${sa.namespace}/${sa.name}; remove forcePatch, or set createServiceAccount: false.`,
      ]
    : [];
};
