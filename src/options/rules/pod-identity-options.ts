import { ROLE_ARN } from "./role-source";
import { quote, type ServiceAccountRule } from "./rule";
import { identityPartsOf } from "../identity-parts";

/** targetRoleArn and disableSessionTags shape Pod Identity associations and trust; other entries cannot hold them. */
export const podIdentityOptions: ServiceAccountRule = ({ serviceAccount: sa, path }) => {
  const problems: string[] = [];
  const parts = identityPartsOf(sa);
  if (sa.targetRoleArn !== undefined) {
    if (parts.associates && parts.annotates) {
      // Pods on the IRSA path would get the entry's role, whose only permission is to assume the target role.
      problems.push(
        `${path("targetRoleArn")}: a target role is chained by Pod Identity only, and with identityType ${sa.identityType} the pods that use IRSA would get this entry's role, which may only assume it; use identityType POD_IDENTITY for an entry with a target role, or remove targetRoleArn.`,
      );
    } else if (!parts.associates) {
      problems.push(
        `${path("targetRoleArn")}: a target role is assumed through a Pod Identity association, and this entry (identityType ${sa.identityType}${sa.roleOnly ? ", roleOnly" : ""}) has none; use identityType POD_IDENTITY${sa.roleOnly ? " without roleOnly" : ""}, or remove targetRoleArn.`,
      );
    } else if (!ROLE_ARN.test(sa.targetRoleArn)) {
      problems.push(
        `${path("targetRoleArn")}: ${quote(sa.targetRoleArn)} is not an IAM role ARN; expected arn:<partition>:iam::<account>:role/<path><name>.`,
      );
    }
  }
  if (sa.disableSessionTags && !(parts.associates || parts.trustsPods)) {
    problems.push(
      `${path("disableSessionTags")}: true applies to Pod Identity sessions, and identityType ${sa.identityType} has none; remove disableSessionTags.`,
    );
  }
  if ((parts.associates || parts.trustsPods) && sa.allowWildcardSubjects) {
    problems.push(
      `${path("allowWildcardSubjects")}: a Pod Identity association binds one named service account, so wildcards cannot apply with identityType ${sa.identityType}; name each service account.`,
    );
  }
  return problems;
};
