import { quote, type ProjectRule, type ServiceAccountRule } from "./rule";
import { secondsProblems } from "./seconds";
import { PARTITION_NAMES } from "../iam/partitions";
import { MAX_ROLE_NAME_LENGTH } from "../role-name";

const IAM_ROLE_NAME = /^[\w+=,.@-]+$/;
const IAM_PATH = /^\/([\x21-\x7e]*\/)?$/;
const PARTITION = `(${[...PARTITION_NAMES, "\\$\\{partition\\}"].join("|")})`;
export const POLICY_ARN = new RegExp(`^arn:${PARTITION}:iam::(\\d{12}|aws|\\$\\{accountId\\}):policy/[\\w+=,.@/-]+$`);

/** The prefix of derived role names. */
export const roleNamePrefix: ProjectRule = ({ options }) =>
  !/^[\w+=,.@-]{0,32}$/.test(options.roleNamePrefix ?? "")
    ? [
        `roleNamePrefix: ${quote(options.roleNamePrefix)} cannot start an IAM role name; use at most 32 letters, digits or '+=,.@_-'.`,
      ]
    : [];

/** The role's name, path, permissions boundary and session duration. */
export const iamRole: ServiceAccountRule = ({ serviceAccount: sa, given, path }) => {
  const problems: string[] = [];
  // A derived role name is valid whenever its parts are: only a given one needs checking.
  if (
    given?.roleName !== undefined &&
    (sa.roleName.length > MAX_ROLE_NAME_LENGTH || !IAM_ROLE_NAME.test(sa.roleName))
  ) {
    problems.push(
      `${path("roleName")}: ${quote(sa.roleName)} is not a valid IAM role name; use 1 to ${MAX_ROLE_NAME_LENGTH} letters, digits or '+=,.@_-' (leave roleName out for a derived name).`,
    );
  }
  if (sa.rolePath.length > 512 || !IAM_PATH.test(sa.rolePath)) {
    problems.push(
      `${path("rolePath")}: ${quote(sa.rolePath)} is not a valid IAM path; it starts and ends with '/', for example "/" or "/workloads/".`,
    );
  }
  if (sa.permissionsBoundaryArn !== undefined && !POLICY_ARN.test(sa.permissionsBoundaryArn)) {
    problems.push(
      `${path("permissionsBoundaryArn")}: ${quote(sa.permissionsBoundaryArn)} is not a managed policy ARN; expected arn:<partition>:iam::<account>:policy/<name>.`,
    );
  }
  // IAM CreateRole: MaxSessionDuration 3600 to 43200.
  problems.push(...secondsProblems(path("maxSessionDuration"), sa.maxSessionDuration, 3600, 43200, "IAM"));
  return problems;
};
