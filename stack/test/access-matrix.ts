/**
 * The access matrix of a workload: every action and resource its role's policies name, each with the verdict of
 * the IAM engine for a pod of the workload, and who may assume the role. `npx projen plan` prints it; the README
 * shows the same rows, rendered from the settings at synth, and test/readme-access.test.ts checks they agree.
 */
import { checkPermissions, checkTrust, sessionRoleOf, type Verdict } from "./access";
import type { WorkloadAccess } from "../src/access-model";
import type { PolicyDocument, PolicyStatement } from "../src/trust-policy";

export interface MatrixRow {
  /** The policy: the inline policy's name, or the managed policy's ARN. */
  policy: string;
  kind: "inline" | "managed";
  /** `Sid <sid>`, or `#<1-based index>` for a statement without one. */
  statement: string;
  effect: "Allow" | "Deny";
  action: string;
  resource: string;
  verdict: Verdict;
  /** What decided the verdict. */
  reason: string;
}

/** Statements with more (action, resource) pairs than this show as one summary row. */
export const MAX_ROWS_PER_STATEMENT = 12;

const list = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/**
 * The (action, resource) pairs a statement names, as written. NotAction/NotResource statements name what they
 * exclude: they decide verdicts but give no rows. Statements naming more than MAX_ROWS_PER_STATEMENT pairs give
 * their first ones.
 */
export function namedPairs(
  document: PolicyDocument,
): { statement: PolicyStatement; label: string; pairs: [string, string][] }[] {
  return document.Statement.map((statement, index) => {
    const label = statement.Sid ? `Sid ${statement.Sid}` : `#${index + 1}`;
    const actions = list(statement.Action);
    const resources = list(statement.Resource);
    const pairs = actions.flatMap((action) => resources.map((resource): [string, string] => [action, resource]));
    return { statement, label, pairs: pairs.slice(0, MAX_ROWS_PER_STATEMENT) };
  });
}

/**
 * The rows of a workload, policy by policy of the role whose session its pods get; a policy the stack cannot read
 * (an existing role's, a target role's not in this stack) gives one "unknown" row.
 */
export function matrixRows(workload: WorkloadAccess): MatrixRow[] {
  const role = sessionRoleOf(workload);
  const policies = role?.policies ?? [{ name: workload.targetRole!.arn, kind: "managed" as const }];
  return policies.flatMap((policy): MatrixRow[] => {
    if (!policy.document) {
      const reason = "unknown: not evaluated (document not in this stack)";
      return [
        {
          policy: policy.name,
          kind: policy.kind,
          statement: "-",
          effect: "Allow",
          action: "-",
          resource: "-",
          verdict: "unknown",
          reason,
        },
      ];
    }
    return namedPairs(policy.document).flatMap(({ statement, label, pairs }) =>
      pairs.map(([action, resource]) => {
        const { verdict, reason } = checkPermissions(workload, action, resource);
        return {
          policy: policy.name,
          kind: policy.kind,
          statement: label,
          effect: statement.Effect,
          action,
          resource,
          verdict,
          reason,
        };
      }),
    );
  });
}

/** The values a trust statement's conditions require of `key` (any operator), or "any" when none do. */
function required(statement: PolicyStatement, key: (conditionKey: string) => boolean): string {
  const values = Object.values(statement.Condition ?? {}).flatMap((byKey) =>
    Object.entries(byKey).flatMap(([k, v]) => (key(k) ? list(v) : [])),
  );
  return values.length > 0 ? values.join(" or ") : "any";
}

/**
 * Who the role's trust policy admits, statement by statement, as its principals and conditions name them:
 * IRSA providers with their subjects and audiences, Pod Identity with the namespaces, service accounts and clusters
 * its session-tag conditions require ("any" where none does).
 */
export function assumableBy(workload: WorkloadAccess): string[] {
  if (!workload.role.trustPolicy) {
    return ["unknown: an existing role (existingRoleArn), whose trust policy is its owner's, not in this stack"];
  }
  return workload.role.trustPolicy.Statement.filter((s) => s.Effect === "Allow").map((s) => {
    const federated = list(s.Principal?.Federated);
    if (federated.length > 0) {
      return (
        `tokens of ${federated.join(", ")}: sub ${required(s, (k) => k.endsWith(":sub"))}, ` +
        `aud ${required(s, (k) => k.endsWith(":aud"))}`
      );
    }
    const tag = (name: string) => required(s, (k) => k === `aws:RequestTag/${name}`);
    return (
      `${list(s.Principal?.Service).join(", ") || "principals"}: namespace ${tag("kubernetes-namespace")}, ` +
      `service account ${tag("kubernetes-service-account")}, ` +
      `cluster ${[tag("eks-cluster-name"), tag("eks-cluster-arn")].filter((c) => c !== "any").join(" / ") || "any"}, ` +
      `account ${required(s, (k) => k === "aws:SourceAccount")}`
    );
  });
}

/** The matrix of a workload as plain text lines (for `npx projen plan`). */
export function matrixText(workload: WorkloadAccess): string[] {
  const trust = checkTrust(workload);
  const binding = workload.binding ?? "role only (roleOnly): bound by its owner";
  const target = workload.targetRole ? `, then target role ${workload.targetRole.arn}` : "";
  const verdict = trust.allowed === undefined ? "unknown" : trust.allowed ? "yes" : "NO";
  return [
    `${workload.key} (${binding}) → role ${workload.role.name}${target}`,
    ...assumableBy(workload).map((who) => `  assumable by ${who}`),
    `  its pods: ${verdict}: ${trust.explanation}`,
    ...matrixRows(workload).map((r) => {
      const named = `${r.policy}, ${r.statement}`;
      const why = r.reason === `allowed by ${named}` ? "" : `: ${r.reason}`;
      return `  ${r.verdict.padEnd(7)} ${r.action} on ${r.resource}  (${named}${why})`;
    }),
  ];
}
