/**
 * Trust policies evaluated by a real IAM policy evaluation engine (@cloud-copilot/iam-simulate), for the
 * requests that a pod's credentials really make: AssumeRoleWithWebIdentity with the token the pod identity
 * webhook mints (IRSA), and AssumeRole with the session tags EKS Pod Identity sets.
 */
import { runSimulation } from "@cloud-copilot/iam-simulate";
import type { PolicyDocument } from "../src/trust-policy";

export type Verdict = "Allowed" | "ExplicitlyDenied" | "ImplicitlyDenied";

/** A projected service account token, as IAM sees it: the provider it is presented through and its claims. */
export interface WebIdentityToken {
  oidcProviderArn: string;
  aud: string;
  sub: string;
}

/** The session tags EKS Pod Identity puts on the AssumeRole request, and the account it comes from. */
export interface PodIdentitySession {
  clusterArn: string;
  clusterName: string;
  namespace: string;
  serviceAccount: string;
  sourceAccount: string;
}

/**
 * The engine's catalog of condition keys comes from the Service Authorization Reference, which lists for
 * sts:AssumeRoleWithWebIdentity the keys of well-known providers (accounts.google.com:aud, ...) but not those
 * IAM documents for any IAM OIDC provider, `<provider URL>:aud` and `:sub` ("Available keys for IAM OIDC
 * federation"); it ignores keys it does not know. So each provider's keys are renamed, in the trust policy and
 * in the request alike, to a key family the catalog accepts for the action, `aws:RequestTag/<provider key>`:
 * a one-to-one renaming of key names (which IAM compares ignoring case), values and operators untouched.
 */
const OIDC_KEY = /^[^:]+\.[^:]+(\/[^:]*)?:(aud|sub|amr|azp|oaud)$/;
const renamedKey = (key: string): string => (OIDC_KEY.test(key) ? `aws:RequestTag/${key}` : key);

function withRenamedOidcKeys(policy: PolicyDocument): PolicyDocument {
  return {
    ...policy,
    Statement: policy.Statement.map((statement) => ({
      ...statement,
      ...(statement.Condition && {
        Condition: Object.fromEntries(
          Object.entries(statement.Condition).map(([operator, keys]) => [
            operator,
            Object.fromEntries(Object.entries(keys).map(([key, value]) => [renamedKey(key), value])),
          ]),
        ),
      }),
    })),
  };
}

async function evaluate(
  trustPolicy: PolicyDocument,
  roleArn: string,
  principal: string,
  action: string,
  contextVariables: Record<string, string | string[]>,
  identityPolicies: PolicyDocument[] = [],
): Promise<Verdict> {
  const accountId = roleArn.split(":")[4];
  const response = await runSimulation(
    {
      identityPolicies: identityPolicies.map((policy, i) => ({ name: `identity-${i}`, policy })),
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      resourcePolicy: trustPolicy,
      request: { principal, action, resource: { resource: roleArn, accountId }, contextVariables },
    },
    {},
  );
  if (response.resultType === "error") {
    throw new Error(`The IAM engine refused the simulation: ${JSON.stringify(response.errors)}`);
  }
  return response.overallResult as Verdict;
}

/** Whether a pod presenting `token` may assume the role (sts:AssumeRoleWithWebIdentity). */
export function assumeRoleWithWebIdentity(
  trustPolicy: PolicyDocument,
  roleArn: string,
  token: WebIdentityToken,
): Promise<Verdict> {
  const issuer = token.oidcProviderArn.split(":oidc-provider/")[1];
  return evaluate(withRenamedOidcKeys(trustPolicy), roleArn, token.oidcProviderArn, "sts:AssumeRoleWithWebIdentity", {
    [renamedKey(`${issuer}:aud`)]: token.aud,
    [renamedKey(`${issuer}:sub`)]: token.sub,
  });
}

/**
 * Whether EKS Pod Identity may assume the role for a pod of `session` (sts:AssumeRole, then sts:TagSession with the
 * same tags): both must be allowed.
 */
export async function assumeRoleForPodIdentity(
  trustPolicy: PolicyDocument,
  roleArn: string,
  session: PodIdentitySession,
  { sessionTags = true }: { sessionTags?: boolean } = {},
): Promise<Verdict> {
  // An association with disableSessionTags sends none.
  const tags: Record<string, string> = sessionTags ? podIdentitySessionTags(session) : {};
  const context = {
    ...Object.fromEntries(Object.entries(tags).map(([key, value]) => [`aws:RequestTag/${key}`, value])),
    "aws:TagKeys": Object.keys(tags),
    "aws:SourceAccount": session.sourceAccount,
  };
  for (const action of ["sts:AssumeRole", "sts:TagSession"]) {
    const verdict = await evaluate(trustPolicy, roleArn, "pods.eks.amazonaws.com", action, context);
    if (verdict !== "Allowed") return verdict;
  }
  return "Allowed";
}

/** The session tags EKS Pod Identity sets (EKS User Guide, pod-id-abac), the pod's name and UID left out. */
function podIdentitySessionTags(session: PodIdentitySession): Record<string, string> {
  return {
    "eks-cluster-arn": session.clusterArn,
    "eks-cluster-name": session.clusterName,
    "kubernetes-namespace": session.namespace,
    "kubernetes-service-account": session.serviceAccount,
  };
}

/**
 * Whether EKS Pod Identity, with the credentials of the association's role (`sourceRoleArn`), may assume the
 * target role for a pod of `session` (EKS User Guide, pod-id-assign-target-role): the session tags are passed on
 * (they are transitive), or, with session tags disabled, the association's external ID is the `sts:ExternalId`.
 */
export async function assumeTargetRole(
  trustPolicy: PolicyDocument,
  targetRoleArn: string,
  request: {
    sourceRoleArn: string;
    /** The source role's own policies: across accounts, both they and the trust must allow. */
    sourcePolicies: PolicyDocument[];
    session: PodIdentitySession;
    externalId?: string;
  },
): Promise<Verdict> {
  const tags = request.externalId === undefined ? podIdentitySessionTags(request.session) : {};
  const context: Record<string, string | string[]> = {
    ...Object.fromEntries(Object.entries(tags).map(([key, value]) => [`aws:RequestTag/${key}`, value])),
    ...(Object.keys(tags).length > 0 && { "aws:TagKeys": Object.keys(tags) }),
    ...(request.externalId !== undefined && { "sts:ExternalId": request.externalId }),
    "aws:PrincipalArn": request.sourceRoleArn,
  };
  for (const action of ["sts:AssumeRole", "sts:TagSession"]) {
    const verdict = await evaluate(
      trustPolicy,
      targetRoleArn,
      request.sourceRoleArn,
      action,
      context,
      request.sourcePolicies,
    );
    if (verdict !== "Allowed") return verdict;
  }
  return "Allowed";
}
