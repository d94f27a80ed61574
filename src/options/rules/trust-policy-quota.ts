import type { ServiceAccountRule } from "./rule";
import { estimateTrustPolicyLength, TRUST_POLICY_QUOTA } from "../trust-policy-size";

/** IAM's quota on the length of a role's trust policy. */
export const trustPolicyQuota: ServiceAccountRule = ({ serviceAccount: sa, path }) => {
  const length = estimateTrustPolicyLength(sa);
  return length > TRUST_POLICY_QUOTA
    ? [
        `${path("additionalServiceAccounts")}: the role's trust policy would be about ${length} characters, over IAM's quota "Role trust policy length" (${TRUST_POLICY_QUOTA} characters by default); trust fewer service accounts per role, or raise the quota in Service Quotas first.`,
      ]
    : [];
};
