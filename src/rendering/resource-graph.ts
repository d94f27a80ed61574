import { addonDocumentsOf, managedPolicyArnsOf } from "../options/addon-policy-rules";
import { IdentityType } from "../options/identity-type";
import { OidcProviderSource } from "../options/oidc-provider-source";
import { PodIdentityAgentMode } from "../options/pod-identity-agent-mode";
import { usesPodIdentity } from "../options/stack-config-needs";
import type { ServiceAccountSettings, StackSettings } from "../options/stack-settings";

/** The kinds of resource the workload identities register, by Pulumi resource class. */
export type ResourceKind =
  | "StackReference"
  | "Namespace"
  | "Addon"
  | "ServiceAccount"
  | "ExistingServiceAccount"
  | "Role"
  | "RolePolicy"
  | "RolePolicyAttachment"
  | "ServiceAccountPatch"
  | "PodIdentityAssociation"
  | "Deployment";

/** One resource the stack registers. */
export interface ResourceNode {
  /** Stable across synths and derivable from a `WorkloadIdentity`'s fields: see {@link nodeIdOf}. */
  readonly id: string;
  readonly kind: ResourceKind;
  /** What tells it apart from the other resources of its kind, for example the role name. */
  readonly detail: string;
}

/** The resources of one service account (one `WorkloadIdentity`). */
export interface ResourceGroup {
  readonly id: string;
  /** `<namespace>/<name>`. */
  readonly serviceAccount: string;
  readonly nodes: ResourceNode[];
}

/** `dependent` is registered with `dependency` among its direct dependencies (dependsOn or an input). */
export interface DependencyEdge {
  readonly dependency: string;
  readonly dependent: string;
}

export interface ResourceGraph {
  /** Resources shared by every service account. */
  readonly shared: ResourceNode[];
  readonly groups: ResourceGroup[];
  readonly edges: DependencyEdge[];
}

/** The parts of a service account's identity, as `WorkloadIdentity` names its fields. */
export type IdentityPart =
  | "serviceAccount"
  | "existingServiceAccount"
  | "role"
  | "inlinePolicy"
  | `addonPolicy${number}`
  | `managedPolicy${number}`
  | "serviceAccountPatch"
  | "podIdentityAssociation"
  | "exampleDeployment";

/** The stack reference the OIDC provider ARN is read from (IRSA with `OidcProviderSource.STACK_REFERENCE`). */
export const OIDC_PROVIDER_STACK_NODE_ID = "oidcProviderStack";

/** The EKS Pod Identity Agent add-on the stack installs (Pod Identity with `PodIdentityAgentMode.INSTALL`). */
export const POD_IDENTITY_AGENT_NODE_ID = "podIdentityAgent";

/** A namespace the stack creates: `-` becomes `_`, which no namespace holds, so ids stay distinct. */
export function namespaceNodeId(namespace: string): string {
  return `namespace_${namespace.replace(/-/g, "_")}`;
}

/**
 * The node id of a part of the index-th service account: the generated test derives the same id
 * from the `WorkloadIdentity` of that entry, so ids must not depend on anything else.
 */
export function nodeIdOf(index: number, part: IdentityPart): string {
  return `sa${index}_${part}`;
}

/**
 * The resources the generated program registers for the settings, and every direct dependency
 * between them, as `src/workload-identity.ts` of the stack creates them (its
 * `test/readme-diagram.test.ts` checks the two agree).
 */
export function resourceGraphOf(settings: StackSettings): ResourceGraph {
  const isIrsa = (sa: ServiceAccountSettings): boolean => sa.identityType === IdentityType.IRSA;
  const shared: ResourceNode[] = [];
  // Everything built from the OIDC provider ARN (the trust policy, and the ARN tokens of IRSA
  // policies) carries the output of the stack reference it came from.
  const providerArnSources: string[] = [];
  if (settings.serviceAccounts.some(isIrsa) && settings.oidcProviderSource === OidcProviderSource.STACK_REFERENCE) {
    shared.push({ id: OIDC_PROVIDER_STACK_NODE_ID, kind: "StackReference", detail: "oidcProviderStackReference" });
    providerArnSources.push(OIDC_PROVIDER_STACK_NODE_ID);
  }
  const bindingSources: string[] = [];
  if (usesPodIdentity(settings) && settings.podIdentityAgent === PodIdentityAgentMode.INSTALL) {
    shared.push({ id: POD_IDENTITY_AGENT_NODE_ID, kind: "Addon", detail: "eks-pod-identity-agent" });
    bindingSources.push(POD_IDENTITY_AGENT_NODE_ID);
  }
  for (const namespace of new Set(
    settings.serviceAccounts.filter((sa) => sa.createNamespace).map((sa) => sa.namespace),
  )) {
    shared.push({ id: namespaceNodeId(namespace), kind: "Namespace", detail: namespace });
  }
  const edges: DependencyEdge[] = [];
  const groups = settings.serviceAccounts.map((sa, index) =>
    identityGroup(sa, index, isIrsa(sa), { providerArnSources, bindingSources }, (dependent, ...dependencies) =>
      edges.push(...dependencies.map((dependency) => ({ dependency, dependent }))),
    ),
  );
  return { shared, groups, edges };
}

/** Shared resources that the identities' resources depend on. */
interface SharedSources {
  /** What the OIDC provider ARN comes from. */
  readonly providerArnSources: string[];
  /** What every binding (association) waits for. */
  readonly bindingSources: string[];
}

type AddEdges = (dependent: string, ...dependencies: string[]) => void;

function identityGroup(
  sa: ServiceAccountSettings,
  index: number,
  irsa: boolean,
  { providerArnSources, bindingSources }: SharedSources,
  dependsOn: AddEdges,
): ResourceGroup {
  const serviceAccount = `${sa.namespace}/${sa.name}`;
  const id = (part: IdentityPart) => nodeIdOf(index, part);
  const nodes: ResourceNode[] = [];
  // A created namespace is an input (its name output) of what lives in it.
  const namespaceNode = sa.createNamespace ? [namespaceNodeId(sa.namespace)] : [];
  // A created service account is an input (its name and namespace outputs) of what refers to it; an adopted one
  // is known by its namespace, a created namespace's output.
  const serviceAccountNode: string[] = [];
  if (sa.createServiceAccount) {
    nodes.push({ id: id("serviceAccount"), kind: "ServiceAccount", detail: serviceAccount });
    serviceAccountNode.push(id("serviceAccount"));
    dependsOn(id("serviceAccount"), ...namespaceNode);
  }
  const accountSources = sa.createServiceAccount ? serviceAccountNode : namespaceNode;

  const role = id("role");
  nodes.push({ id: role, kind: "Role", detail: roleDetail(sa) });
  // The trust policy names the service account (and, for IRSA, the OIDC provider).
  dependsOn(role, ...accountSources, ...(irsa ? providerArnSources : []));

  const policies: string[] = [];
  if (sa.policyStatements.length > 0) {
    policies.push(id("inlinePolicy"));
    nodes.push({ id: id("inlinePolicy"), kind: "RolePolicy", detail: "inline policy" });
  }
  // Then one inline policy per add-on document, and one attachment per distinct ARN (the entry's, then its
  // add-ons'), in declaration order, as the program creates them.
  addonDocumentsOf(sa).forEach((addon, j) => {
    policies.push(id(`addonPolicy${j}`));
    nodes.push({ id: id(`addonPolicy${j}`), kind: "RolePolicy", detail: `${addon} policy` });
  });
  managedPolicyArnsOf(sa).forEach((arn, j) => {
    policies.push(id(`managedPolicy${j}`));
    nodes.push({ id: id(`managedPolicy${j}`), kind: "RolePolicyAttachment", detail: policyNameOf(arn) });
  });
  for (const policy of policies) {
    // IRSA fills the ARN tokens of policies from the OIDC provider ARN; Pod Identity from invokes.
    dependsOn(policy, role, ...(irsa ? providerArnSources : []));
  }

  // An adopted account (IRSA) is read first: the patch would create a missing one.
  const existing: string[] = [];
  if (irsa && !sa.createServiceAccount) {
    nodes.push({ id: id("existingServiceAccount"), kind: "ExistingServiceAccount", detail: serviceAccount });
    existing.push(id("existingServiceAccount"));
  }
  const binding = irsa ? id("serviceAccountPatch") : id("podIdentityAssociation");
  nodes.push(
    irsa
      ? { id: binding, kind: "ServiceAccountPatch", detail: "role-arn annotation" }
      : { id: binding, kind: "PodIdentityAssociation", detail: serviceAccount },
  );
  dependsOn(binding, ...(irsa ? [] : bindingSources), ...serviceAccountNode, ...existing, ...namespaceNode, role);

  if (sa.exampleDeployment) {
    const deployment = id("exampleDeployment");
    nodes.push({ id: deployment, kind: "Deployment", detail: "identity check" });
    // dependsOn the credentials (binding and policies); the credentials hash (the role ARN), the namespace and
    // the service account name are inputs.
    dependsOn(deployment, binding, ...policies, ...namespaceNode, role, ...serviceAccountNode);
  }
  return { id: `sa${index}`, serviceAccount, nodes };
}

/** The role's name as the README shows it: stacks other than the first add `@<stack>` to a derived name. */
function roleDetail(sa: ServiceAccountSettings): string {
  return sa.roleNamePerStack ? `${sa.roleName}[@stack]` : sa.roleName;
}

/** `AWSXRayDaemonWriteAccess` of `arn:${partition}:iam::aws:policy/AWSXRayDaemonWriteAccess`. */
function policyNameOf(arn: string): string {
  return arn.slice(arn.indexOf(":policy/") + ":policy/".length);
}
