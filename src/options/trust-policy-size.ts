import { serviceAccountSubject } from "./service-account-subject";
import type { ServiceAccountSettings } from "./stack-settings";

/** IAM's default quota "Role trust policy length", in characters. */
export const TRUST_POLICY_QUOTA = 2048;

/** The longest issuer EKS hands out today (GovCloud region, 32-character cluster id). */
const LONGEST_EKS_ISSUER = "oidc.eks.us-gov-west-1.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF";
export const LONGEST_PROVIDER_ARN = `arn:aws-us-gov:iam::123456789012:oidc-provider/${LONGEST_EKS_ISSUER}`;

/**
 * The length of a service account's IRSA trust policy for one cluster, with the longest issuer
 * EKS uses: the same document `src/trust-policy.ts` of the stack builds at run time (a test
 * checks that they agree), so that an oversized role is refused at synth, not at `pulumi up`.
 */
export function estimateTrustPolicyLength(sa: ServiceAccountSettings): number {
  const subjects = [sa, ...sa.additionalServiceAccounts].map(serviceAccountSubject);
  const unique = [...new Set(subjects)];
  const wildcard = sa.allowWildcardSubjects && unique.some((s) => /[*?]/.test(s));
  const sub = unique.length === 1 ? unique[0] : unique;
  const condition = wildcard
    ? {
        StringEquals: { [`${LONGEST_EKS_ISSUER}:aud`]: sa.audience },
        StringLike: { [`${LONGEST_EKS_ISSUER}:sub`]: sub },
      }
    : { StringEquals: { [`${LONGEST_EKS_ISSUER}:aud`]: sa.audience, [`${LONGEST_EKS_ISSUER}:sub`]: sub } };
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { Federated: LONGEST_PROVIDER_ARN },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: condition,
      },
    ],
  }).length;
}
