import { dirname, join } from "path";
import type { IamPolicyDocument } from "./aws-managed-policies";

/**
 * The IAM policy evaluation engine (@cloud-copilot/iam-simulate, bundled) at synth: the verdicts of the stack
 * README's access matrix. The stack's test/access-engine.ts asks the same engine the same way for its own matrix,
 * and test/readme-access.test.ts of the stack checks that both agree.
 *
 * Synth is synchronous, and the engine's validated `runSimulation` is not (and drops the condition keys of an EKS
 * OIDC provider): this calls the engine's core `authorize`, as its `runUnsafeSimulation` does, by path, since the
 * package's exports name only its index (the version is pinned exactly, src/components/versions.ts).
 */
/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */
let engine: { authorize(request: any): { result: string }; request(...args: any[]): any } | undefined;
function loadEngine(): NonNullable<typeof engine> {
  if (!engine) {
    const dir = dirname(require.resolve("@cloud-copilot/iam-simulate"));
    const { authorize } = require(join(dir, "core_engine/CoreSimulatorEngine.js"));
    const { AwsRequestImpl } = require(join(dir, "request/request.js"));
    const { RequestContextImpl } = require(join(dir, "requestContext.js"));
    const { DiscoveryContextKeyConstraints } = require(join(dir, "context_keys/discoveryContextKeyConstraints.js"));
    const { loadPolicy } = require(require.resolve("@cloud-copilot/iam-policy", { paths: [dir] }));
    engine = {
      request: (
        principal: string,
        resource: string,
        accountId: string,
        action: string,
        policies: any,
        context: any,
      ) => ({
        request: new AwsRequestImpl(principal, { resource, accountId }, action, new RequestContextImpl(context)),
        sessionPolicy: undefined,
        identityPolicies: policies.identity.map((p: NamedDocument) => loadPolicy(p.document, { name: p.name })),
        serviceControlPolicies: [],
        resourceControlPolicies: [],
        resourcePolicy: undefined,
        permissionBoundaries: policies.boundary
          ? [loadPolicy(policies.boundary.document, { name: policies.boundary.name })]
          : undefined,
        vpcEndpointPolicies: undefined,
        simulationParameters: {
          simulationMode: "Strict",
          discoveryContextKeyConstraints: new DiscoveryContextKeyConstraints([]),
        },
        serviceSettings: { s3: {} },
      }),
      authorize,
    };
  }
  return engine!;
}
/* eslint-enable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */

export interface NamedDocument {
  readonly name: string;
  readonly document: IamPolicyDocument;
}

export interface IdentityRequest {
  /** The role session's ARN. */
  readonly principal: string;
  readonly action: string;
  readonly resource: string;
  readonly resourceAccount: string;
  readonly identityPolicies: NamedDocument[];
  readonly permissionsBoundary?: NamedDocument;
  /** The request's condition keys (a session's `aws:PrincipalTag/<key>`). */
  readonly context?: Record<string, string>;
}

/** The engine's verdict on a request of a role session: Allowed, ExplicitlyDenied or ImplicitlyDenied. */
export function evaluateIdentityRequest(request: IdentityRequest): string {
  const { authorize, request: build } = loadEngine();
  return authorize(
    build(
      request.principal,
      request.resource,
      request.resourceAccount,
      request.action,
      { identity: request.identityPolicies, boundary: request.permissionsBoundary },
      request.context ?? {},
    ),
  ).result;
}
