import { quote, type ServiceAccountRule } from "./rule";

// IAM JSON policy reference, "Sid": ASCII letters and digits, unique within the policy.
const SID = /^[A-Za-z0-9]+$/;

/** An action that names every action: `*`, or `*` for both the service and the name (`*:*`). */
const everyAction = (action: string) => /^\*(:\*)?$/.test(action);
/**
 * A resource that names every resource, or every one of an account: `*`, or an ARN whose partition is any or the
 * stack's and whose other parts are wildcards, empty or an account (`arn:*`, `arn:${partition}:*:*:*:*`,
 * `arn:${partition}:*:*:${accountId}:*`).
 */
const everyResource = (resource: string) =>
  resource === "*" ||
  resource === "arn:*" ||
  /^arn:(\*|\$\{partition\}|aws[a-z-]*)(:(\*|\$\{accountId\}|\d{12})?)*:\*$/.test(resource);

/** The statements of the role's inline policy, as a whole: each action, resource and condition has a rule of its own. */
export const policyStatements: ServiceAccountRule = ({ serviceAccount: sa, path }) => {
  const sids = new Map<string, number>();
  return sa.policyStatements.flatMap((statement, i) => {
    const at = `${path("policyStatements")}[${i}]`;
    const problems: string[] = [];
    if (statement.sid !== undefined) {
      if (!SID.test(statement.sid)) {
        problems.push(
          `${at}.sid: ${quote(statement.sid)} is not a valid statement id; IAM takes letters and digits only.`,
        );
      }
      const earlier = sids.get(statement.sid);
      if (earlier !== undefined) {
        problems.push(
          `${at}.sid: ${quote(statement.sid)} is already the id of policyStatements[${earlier}]; IAM wants each statement id once in a policy, so rename one.`,
        );
      }
      sids.set(statement.sid, i);
    }
    if (statement.actions.length === 0) {
      problems.push(`${at}.actions: the statement has no action; list at least one, such as "s3:GetObject".`);
    }
    if (statement.resources.length === 0) {
      problems.push(`${at}.resources: the statement has no resource; list the ARNs it applies to.`);
    }
    if (statement.resources.some((r) => r.trim() === "")) {
      problems.push(`${at}.resources: a resource is empty; list ARNs.`);
    }
    if (
      statement.effect === "Allow" &&
      statement.actions.some(everyAction) &&
      statement.resources.some(everyResource)
    ) {
      problems.push(
        `${at}: allowing every action ("*") on every resource ("*") is refused; grant the actions the workload needs on the resources it uses.`,
      );
    }
    return problems;
  });
};
