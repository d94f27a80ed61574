import { quote, type ServiceAccountRule } from "./rule";
import { PARTITION_NAMES } from "../iam/partitions";

/** An IAM role ARN: `arn:<partition>:iam::<account>:role/<path><name>`, in any partition the stack knows. */
export const ROLE_ARN = new RegExp(
  `^arn:(${PARTITION_NAMES.join("|")}):iam::\\d{12}:role\\/([\\x21-\\x7e]*\\/)?[\\w+=,.@-]{1,64}$`,
);

/** The options that shape a role the stack creates: meaningless with an existing role. */
const ROLE_SHAPING_OPTIONS = [
  "roleName",
  "rolePath",
  "permissionsBoundaryArn",
  "maxSessionDuration",
  "tags",
  "managedPolicyArns",
  "policyStatements",
  "addonPolicies",
  "allowWildcardSubjects",
] as const;

/** roleOnly (a role, no binding) and existingRoleArn (a binding, no role) each leave out what the other keeps. */
// Stryker disable next-line ObjectLiteral: equivalent, the default has none of the fields read from `given`, nor has {}
export const roleSource: ServiceAccountRule = ({ serviceAccount: sa, given = { name: sa.name }, path }) => {
  const problems: string[] = [];
  if (sa.roleOnly) {
    if (sa.existingRoleArn !== undefined) {
      problems.push(
        `${path("roleOnly")}: true creates a role without binding it, and existingRoleArn binds a role without creating one; keep one of them.`,
      );
    }
    if (given.createServiceAccount === true) {
      problems.push(
        `${path("createServiceAccount")}: true with roleOnly would create an account that nothing binds; the chart that owns the account creates it: remove createServiceAccount.`,
      );
    }
    if (sa.exampleDeployment) {
      problems.push(
        `${path("exampleDeployment")}: the example pods would get no credentials, since roleOnly binds nothing; remove exampleDeployment.`,
      );
    }
  }
  if (sa.existingRoleArn === undefined) {
    return problems;
  }
  if (!ROLE_ARN.test(sa.existingRoleArn)) {
    problems.push(
      `${path("existingRoleArn")}: ${quote(sa.existingRoleArn)} is not an IAM role ARN; expected arn:<partition>:iam::<account>:role/<path><name>, for example arn:aws:iam::123456789012:role/orders-api.`,
    );
  }
  const shaping = ROLE_SHAPING_OPTIONS.filter((option) => given[option] !== undefined);
  if (shaping.length > 0) {
    problems.push(
      `${path("existingRoleArn")}: the stack binds this role and never changes it, so ${shaping.join(", ")} would be ignored; remove ${shaping.length > 1 ? "them" : "it"}, or leave existingRoleArn out to let the stack create the role.`,
    );
  }
  return problems;
};
