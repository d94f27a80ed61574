/**
 * The IAM policy evaluation engine of the access model: @cloud-copilot/iam-simulate, loaded once per process
 * (per test file under jest). Nothing here decides access itself; it builds the engine's request and names
 * the statement the engine's analysis says decided it.
 *
 * Requests go to the engine's core `authorize`, as its exported `runUnsafeSimulation` does, because:
 * - its validated `runSimulation` drops every condition key the Service Authorization Reference does not list
 *   for the action, and an EKS cluster's `<issuer>:aud` / `<issuer>:sub` keys are not listed for
 *   `sts:AssumeRoleWithWebIdentity`, so no IRSA trust policy could ever allow;
 * - `runUnsafeSimulation` returns only the verdict, not the analysis that names the deciding statement, and fails
 *   on a resource policy (it loads it without the name the analysis reads).
 * `validateRequest` still runs `runSimulation` to refuse an unknown action or a resource of the wrong type.
 */
import { dirname, join } from "path";
import {
  getDenialReasons,
  getGrantReasons,
  type RequestAnalysis,
  type RequestDenial,
  type RequestGrant,
  runSimulation,
} from "@cloud-copilot/iam-simulate";
import type { PolicyDocument } from "../src/trust-policy";

/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */
// The package's exports name only its index: its own files are reached by path (the version is pinned exactly).
const ENGINE_DIR = dirname(require.resolve("@cloud-copilot/iam-simulate"));
const core: { authorize(request: any): RequestAnalysis } = require(
  join(ENGINE_DIR, "core_engine/CoreSimulatorEngine.js"),
);
const { AwsRequestImpl } = require(join(ENGINE_DIR, "request/request.js"));
const { RequestContextImpl } = require(join(ENGINE_DIR, "requestContext.js"));
const { DiscoveryContextKeyConstraints } = require(join(ENGINE_DIR, "context_keys/discoveryContextKeyConstraints.js"));
// The engine's own policy parser, resolved from the engine, whose dependency it is.
const { loadPolicy } = require(require.resolve("@cloud-copilot/iam-policy", { paths: [ENGINE_DIR] }));
/* eslint-enable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */

export interface NamedDocument {
  name: string;
  document: PolicyDocument;
}

export interface EngineRequest {
  principal: string;
  action: string;
  resource: string;
  /** The resource's account. */
  resourceAccount: string;
  context: Record<string, string | string[]>;
  identityPolicies?: NamedDocument[];
  permissionsBoundary?: NamedDocument;
  resourcePolicy?: PolicyDocument;
}

export type EngineResult = "Allowed" | "ExplicitlyDenied" | "ImplicitlyDenied";

export interface EngineDecision {
  result: EngineResult;
  /** The statements that decided it: the allowing ones, or the denying ones for an explicit deny. */
  statements: string[];
  /** For an implicit deny: which kind of policy did not allow (identity, boundary, resource policy). */
  missingAllow: string[];
  /** For an implicit deny: the resource policy's Allow statements and what of each did not match. */
  unmatched: string[];
}

/* eslint-disable @typescript-eslint/no-explicit-any */
/** What of a statement did not match, from the engine's explain of it. */
function mismatchOf(explain: any): string {
  const parts: string[] = [];
  if (explain.actionMatch === false) parts.push("action");
  if (explain.principalMatch === "NoMatch") parts.push("principal");
  if (explain.resourceMatch === false) parts.push("resource");
  for (const condition of explain.conditions ?? []) {
    if (condition.matches) continue;
    const values = [condition.values ?? []].flat().map((v: any) => v.value);
    const why = condition.failedBecauseMissing ? "missing from the request" : "not matched";
    parts.push(`${condition.operator} ${condition.conditionKeyValue} ${values.join(" or ")} (${why})`);
  }
  return parts.join(", ") || "no match";
}
/* eslint-enable @typescript-eslint/no-explicit-any */

const POLICY_KINDS: Record<string, string> = {
  identity: "no identity policy allows it",
  pb: "the permissions boundary does not allow it",
  resource: "the trust policy does not allow it",
};

function statementName(reason: RequestGrant | RequestDenial, resourcePolicyName: string): string {
  if (reason.policyType === "pb" && !("policyIdentifier" in reason)) return "permissions boundary";
  const policy =
    reason.policyType === "resource"
      ? resourcePolicyName
      : ((reason as { policyIdentifier?: string }).policyIdentifier ?? reason.policyType);
  if (!("statementIndex" in reason)) return policy;
  const id = reason.statementId ? `Sid ${reason.statementId}` : `statement ${reason.statementIndex}`;
  return `${policy}, ${id}`;
}

/** Evaluates one request with the engine; `resourcePolicyName` names the resource policy in explanations. */
export function evaluate(request: EngineRequest, resourcePolicyName = "trust policy"): EngineDecision {
  const load = (p: NamedDocument) => loadPolicy(p.document, { name: p.name });
  const analysis = core.authorize({
    request: new AwsRequestImpl(
      request.principal,
      { resource: request.resource, accountId: request.resourceAccount },
      request.action,
      new RequestContextImpl(request.context),
    ),
    sessionPolicy: undefined,
    identityPolicies: (request.identityPolicies ?? []).map(load),
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    resourcePolicy: request.resourcePolicy
      ? loadPolicy(request.resourcePolicy, { name: resourcePolicyName })
      : undefined,
    permissionBoundaries: request.permissionsBoundary ? [load(request.permissionsBoundary)] : undefined,
    vpcEndpointPolicies: undefined,
    simulationParameters: {
      simulationMode: "Strict",
      discoveryContextKeyConstraints: new DiscoveryContextKeyConstraints([]),
    },
    serviceSettings: { s3: {} },
  });
  const result = analysis.result as EngineResult;
  if (result === "Allowed") {
    return {
      result,
      statements: getGrantReasons(analysis).map((r) => statementName(r, resourcePolicyName)),
      missingAllow: [],
      unmatched: [],
    };
  }
  const denials = getDenialReasons(analysis);
  return {
    result,
    statements: denials.filter((d) => d.denialType === "Explicit").map((d) => statementName(d, resourcePolicyName)),
    missingAllow: denials
      .filter((d) => d.denialType === "Implicit")
      .map((d) => POLICY_KINDS[d.policyType] ?? `no ${d.policyType} policy allows it`),
    unmatched: (analysis.resourceAnalysis?.unmatchedStatements ?? [])
      .filter((s) => s.explain.effect === "Allow")
      .map((s) => `statement ${s.explain.identifier}: ${mismatchOf(s.explain)}`),
  };
}

/** The engine's validation errors, in words. */
const VALIDATION_ERRORS: Record<string, (action: string, resource: string) => string> = {
  "invalid.service": (action) => `no AWS service is named ${action.split(":")[0]}`,
  "invalid.action": (action) => `${action.split(":")[0]} has no action ${action.split(":")[1]}`,
  "no.resource.types": (action, resource) => `${resource} is not a resource ${action} acts on`,
};

/**
 * The engine's own validation of an action and resource (from its data of every service's actions and resource
 * types): why it refuses them, or undefined when they are valid.
 */
export async function validateRequest(
  action: string,
  resource: string,
  accountId: string,
): Promise<string | undefined> {
  const simulation = await runSimulation(
    {
      request: {
        principal: `arn:aws:iam::${accountId}:role/can-i`,
        action,
        resource: { resource, accountId },
        contextVariables: {},
      },
      identityPolicies: [],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
    },
    {},
  );
  if (simulation.resultType !== "error") return undefined;
  const code = simulation.errors.message;
  return VALIDATION_ERRORS[code]?.(action, resource) ?? `${code} (${JSON.stringify(simulation.errors)})`;
}
