/**
 * What each pod of the stack may do in AWS, answered from the program's registrations under the mocks
 * (src/access-model.ts) by a real IAM policy evaluation engine (test/access-engine.ts).
 *
 * In a test, after the program ran under `startMocks` (see test/index.test.ts):
 *   expect(await access("shop/orders-api").can("s3:GetObject", "arn:aws:s3:::orders/x")).toBe(true);
 * `npx projen can-i` (test/can-i.ts) and `npx projen plan` print the same answers.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { evaluate, type EngineDecision, type NamedDocument, validateRequest } from "./access-engine";
import { ACCOUNT_ID, OIDC_PROVIDER_ARN, registrations, TEST_STACK_CONFIG } from "./pulumi-mocks";
import {
  buildAccessModel,
  type ClusterIdentity,
  type Credentials,
  POD_IDENTITY_SERVICE,
  type RegisteredResource,
  type WorkloadAccess,
} from "../src/access-model";
import { settings } from "../src/settings";
import type { PolicyDocument } from "../src/trust-policy";

/** The documents of the AWS managed policies the stack references, written at synth by `npx projen`. */
export const AWS_MANAGED_POLICIES_FILE = join(__dirname, "..", "src", "aws-managed-policies.json");
let awsManagedPolicies: Record<string, PolicyDocument> | undefined;
function managedPolicyDocuments(): Record<string, PolicyDocument> {
  awsManagedPolicies ??= JSON.parse(readFileSync(AWS_MANAGED_POLICIES_FILE, "utf-8")).policies;
  return awsManagedPolicies!;
}

/** The cluster of the stack config `config`, as the mocks answer for it (account, region, partition). */
export function clusterOf(config: Record<string, string> = TEST_STACK_CONFIG): ClusterIdentity {
  const clusterName = config.clusterName ?? TEST_STACK_CONFIG.clusterName;
  return {
    // Other sources read the provider from the cluster or another stack, which the mocks answer with this one.
    oidcProviderArn:
      settings.oidcProviderSource === "STACK_CONFIG" && config.oidcProviderArn
        ? config.oidcProviderArn
        : OIDC_PROVIDER_ARN,
    clusterName,
    clusterArn: `arn:aws:eks:us-east-1:${ACCOUNT_ID}:cluster/${clusterName}`,
    accountId: ACCOUNT_ID,
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
  allowed: boolean;
  /** One line: what the pod presents and which statement let it in, or why not. */
  explanation: string;
}

const describeCredentials = (c: Credentials): string =>
  c.kind === "IRSA"
    ? `token of ${c.oidcProviderArn} with aud ${c.audience}, sub ${c.subject}`
    : `Pod Identity session of ${c.sessionTags["kubernetes-namespace"]}/${c.sessionTags["kubernetes-service-account"]} in cluster ${c.sessionTags["eks-cluster-name"]} (account ${c.sourceAccount})`;

/** The requests a pod's credentials make to assume the role: one for IRSA, AssumeRole and TagSession for Pod Identity. */
function trustRequests(role: WorkloadAccess["role"], c: Credentials) {
  const common = { resource: role.arn, resourceAccount: role.accountId, resourcePolicy: role.trustPolicy };
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

/** Whether `credentials` (by default the workload's own) may assume the workload's role. */
export function checkTrust(workload: WorkloadAccess, credentials: Credentials = workload.credentials): TrustAnswer {
  const decisions = trustRequests(workload.role, credentials).map((request) => ({
    action: request.action,
    decision: evaluate(request, `trust policy of ${workload.role.name}`),
  }));
  const refused = decisions.find((d) => d.decision.result !== "Allowed");
  const presented = describeCredentials(credentials);
  if (!refused) {
    const by = [...new Set(decisions.flatMap((d) => d.decision.statements))].join("; ");
    return { allowed: true, explanation: `${presented}: may assume role ${workload.role.name} (${by})` };
  }
  return {
    allowed: false,
    explanation: `${presented}: may not assume role ${workload.role.name}: ${refused.action} ${whyNotTrusted(refused.decision)}`,
  };
}

/** A role's trust alone decides who may assume it: the OIDC provider or the EKS service has no identity policies. */
function whyNotTrusted(decision: EngineDecision): string {
  if (decision.result === "ExplicitlyDenied") return `explicitly denied by ${decision.statements.join("; ")}`;
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

/** The identity request of a session of the workload's role: its principal and what the session carries. */
function identityRequest(workload: WorkloadAccess, action: string, resource: string, context: Record<string, string>) {
  const { role, credentials } = workload;
  const principalTags =
    credentials.kind === "POD_IDENTITY"
      ? Object.fromEntries(Object.entries(credentials.sessionTags).map(([k, v]) => [`aws:PrincipalTag/${k}`, v]))
      : {};
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
  const { role } = workload;
  const known = role.policies.flatMap((p): NamedDocument[] =>
    p.document ? [{ name: p.name, document: p.document }] : [],
  );
  const unknown = role.policies.filter((p) => p.document === undefined).map((p) => p.name);
  const boundary = role.permissionsBoundary;
  const decision = evaluate({
    ...identityRequest(workload, action, resource, context),
    identityPolicies: known,
    permissionsBoundary: boundary?.document ? { name: boundary.name, document: boundary.document } : undefined,
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
  return { verdict: "no", reason: `implicitly denied: ${decision.missingAllow.join("; ")}` };
}

/** The workload of `key` (`<namespace>/<name>`), or an error listing the ones the program binds. */
export function findWorkload(key: string, model: WorkloadAccess[] = accessModel()): WorkloadAccess {
  const found = model.find((w) => w.key === key);
  if (!found) {
    const known = model.map((w) => w.key).join(", ") || "none";
    throw new Error(`No service account ${key} is bound to a role by this stack. Bound service accounts: ${known}.`);
  }
  return found;
}

/** The whole answer: the trust step, then the permissions; the engine's validation refuses a malformed request. */
export async function answer(
  workload: WorkloadAccess,
  action: string,
  resource = "*",
  context: Record<string, string> = {},
): Promise<AccessAnswer> {
  const invalid = await validateRequest(action, resource, workload.role.accountId);
  if (invalid) throw new Error(`The IAM engine refuses ${action} on ${resource}: ${invalid}.`);
  const trust = checkTrust(workload);
  if (!trust.allowed) {
    return { verdict: "no", reason: "its credentials cannot assume the role", trust: trust.explanation };
  }
  return { ...checkPermissions(workload, action, resource, context), trust: trust.explanation };
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
    answer(findWorkload(key), action, resource, context);
  return {
    explain,
    async can(action, resource, context) {
      const result = await explain(action, resource, context);
      if (result.verdict === "unknown") throw new Error(`${key} ${action} ${resource ?? "*"}: ${result.reason}`);
      return result.verdict === "yes";
    },
  };
}
