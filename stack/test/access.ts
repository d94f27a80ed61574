/**
 * What each pod of the stack may do in AWS, answered from the program's registrations under the mocks
 * (src/access-model.ts) by a real IAM policy evaluation engine (test/access-engine.ts).
 *
 * In a test, after the program ran under `startMocks` (see test/index.test.ts):
 *   expect(await access("shop/orders-api").can("s3:GetObject", "arn:aws:s3:::orders/x")).toBe(true);
 * `npx projen can-i` (test/can-i.ts) and `npx projen plan` print the same answers.
 */
import { readFileSync } from "fs";
import {
  type EngineDecision,
  type EngineRequest,
  evaluate,
  type NamedDocument,
  validateRequest,
} from "./access-engine";
import { mockedAccount, oidcProviderArnIn, registrations, TEST_STACK_CONFIG } from "./pulumi-mocks";
import { AWS_MANAGED_POLICIES_FILE } from "./stack-files";
import {
  buildAccessModel,
  type ClusterIdentity,
  type Credentials,
  POD_IDENTITY_SERVICE,
  type PodIdentitySession,
  type RegisteredResource,
  type RoleAccess,
  type WorkloadAccess,
} from "../src/access-model";
import { settings } from "../src/settings";
import type { PolicyDocument } from "../src/trust-policy";

/** The documents of the AWS managed policies the stack references, written at synth by `npx projen`. */
let awsManagedPolicies: Record<string, PolicyDocument> | undefined;
function managedPolicyDocuments(): Record<string, PolicyDocument> {
  awsManagedPolicies ??= JSON.parse(readFileSync(AWS_MANAGED_POLICIES_FILE, "utf-8")).policies;
  return awsManagedPolicies!;
}

/** The cluster of the stack config `config`, as the mocks answer for it (account, region, partition). */
export function clusterOf(config: Record<string, string> = TEST_STACK_CONFIG): ClusterIdentity {
  const clusterName = config.clusterName ?? TEST_STACK_CONFIG.clusterName;
  const { accountId, partition, region } = mockedAccount();
  return {
    // Other sources read the provider from the cluster or another stack, which the mocks answer with theirs.
    oidcProviderArn:
      settings.oidcProviderSource === "STACK_CONFIG" && config.oidcProviderArn
        ? config.oidcProviderArn
        : oidcProviderArnIn(partition, accountId),
    clusterName,
    clusterArn: `arn:${partition}:eks:${region}:${accountId}:cluster/${clusterName}`,
    accountId,
  };
}

/** Every workload of what the program registered so far, in `cluster`. */
export function accessModel(
  cluster: ClusterIdentity = clusterOf(),
  registered: RegisteredResource[] = registrations(),
): WorkloadAccess[] {
  return buildAccessModel(registered, cluster, managedPolicyDocuments());
}

export interface TrustAnswer {
  /** Undefined when the model cannot know: the trust policy is not this stack's (an existing or target role). */
  allowed: boolean | undefined;
  /** One line: what the pod presents and which statement let it in, or why not, or why it is unknown. */
  explanation: string;
}

const describeCredentials = (c: Credentials): string =>
  c.kind === "IRSA"
    ? `token of ${c.oidcProviderArn} with aud ${c.audience}, sub ${c.subject}`
    : Object.keys(c.sessionTags).length > 0
      ? `Pod Identity session of ${c.sessionTags["kubernetes-namespace"]}/${c.sessionTags["kubernetes-service-account"]} in cluster ${c.sessionTags["eks-cluster-name"]} (account ${c.sourceAccount})`
      : `untagged Pod Identity session (disableSessionTags) from account ${c.sourceAccount}, external ID ${c.externalId}`;

/** The requests a pod's credentials make to assume the role: one for IRSA, AssumeRole and TagSession for Pod Identity. */
function trustRequests(role: WorkloadAccess["role"], c: Credentials) {
  const common = { resource: role.arn, resourceAccount: role.accountId, resourcePolicy: role.trustPolicy! };
  if (c.kind === "IRSA") {
    return [
      {
        ...common,
        principal: c.oidcProviderArn,
        action: "sts:AssumeRoleWithWebIdentity",
        context: {
          [`${c.issuer}:aud`]: c.audience,
          [`${c.issuer}:sub`]: c.subject,
          "aws:FederatedProvider": c.oidcProviderArn,
        },
      },
    ];
  }
  const context = {
    ...Object.fromEntries(Object.entries(c.sessionTags).map(([k, v]) => [`aws:RequestTag/${k}`, v])),
    "aws:TagKeys": Object.keys(c.sessionTags),
    "aws:SourceAccount": c.sourceAccount,
    "aws:SourceArn": c.sourceArn,
  };
  return ["sts:AssumeRole", "sts:TagSession"].map((action) => ({
    ...common,
    principal: POD_IDENTITY_SERVICE,
    action,
    context,
  }));
}

/**
 * The requests EKS makes, with the credentials of the association's role (`source`), to assume the target role for
 * a pod: the session tags passed on (transitive), or the association's external ID without them; across accounts
 * both the source role's policies and the target's trust must allow (EKS User Guide, pod-id-assign-target-role).
 */
function targetRoleRequests(source: RoleAccess, target: RoleAccess, c: PodIdentitySession) {
  const tags = c.sessionTags;
  const tagged = Object.keys(tags).length > 0;
  const context: Record<string, string | string[]> = {
    ...Object.fromEntries(Object.entries(tags).map(([k, v]) => [`aws:RequestTag/${k}`, v])),
    ...(tagged ? { "aws:TagKeys": Object.keys(tags) } : { "sts:ExternalId": c.externalId }),
    "aws:PrincipalArn": source.arn,
    // The calling session's own principal tags: its role's tags and the session tags (a boundary or a Deny of the
    // source role may test them).
    ...principalTagsOf(source, tags),
  };
  // The association's role makes the call: its identity policies and its permissions boundary must allow it.
  const { known, boundary } = knownPolicies(source);
  return ["sts:AssumeRole", "sts:TagSession"].map((action) => ({
    principal: source.arn,
    action,
    resource: target.arn,
    resourceAccount: target.accountId,
    resourcePolicy: target.trustPolicy!,
    identityPolicies: known,
    permissionsBoundary: boundary,
    context,
  }));
}

/**
 * A role's policies as the engine takes them: the documents the stack knows, its boundary if known, and the names of
 * what it cannot know (a policy or boundary created elsewhere), which may deny or fail to allow.
 */
function knownPolicies(role: RoleAccess): { known: NamedDocument[]; boundary?: NamedDocument; unknown: string[] } {
  const known = role.policies.flatMap((p): NamedDocument[] =>
    p.document ? [{ name: p.name, document: p.document }] : [],
  );
  const unknownPolicies = role.policies.filter((p) => p.document === undefined).map((p) => p.name);
  const b = role.permissionsBoundary;
  return {
    known,
    boundary: b?.document ? { name: b.name, document: b.document } : undefined,
    unknown: [...unknownPolicies, ...(b && !b.document ? [b.name] : [])],
  };
}

/** Evaluates trust requests: allowed by which statements, or the first refused one and why. */
function decideTrust(requests: EngineRequest[], roleName: string, presented: string): TrustAnswer {
  const decisions = requests.map((request) => ({
    action: request.action,
    decision: evaluate(request, `trust policy of ${roleName}`),
  }));
  const refused = decisions.find((d) => d.decision.result !== "Allowed");
  if (!refused) {
    const by = [...new Set(decisions.flatMap((d) => d.decision.statements))].join("; ");
    return { allowed: true, explanation: `${presented}: may assume role ${roleName} (${by})` };
  }
  return {
    allowed: false,
    explanation: `${presented}: may not assume role ${roleName}: ${refused.action} ${whyNotTrusted(refused.decision)}`,
  };
}

/**
 * Whether `credentials` (by default the workload's own) may assume the workload's role, then its target role if it
 * has one. Unknown (allowed undefined) where a trust policy is not this stack's.
 */
export function checkTrust(workload: WorkloadAccess, credentials: Credentials = workload.credentials): TrustAnswer {
  const { role, targetRole } = workload;
  const presented = describeCredentials(credentials);
  if (!role.trustPolicy) {
    return {
      allowed: undefined,
      explanation: `${presented}: unknown whether it may assume role ${role.name}: an existing role (existingRoleArn), whose trust policy is its owner's, not in this stack`,
    };
  }
  const own = decideTrust(trustRequests(role, credentials), role.name, presented);
  if (!own.allowed || !targetRole || credentials.kind !== "POD_IDENTITY") return own;
  const target = checkTargetRoleTrust(workload, credentials);
  return { allowed: target.allowed, explanation: `${own.explanation}; ${target.explanation}` };
}

/**
 * The chained step alone (Pod Identity with targetRoleArn): whether EKS, with the workload's role, may assume the
 * target role for a pod presenting `credentials`; unknown when the target role is not in this stack.
 */
export function checkTargetRoleTrust(workload: WorkloadAccess, credentials: PodIdentitySession): TrustAnswer {
  const { role, targetRole } = workload;
  if (!targetRole?.role?.trustPolicy) {
    return {
      allowed: undefined,
      explanation: `unknown whether EKS may then assume target role ${targetRole?.arn}: its trust policy is not in this stack`,
    };
  }
  const decided = decideTrust(
    targetRoleRequests(role, targetRole.role, credentials),
    targetRole.role.name,
    `then EKS with role ${role.name}`,
  );
  // Allowed by what is known: a policy or boundary of the association's role that the stack cannot know may refuse.
  const { unknown } = knownPolicies(role);
  if (decided.allowed && unknown.length > 0) {
    return {
      allowed: undefined,
      explanation: `${decided.explanation}, unless ${unknown.join(", ")} of role ${role.name} refuses it (document not in this stack)`,
    };
  }
  return decided;
}

/**
 * Why a request to assume a role was refused: by its trust policy, or, when a role assumes it (a target role), by
 * that role's policies or boundary (the OIDC provider and the EKS service have none).
 */
function whyNotTrusted(decision: EngineDecision): string {
  if (decision.result === "ExplicitlyDenied") return `explicitly denied by ${decision.statements.join("; ")}`;
  const byRole = decision.missingAllow.filter((m) => !m.startsWith("the trust policy"));
  if (byRole.length > 0 && byRole.length === decision.missingAllow.length) {
    return `not allowed by the assuming role: ${byRole.join("; ")}`;
  }
  return `not allowed by its trust policy (${decision.unmatched.join("; ") || "no statement"})`;
}

export type Verdict = "yes" | "no" | "unknown";

export interface AccessAnswer {
  verdict: Verdict;
  /** The statement that decided it, or why nothing did. */
  reason: string;
  /** The trust step: how the pod gets the role's credentials. */
  trust: string;
}

/**
 * The role whose session a pod of the workload gets: its own, or the target role's (Pod Identity with
 * targetRoleArn), which is unknown here unless the program registers it.
 */
export function sessionRoleOf(workload: WorkloadAccess): RoleAccess | undefined {
  if (!workload.targetRole || workload.credentials.kind !== "POD_IDENTITY") return workload.role;
  return workload.targetRole.role;
}

/**
 * The `aws:PrincipalTag/<key>` keys of a session of `role`: the role's tags, then the session tags, which win on a
 * conflict (IAM User Guide, "Passing session tags in AWS STS").
 */
function principalTagsOf(role: RoleAccess, sessionTags: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries({ ...role.tags, ...sessionTags }).map(([k, v]) => [`aws:PrincipalTag/${k}`, v]),
  );
}

/** The identity request of a session of the workload's role: its principal and what the session carries. */
function identityRequest(
  workload: WorkloadAccess,
  role: RoleAccess,
  action: string,
  resource: string,
  context: Record<string, string>,
) {
  const { credentials } = workload;
  // A target role's session gets the Pod Identity tags too (transitive).
  const principalTags = principalTagsOf(role, credentials.kind === "POD_IDENTITY" ? credentials.sessionTags : {});
  // Resources without an account in their ARN (S3 buckets) are taken as the role's account.
  const resourceAccount = /^arn:[^:]*:[^:]*:[^:]*:(\d{12}):/.exec(resource)?.[1] ?? role.accountId;
  return {
    principal: `arn:${role.partition}:sts::${role.accountId}:assumed-role/${role.name}/can-i`,
    action,
    resource,
    resourceAccount,
    context: {
      "aws:PrincipalArn": role.arn,
      "aws:PrincipalAccount": role.accountId,
      ...principalTags,
      ...context,
    },
  };
}

/**
 * Whether a pod of the workload may do `action` on `resource` with its role's permissions: the inline and managed
 * policies and the permissions boundary. A policy whose document the stack cannot know (a customer managed policy
 * created elsewhere) makes the answer "unknown" wherever it could change it.
 */
export function checkPermissions(
  workload: WorkloadAccess,
  action: string,
  resource = "*",
  context: Record<string, string> = {},
): Omit<AccessAnswer, "trust"> {
  const role = sessionRoleOf(workload);
  if (!role) {
    return {
      verdict: "unknown",
      reason: `unknown: its pods get the credentials of target role ${workload.targetRole!.arn}, whose policies are not in this stack`,
    };
  }
  const { known, boundary: knownBoundary } = knownPolicies(role);
  const unknown = role.policies.filter((p) => p.document === undefined).map((p) => p.name);
  const boundary = role.permissionsBoundary;
  const decision = evaluate({
    ...identityRequest(workload, role, action, resource, context),
    identityPolicies: known,
    permissionsBoundary: knownBoundary,
  });
  const notEvaluated = (names: string[]) => `unknown: not evaluated: ${names.join(", ")} (document not in this stack)`;
  if (decision.result === "ExplicitlyDenied") {
    return { verdict: "no", reason: `explicitly denied by ${decision.statements.join("; ")}` };
  }
  if (decision.result === "Allowed") {
    // An unknown policy may deny it, an unknown boundary may not allow it.
    const unknownGates = [...unknown, ...(boundary && !boundary.document ? [boundary.name] : [])];
    if (unknownGates.length > 0) return { verdict: "unknown", reason: notEvaluated(unknownGates) };
    return { verdict: "yes", reason: `allowed by ${decision.statements.join("; ")}` };
  }
  // Not allowed by what is known: a boundary cannot grant, but an unknown identity policy may.
  if (unknown.length > 0) return { verdict: "unknown", reason: notEvaluated(unknown) };
  return {
    verdict: "no",
    reason: `implicitly denied: ${decision.missingAllow.join("; ") || "no statement allows it"}`,
  };
}

/**
 * The workloads of `key` (`<namespace>/<name>`): one per credential path (IRSA first, then Pod Identity), or an
 * error listing the service accounts the program has a role for.
 */
export function findWorkloads(key: string, model: WorkloadAccess[] = accessModel()): WorkloadAccess[] {
  const found = model.filter((w) => w.key === key);
  if (found.length === 0) {
    const known = [...new Set(model.map((w) => w.key))].join(", ") || "none";
    throw new Error(`No service account ${key} is bound to a role by this stack. Bound service accounts: ${known}.`);
  }
  return found;
}

/** What a role-only workload's answers rest on: credentials of a binding this stack does not make. */
const ROLE_ONLY_NOTE = "role only (roleOnly): once its owner binds it";

/** The whole answer: the trust step, then the permissions; the engine's validation refuses a malformed request. */
export async function answer(
  workload: WorkloadAccess,
  action: string,
  resource = "*",
  context: Record<string, string> = {},
): Promise<AccessAnswer> {
  const invalid = await validateRequest(action, resource, workload.role.accountId);
  if (invalid) throw new Error(`The IAM engine refuses ${action} on ${resource}: ${invalid}.`);
  const checked = checkTrust(workload);
  const trust = workload.binding ? checked.explanation : `${ROLE_ONLY_NOTE}, ${checked.explanation}`;
  if (checked.allowed === false) {
    return { verdict: "no", reason: "its credentials cannot assume the role", trust };
  }
  const permissions = checkPermissions(workload, action, resource, context);
  if (checked.allowed === undefined && permissions.verdict !== "no") {
    // No is no whatever the trust; yes holds only if the pod gets in, which is unknown.
    const permitted = permissions.reason.replace(/^unknown: /, "");
    return { verdict: "unknown", reason: `unknown: the trust is not known (permissions: ${permitted})`, trust };
  }
  return { ...permissions, trust };
}

/**
 * The answer for every credential path of an account (IRSA_AND_POD_IDENTITY has two): yes when a path gives yes
 * and none is unknown (a pod gets in by it), unknown when one is, else no; the trust names every path.
 */
export function combineAnswers(answers: AccessAnswer[]): AccessAnswer {
  if (answers.length === 1) return answers[0];
  const verdict: Verdict = answers.some((a) => a.verdict === "unknown")
    ? "unknown"
    : answers.some((a) => a.verdict === "yes")
      ? "yes"
      : "no";
  const decisive = answers.find((a) => a.verdict === verdict)!;
  return { verdict, reason: decisive.reason, trust: answers.map((a) => a.trust).join(" | ") };
}

export interface WorkloadAccessCheck {
  /** true for yes, false for no; throws for "unknown", so that a test never passes on a policy nobody evaluated. */
  can(action: string, resource?: string, context?: Record<string, string>): Promise<boolean>;
  /** The verdict, the deciding statement and the trust step. */
  explain(action: string, resource?: string, context?: Record<string, string>): Promise<AccessAnswer>;
}

/** What a pod of service account `key` (`<namespace>/<name>`) may do, from what the program registered. */
export function access(key: string): WorkloadAccessCheck {
  const explain = async (action: string, resource?: string, context?: Record<string, string>) =>
    combineAnswers(
      await Promise.all(findWorkloads(key).map((workload) => answer(workload, action, resource, context))),
    );
  return {
    explain,
    async can(action, resource, context) {
      const result = await explain(action, resource, context);
      if (result.verdict === "unknown") throw new Error(`${key} ${action} ${resource ?? "*"}: ${result.reason}`);
      return result.verdict === "yes";
    },
  };
}
