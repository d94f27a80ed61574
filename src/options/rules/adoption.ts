import type { ServiceAccountRule } from "./rule";
import { identityPartsOf } from "../identity-parts";

/** forcePatch takes an annotation over on an adopted account: meaningless where there is no patch of one. */
export const adoption: ServiceAccountRule = ({ serviceAccount: sa, path }) => {
  if (!sa.forcePatch) {
    return [];
  }
  if (sa.roleOnly) {
    return [`${path("forcePatch")}: true has no effect with roleOnly, which annotates nothing; remove forcePatch.`];
  }
  if (!identityPartsOf(sa).annotates) {
    return [
      `${path("forcePatch")}: true has no effect with identityType ${sa.identityType}: Pod Identity binds the role with an association, not an annotation; remove forcePatch.`,
    ];
  }
  if (sa.createServiceAccount) {
    return [
      `${path("forcePatch")}: true applies to an adopted service account, and this stack creates ${sa.namespace}/${sa.name}; remove forcePatch, or set createServiceAccount: false.`,
    ];
  }
  return [];
};
