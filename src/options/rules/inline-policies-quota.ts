import type { ServiceAccountRule } from "./rule";
import { INLINE_POLICIES_QUOTA, inlinePolicyLengths } from "../inline-policies-size";

/**
 * IAM's quota on the aggregate size of a role's inline policies: the entry's own, its add-ons' and the target-role
 * policy together. Over it, `pulumi up` would fail half-way, with some of the role's policies created.
 */
export const inlinePoliciesQuota: ServiceAccountRule = ({ serviceAccount: sa, path }) => {
  const lengths = inlinePolicyLengths(sa);
  const total = lengths.reduce((sum, l) => sum + l.length, 0);
  if (total <= INLINE_POLICIES_QUOTA) return [];
  const parts = lengths.map((l) => `${l.policy} about ${l.length}`).join(", ");
  return [
    `${path("policyStatements")}: the inline policies of ${sa.namespace}/${sa.name}'s role would hold about ${total} characters (${parts}), over IAM's quota "Role policy size" of ${INLINE_POLICIES_QUOTA} characters for all inline policies of a role together; move statements into a customer managed policy (managedPolicyArns), or split the add-ons over several service accounts.`,
  ];
};
