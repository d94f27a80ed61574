import type { ServiceAccountRule } from "./rule";
import { identityPartsOf } from "../identity-parts";
import { estimateTargetRoleTrustLength, estimateTrustPolicyLength, TRUST_POLICY_QUOTA } from "../trust-policy-size";

const OVER_QUOTA = `over IAM's quota "Role trust policy length" (${TRUST_POLICY_QUOTA} characters by default)`;

/**
 * IAM's quota on the length of a role's trust policy: the role the entry creates, and the target role its
 * associations chain to (one statement per service account each, for Pod Identity).
 */
export const trustPolicyQuota: ServiceAccountRule = ({ serviceAccount: sa, path }) => {
  const problems: string[] = [];
  const length = estimateTrustPolicyLength(sa);
  if (length > TRUST_POLICY_QUOTA) {
    // The Pod Identity statements name the cluster, measured at its shortest: the real policy is longer still.
    const about = identityPartsOf(sa).trustsPods ? "at least about" : "about";
    problems.push(
      `${path("additionalServiceAccounts")}: the role's trust policy would be ${about} ${length} characters, ${OVER_QUOTA}; trust fewer service accounts per role, or raise the quota in Service Quotas first.`,
    );
  }
  const target = estimateTargetRoleTrustLength(sa);
  if (target > TRUST_POLICY_QUOTA) {
    problems.push(
      `${path("additionalServiceAccounts")}: the trust policy of the target role (targetRoleArn, one statement per service account) would be at least about ${target} characters, ${OVER_QUOTA}; chain fewer service accounts to one target role, or raise the quota in the target role's account first.`,
    );
  }
  return problems;
};
