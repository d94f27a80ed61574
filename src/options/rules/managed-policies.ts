import { POLICY_ARN } from "./iam-role";
import { quote, type ServiceAccountRule } from "./rule";
import { awsManagedPolicyKey, awsManagedPolicyKeys } from "../../access/aws-managed-policies";

/**
 * The managed policies attached to the role: managed policy ARNs, and no AWS managed policy named without its path
 * (`policy/AWSLambdaBasicExecutionRole` for `policy/service-role/AWSLambdaBasicExecutionRole`: the path is part of
 * the ARN, and IAM would refuse the attachment only at `pulumi up`). Any other AWS managed policy the package's
 * snapshot does not have may be newer than it (AWS adds them often, `...V2` next to `...`), or of another partition:
 * accepted, and reported as not evaluated.
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
    const meant = key === undefined ? undefined : pathOfAwsManagedPolicy(key);
    return meant
      ? [
          `${at}: AWS has no managed policy ${quote(key)} (${meant.source}); did you mean ${quote(arn.replace(/policy\/.+$/, `policy/${meant.key}`))}?`,
        ]
      : [];
  });

/** The AWS managed policy `key` names without its path: the snapshot's policy of that name on another path. */
function pathOfAwsManagedPolicy(key: string): { key: string; source: string } | undefined {
  const { source, keys } = awsManagedPolicyKeys();
  if (keys.includes(key)) return undefined;
  const name = key.split("/").pop();
  const meant = keys.find((candidate) => candidate.split("/").pop() === name);
  return meant
    ? { key: meant, source: `not in ${source}, the snapshot of AWS's managed policies this package ships` }
    : undefined;
}
