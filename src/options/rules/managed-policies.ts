import { POLICY_ARN } from "./iam-role";
import { quote, type ServiceAccountRule } from "./rule";
import { awsManagedPolicyKey, awsManagedPolicyKeys } from "../../access/aws-managed-policies";
import { editDistance } from "../closest-match";

/** How many letters a name may differ by from an AWS managed policy's to be taken for a misspelling of it. */
const MISSPELLING = 2;

/**
 * The managed policies attached to the role: managed policy ARNs, and no misspelled AWS managed policy (IAM would
 * refuse the attachment only at `pulumi up`). An AWS managed policy the package's snapshot does not have and that is
 * not within a letter or two of one it has is taken for a newer policy: accepted, and reported as not evaluated.
 */
export const managedPolicies: ServiceAccountRule = ({ serviceAccount: sa, path }) =>
  sa.managedPolicyArns.flatMap((arn, i) => {
    const at = `${path("managedPolicyArns")}[${i}]`;
    if (!POLICY_ARN.test(arn)) {
      return [
        `${at}: ${quote(arn)} is not a managed policy ARN; expected arn:<partition>:iam::<account or "aws">:policy/<name>, for example arn:\${partition}:iam::aws:policy/AWSXRayDaemonWriteAccess.`,
      ];
    }
    const key = awsManagedPolicyKey(arn);
    const meant = key === undefined ? undefined : misspelledAwsManagedPolicy(key);
    return meant
      ? [
          `${at}: AWS has no managed policy ${quote(key)} (${meant.source}); did you mean ${quote(arn.replace(/policy\/.+$/, `policy/${meant.key}`))}?`,
        ]
      : [];
  });

/** The AWS managed policy `key` misspells, if it is not one: the same name on another path, or one a letter or two off. */
function misspelledAwsManagedPolicy(key: string): { key: string; source: string } | undefined {
  const { source, keys } = awsManagedPolicyKeys();
  if (keys.includes(key)) return undefined;
  const name = key.split("/").pop()!.toLowerCase();
  const samePath = keys.find((candidate) => candidate.split("/").pop()!.toLowerCase() === name);
  const near = keys
    .map((candidate) => ({ candidate, distance: editDistance(key.toLowerCase(), candidate.toLowerCase()) }))
    .filter(({ distance }) => distance <= MISSPELLING)
    .sort((a, b) => a.distance - b.distance)[0]?.candidate;
  const meant = samePath ?? near;
  return meant
    ? { key: meant, source: `not in ${source}, the snapshot of AWS's managed policies this package ships` }
    : undefined;
}
