import type { ServiceAccountRule } from "./rule";
import { IdentityType } from "../identity-type";

/**
 * forcePatch takes the role-arn annotation over on an account the stack adopts (createServiceAccount: false):
 * a created account has no other field manager to take it from. (With Pod Identity there is no annotation at
 * all: identity-type-options.ts says so.)
 */
export const adoptedServiceAccounts: ServiceAccountRule = ({ serviceAccount: sa, path }) =>
  sa.forcePatch && sa.identityType === IdentityType.IRSA && sa.createServiceAccount
    ? [
        `${path("forcePatch")}: true applies to an adopted service account, and this stack creates ${sa.namespace}/${sa.name}; remove forcePatch, or set createServiceAccount: false.`,
      ]
    : [];
