import { POLICY_ARN } from "./iam-role";
import { quote, type ServiceAccountRule } from "./rule";

/** The managed policies attached to the role. */
export const managedPolicies: ServiceAccountRule = ({ serviceAccount: sa, path }) =>
  sa.managedPolicyArns.flatMap((arn, i) =>
    POLICY_ARN.test(arn)
      ? []
      : [
          `${path("managedPolicyArns")}[${i}]: ${quote(arn)} is not a managed policy ARN; expected arn:<partition>:iam::<account or "aws">:policy/<name>, for example arn:\${partition}:iam::aws:policy/AWSXRayDaemonWriteAccess.`,
        ],
  );
