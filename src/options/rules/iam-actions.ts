import { quote, type ServiceAccountRule } from "./rule";
import { closestMatch } from "../closest-match";
import { actionNames, serviceName, servicePrefixes } from "../iam/iam-catalog";

const ACTION = /^([^:]+):(.+)$/;

/**
 * The actions of the inline policy, against IAM's catalog: the service prefix and the action name are
 * matched case-insensitively, as IAM does; a wildcard (`*`, `?`) must match at least one action.
 */
export const iamActions: ServiceAccountRule = ({ serviceAccount: sa, path }) =>
  sa.policyStatements.flatMap((statement, i) =>
    statement.actions.flatMap((action) => {
      const problem = actionProblem(action);
      return problem ? [`${path("policyStatements")}[${i}].actions: ${problem}`] : [];
    }),
  );

function actionProblem(action: string): string | undefined {
  if (action === "*") {
    return undefined;
  }
  const parts = ACTION.exec(action);
  if (!parts) {
    return `${quote(action)} is not an IAM action; write service:Action, such as "s3:GetObject".`;
  }
  const [, prefix, name] = parts;
  const services = servicePrefixes().filter((service) => globMatches(prefix, service));
  if (services.length === 0) {
    const suggestion = closestMatch(prefix, servicePrefixes());
    const hint = suggestion
      ? `did you mean ${quote(`${suggestion}:${name}`)}?`
      : "write the prefix of the service, such as s3 or dynamodb.";
    return `${quote(action)}: ${quote(prefix)} is not a service prefix in IAM's catalog; ${hint}`;
  }
  const names = services.flatMap((service) => actionNames(service));
  if (names.some((candidate) => globMatches(name, candidate))) {
    return undefined;
  }
  const where = services.length === 1 ? `${services[0]} (${serviceName(services[0])})` : prefix;
  if (/[*?]/.test(name)) {
    return `${quote(action)} matches no action of ${where} in IAM's catalog; correct the pattern, or list the actions.`;
  }
  const suggestion = closestMatch(name, names);
  const hint = suggestion
    ? `did you mean ${quote(`${services[0]}:${suggestion}`)}?`
    : "see the service's actions in the Service Authorization Reference.";
  return `${quote(action)} is not an action of ${where} in IAM's catalog; ${hint}`;
}

/** IAM's matching of action names: case-insensitive, `*` for any text, `?` for one character. */
function globMatches(pattern: string, name: string): boolean {
  const regex = pattern
    .split(/([*?])/)
    .map((piece) => (piece === "*" ? ".*" : piece === "?" ? "." : piece.replace(/[.+^${}()|[\]\\-]/g, "\\$&")))
    .join("");
  return new RegExp(`^${regex}$`, "i").test(name);
}
