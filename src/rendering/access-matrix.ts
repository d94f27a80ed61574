import { markdownTable } from "./markdown-table";
import { awsManagedPolicyKey, type IamPolicyDocument } from "../access/aws-managed-policies";
import { evaluateIdentityRequest, type NamedDocument } from "../access/iam-engine";
import { addonDocumentsOf, managedPolicyArnsOf } from "../options/addon-policy-rules";
import { identityPartsOf } from "../options/identity-parts";
import type { ServiceAccountSettings } from "../options/stack-settings";

/**
 * The stack README's access matrix, from the settings: every action and resource a role's policies name, with the
 * IAM engine's verdict for a session of the role. The stack computes the same from what its program registers
 * (test/access-matrix.ts) and test/readme-access.test.ts checks that both agree, row for row.
 */

/** Statements with more (action, resource) pairs than this show their first ones (as test/access-matrix.ts). */
const MAX_ROWS_PER_STATEMENT = 12;
/** `${partition}` and `${accountId}` are resolved at deploy time; verdicts do not depend on their values. */
const TOKENS = { partition: "aws", accountId: "123456789012" };
const resolveTokens = (text: string): string =>
  text.replace(/\$\{(partition|accountId)\}/g, (_, key: keyof typeof TOKENS) => TOKENS[key]);

/** A policy as the matrix names it: `inline`, or the managed policy's ARN as the settings write it. */
interface MatrixPolicy {
  readonly name: string;
  /** Undefined when the stack cannot know it (a customer managed policy). */
  readonly document?: IamPolicyDocument;
}

const list = (value: unknown): string[] =>
  value === undefined ? [] : Array.isArray(value) ? (value as string[]) : [value as string];

/** The inline policy document of the settings' statements, as stack/src/inline-policy.ts builds it. */
function inlineDocument(sa: ServiceAccountSettings): IamPolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: sa.policyStatements.map((s) => {
      const condition: Record<string, Record<string, string[]>> = {};
      for (const c of s.conditions ?? []) condition[c.test] = { ...condition[c.test], [c.variable]: c.values };
      return {
        ...(s.sid ? { Sid: s.sid } : {}),
        Effect: s.effect,
        Action: s.actions,
        Resource: s.resources,
        ...(s.conditions?.length ? { Condition: condition } : {}),
      };
    }),
  };
}

/** As the stack's access model names an existing role's policies (stack/src/access-model.ts; a test keeps them equal). */
export const OWNER_POLICIES = "its owner's policies";

/**
 * The policies of the role whose session a pod gets: an existing role's are its owner's; with a target role
 * (Pod Identity only), the target role's, not in this stack; else the entry's (IRSA_AND_POD_IDENTITY: pods use
 * IRSA first, so its role's).
 */
function policiesOf(sa: ServiceAccountSettings, awsManaged: Record<string, IamPolicyDocument>): MatrixPolicy[] {
  const parts = identityPartsOf(sa);
  if (sa.existingRoleArn !== undefined) return [{ name: OWNER_POLICIES }];
  if (sa.targetRoleArn !== undefined && parts.associates && !parts.annotates) return [{ name: sa.targetRoleArn }];
  const managed = (arn: string): MatrixPolicy => {
    const key = awsManagedPolicyKey(arn);
    return { name: arn, document: key === undefined ? undefined : awsManaged[key] };
  };
  return [
    ...(sa.policyStatements.length > 0 ? [{ name: "inline", document: inlineDocument(sa) }] : []),
    // The entry's and its add-ons' managed policies, in the order the stack attaches them. The add-ons' own documents
    // are scoped by the stack's code at run time: `npx projen plan` shows their rows.
    ...managedPolicyArnsOf(sa).map(managed),
  ];
}

/**
 * The principal tags of a session of the entry's role, as the stack's test/access.ts gives them: the role's tags,
 * and, for Pod Identity with session tags, the namespace and service account tags EKS sets, which win on a conflict.
 * The cluster's tags are stack config, unknown at synth.
 */
function principalTags(sa: ServiceAccountSettings): Record<string, string> {
  const parts = identityPartsOf(sa);
  // The pods' first credentials: Pod Identity's only for a role that trusts pods and not the OIDC provider (a
  // role-only entry's too), as the stack's access model picks them.
  const session =
    parts.trustsPods && !parts.trustsOidc && !sa.disableSessionTags
      ? { "kubernetes-namespace": sa.namespace, "kubernetes-service-account": sa.name }
      : {};
  return Object.fromEntries(Object.entries({ ...sa.tags, ...session }).map(([k, v]) => [`aws:PrincipalTag/${k}`, v]));
}

/**
 * The session tags that only a deploy knows (the cluster's, the pod's): a verdict that depends on them is "unknown"
 * in the README; `npx projen plan` evaluates it with the stack's cluster. The stack's test/readme-access.test.ts
 * applies the same rule to the program's rows.
 */
const DEPLOY_TIME_TAGS =
  /aws:PrincipalTag\/(eks-cluster-arn|eks-cluster-name|kubernetes-pod-name|kubernetes-pod-uid)\b/;

/** Whether a row's verdict depends on DEPLOY_TIME_TAGS: its statement names one, or a Deny statement of the role does. */
function dependsOnDeployTimeTags(statement: unknown, policies: MatrixPolicy[]): boolean {
  const names = (s: unknown) => DEPLOY_TIME_TAGS.test(JSON.stringify(s));
  return (
    names(statement) ||
    policies.some((p) => p.document?.Statement.some((other) => other.Effect === "Deny" && names(other)))
  );
}

/** yes / no / unknown, with the same rules as the stack's test/access.ts checkPermissions. */
function verdictOf(
  sa: ServiceAccountSettings,
  policies: MatrixPolicy[],
  boundary: MatrixPolicy | undefined,
  action: string,
  resource: string,
): string {
  const resolve = (p: MatrixPolicy): NamedDocument => ({
    name: p.name,
    document: JSON.parse(resolveTokens(JSON.stringify(p.document))),
  });
  const known = policies.filter((p) => p.document !== undefined);
  const unknown = policies.filter((p) => p.document === undefined);
  const result = evaluateIdentityRequest({
    // The role's ARN and account, as the stack's test/access.ts gives a session of the role.
    context: {
      "aws:PrincipalArn": `arn:${TOKENS.partition}:iam::${TOKENS.accountId}:role${sa.rolePath}${sa.roleName}`,
      "aws:PrincipalAccount": TOKENS.accountId,
      ...principalTags(sa),
    },
    principal: `arn:aws:sts::${TOKENS.accountId}:assumed-role/${sa.roleName}/can-i`,
    action,
    resource: resolveTokens(resource),
    resourceAccount: /^arn:[^:]*:[^:]*:[^:]*:(\d{12}):/.exec(resolveTokens(resource))?.[1] ?? TOKENS.accountId,
    identityPolicies: known.map(resolve),
    permissionsBoundary: boundary?.document ? resolve(boundary) : undefined,
  });
  if (result === "ExplicitlyDenied") return "no";
  if (result === "Allowed") return unknown.length > 0 || (boundary && !boundary.document) ? "unknown" : "yes";
  return unknown.length > 0 ? "unknown" : "no";
}

const code = (text: string): string => `\`${text}\``;

/** The rows of one service account's role: verdict, action, resource, policy, statement. */
export function accessMatrixRows(
  sa: ServiceAccountSettings,
  awsManaged: Record<string, IamPolicyDocument>,
): string[][] {
  const policies = policiesOf(sa, awsManaged);
  const boundaryKey = sa.permissionsBoundaryArn && awsManagedPolicyKey(sa.permissionsBoundaryArn);
  const boundary = sa.permissionsBoundaryArn
    ? { name: sa.permissionsBoundaryArn, document: boundaryKey ? awsManaged[boundaryKey] : undefined }
    : undefined;
  return policies.flatMap((policy) => {
    if (!policy.document) {
      return [["unknown", "-", "-", code(policy.name), "not evaluated: document not in this stack"]];
    }
    return policy.document.Statement.flatMap((statement, index) => {
      const label = statement.Sid ? `Sid ${code(String(statement.Sid))}` : `#${index + 1}`;
      const pairs = list(statement.Action).flatMap((action) =>
        list(statement.Resource).map((resource) => [action, resource]),
      );
      return pairs
        .slice(0, MAX_ROWS_PER_STATEMENT)
        .map(([action, resource]) => [
          dependsOnDeployTimeTags(statement, policies)
            ? "unknown"
            : verdictOf(sa, policies, boundary, action, resource),
          code(action),
          code(resource),
          policy.name === "inline" ? "inline" : code(policy.name),
          label,
        ]);
    });
  });
}

/**
 * Who may assume the role, from the settings: the service accounts and where their credentials come from (IRSA
 * first, then Pod Identity); unknown for an existing role, whose trust policy is its owner's.
 */
export function assumableBy(sa: ServiceAccountSettings): string {
  if (sa.existingRoleArn !== undefined) {
    return `whoever its trust policy admits: unknown here, since the existing role ${code(sa.existingRoleArn)} (${code("existingRoleArn")}) and its trust policy are its owner's`;
  }
  const parts = identityPartsOf(sa);
  const accounts = [sa, ...sa.additionalServiceAccounts].map((ref) => code(`${ref.namespace}/${ref.name}`));
  const plural = accounts.length > 1 ? "s" : "";
  const paths: string[] = [];
  if (parts.trustsOidc) {
    paths.push(
      `the tokens of service account${plural} ${accounts.join(", ")} with audience ${code(sa.audience)}, ` +
        `from the cluster of config ${code("oidcProviderArn")} (and those of config ${code("additionalOidcProviderArns")}, if set)`,
    );
  }
  if (parts.trustsPods) {
    paths.push(
      sa.disableSessionTags
        ? `the EKS Pod Identity sessions of ${accounts.join(", ")}, and, session tags being disabled (${code("disableSessionTags")}), any other association's in the stack's account (${code("aws:SourceAccount")})`
        : `the EKS Pod Identity session${plural} of ${accounts.join(", ")} in the cluster of config ` +
            `${code("clusterName")}, from the stack's account (${code("aws:SourceAccount")})`,
    );
  }
  const bound = sa.roleOnly ? `, once its owner binds it (${code("roleOnly")})` : "";
  const target =
    sa.targetRoleArn !== undefined && parts.associates
      ? `; Pod Identity then chains to target role ${code(sa.targetRoleArn)}, whose trust and policies are not in this stack`
      : "";
  return `${paths.join("; and ")}${bound}${target}`;
}

/**
 * The add-ons whose own documents the matrix leaves out, in the order the stack creates their inline policies: the
 * stack's code scopes them at run time (src/addon-policies.ts), so only `npx projen plan` and `can-i` see them.
 * None where the pods' session is not the entry's role (an existing role, a target role).
 */
export function addonsOutsideMatrix(sa: ServiceAccountSettings): string[] {
  const parts = identityPartsOf(sa);
  if (sa.existingRoleArn !== undefined) return [];
  if (sa.targetRoleArn !== undefined && parts.associates && !parts.annotates) return [];
  return addonDocumentsOf(sa);
}

/**
 * The Markdown of one service account's role: its table, and the sentence naming the add-on policies the table
 * leaves out, which the stack's test/readme-access.test.ts reads.
 */
export function accessMatrixTable(sa: ServiceAccountSettings, awsManaged: Record<string, IamPolicyDocument>): string {
  const rows = accessMatrixRows(sa, awsManaged);
  const addons = addonsOutsideMatrix(sa);
  const table = rows.length > 0 ? markdownTable(["Verdict", "Action", "Resource", "Policy", "Statement"], rows) : "";
  const noRows = rows.length === 0 && addons.length === 0 ? "The role has no permission policies." : "";
  const scopedAtRunTime =
    "(one inline policy each, whose published documents the stack's code scopes at run time): " +
    `${code("npx projen plan")} prints their rows, ${code("npx projen can-i")} evaluates them.`;
  const named = `the add-on policies ${addons.map(code).join(", ")} ${scopedAtRunTime}`;
  const outside =
    addons.length === 0 ? "" : rows.length > 0 ? `Not in this table: ${named}` : `Its permissions are ${named}`;
  return [table, noRows, outside].filter((part) => part !== "").join("\n\n");
}
