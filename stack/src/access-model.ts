/**
 * The access model of the stack: for each service account the program binds to an IAM role, the chain
 * service account → the credentials its pods present → the role's trust policy → the role's permissions,
 * read from what the program registers (under the mocks of the tests: test/access.ts runs it).
 *
 * Pure: no Pulumi, no IAM engine. Policies are taken as registered (the trust policy as the role's
 * `assumeRolePolicy`), so the model follows whatever the program builds; test/access-engine.ts evaluates them.
 */
import { arnParts } from "./arn-tokens";
import { DEFAULT_AUDIENCE, type PolicyDocument } from "./trust-policy";

/** What the model reads of a registered resource (test/pulumi-mocks.ts records these). */
export interface RegisteredResource {
  type: string;
  name: string;
  /** Provider inputs are JSON strings where the schema says so (policies). */
  inputs: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** The state the mocks returned (a role's `arn` and `name`). */
  outputs: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** A read of an existing resource (`Resource.get`): its ID. Such a resource has no inputs. */
  readId?: string;
}

/** The cluster the pods run in: what their credentials say about where they come from. */
export interface ClusterIdentity {
  /** IRSA: the cluster's IAM OIDC provider, which issues the pods' tokens. */
  oidcProviderArn: string;
  /** Pod Identity: the cluster the agent names in the session tags. */
  clusterName: string;
  clusterArn: string;
  /** The cluster's account: `aws:SourceAccount` of the Pod Identity request. */
  accountId: string;
}

/**
 * IRSA: the projected token the pod identity webhook mounts for an annotated service account
 * (https://github.com/aws/amazon-eks-pod-identity-webhook#eks-walkthrough: audience from the
 * `eks.amazonaws.com/audience` annotation, default `sts.amazonaws.com`; subject `system:serviceaccount:<ns>:<name>`).
 */
export interface WebIdentityToken {
  kind: "IRSA";
  oidcProviderArn: string;
  /** The provider ARN's resource part: the prefix of its condition keys. */
  issuer: string;
  audience: string;
  subject: string;
}

/**
 * Pod Identity: the session tags the EKS Auth API sets when the agent assumes the role for a pod
 * (https://docs.aws.amazon.com/eks/latest/userguide/pod-id-abac.html), with `aws:SourceAccount`/`aws:SourceArn`
 * of the cluster.
 */
export interface PodIdentitySession {
  kind: "POD_IDENTITY";
  /** None when the association disables session tags (`disableSessionTags`). */
  sessionTags: Record<string, string>;
  sourceAccount: string;
  sourceArn: string;
  /**
   * The external ID EKS passes as `sts:ExternalId` when it assumes a target role without session tags:
   * `<region>/<account>/<cluster>/<namespace>/<service account>` (EKS User Guide, pod-id-assign-target-role).
   */
  externalId: string;
}

export type Credentials = WebIdentityToken | PodIdentitySession;

export interface NamedPolicy {
  /** The policy as `can-i` names it: the inline policy's name, or the managed policy's ARN. */
  name: string;
  kind: "inline" | "managed";
  /** Undefined when the stack cannot know it: a customer managed policy created elsewhere. */
  document?: PolicyDocument;
}

export interface RoleAccess {
  arn: string;
  name: string;
  accountId: string;
  partition: string;
  /** Whether this stack creates the role; an existing one it only reads (`existingRoleArn`) is its owner's. */
  managed: boolean;
  /** Undefined for an existing role: its trust policy is its owner's, unknown here. */
  trustPolicy?: PolicyDocument;
  /**
   * Inline policies first, then managed policies, in registration order. An existing role has one policy of
   * unknown document (OWNER_POLICIES): its owner's.
   */
  policies: NamedPolicy[];
  permissionsBoundary?: NamedPolicy;
  /**
   * The role's IAM tags: its sessions' principal tags besides their session tags, which win on a conflict (IAM User
   * Guide, "Passing session tags in AWS STS"; EKS User Guide, pod-id-abac). Unknown for an existing role.
   */
  tags?: Record<string, string>;
}

/**
 * Pod Identity with `targetRoleArn`: EKS assumes the target role with the credentials of the association's role, and
 * the pod gets the target role's credentials (EKS User Guide, pod-id-assign-target-role).
 */
export interface TargetRoleAccess {
  arn: string;
  /** The target role when this program registers it (`createPodIdentityTargetRole`); else its trust and permissions are unknown here. */
  role?: RoleAccess;
  /** Whether EKS passes the session tags on (they are transitive); without them, the external ID. */
  sessionTags: boolean;
}

export interface WorkloadAccess {
  /** `<namespace>/<name>` of the service account. */
  key: string;
  namespace: string;
  name: string;
  /**
   * How the service account is bound to the role: the annotation or the association; undefined for a role only
   * (`roleOnly`), which its owner's chart binds: `credentials` are then those a pod would present once bound.
   */
  binding?: string;
  credentials: Credentials;
  role: RoleAccess;
  targetRole?: TargetRoleAccess;
}

export const ROLE_ARN_ANNOTATION = "eks.amazonaws.com/role-arn";
/**
 * The audience the pod identity webhook requests the token for; without it the token is minted for
 * sts.amazonaws.com (aws/amazon-eks-pod-identity-webhook README, pkg/cache/cache.go addSA).
 */
export const AUDIENCE_ANNOTATION = "eks.amazonaws.com/audience";
export const POD_IDENTITY_SERVICE = "pods.eks.amazonaws.com";
/** The one policy of an existing role the model names: its owner's, whose documents this stack cannot know. */
export const OWNER_POLICIES = "its owner's policies";
/** A pod's own tags are per pod; the model stands for any pod of the account. */
const EXAMPLE_POD = { name: "pod", uid: "00000000-0000-0000-0000-000000000000" };

const TYPES = {
  role: "aws:iam/role:Role",
  rolePolicy: "aws:iam/rolePolicy:RolePolicy",
  attachment: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
  policy: "aws:iam/policy:Policy",
  association: "aws:eks/podIdentityAssociation:PodIdentityAssociation",
  serviceAccount: "kubernetes:core/v1:ServiceAccount",
  serviceAccountPatch: "kubernetes:core/v1:ServiceAccountPatch",
};

/** `<path>/<name>` of an AWS managed policy ARN (`arn:<partition>:iam::aws:policy/<path>/<name>`), else undefined. */
export function awsManagedPolicyKey(arn: string): string | undefined {
  return /^arn:[a-z-]+:iam::aws:policy\/(.+)$/.exec(arn)?.[1];
}

const parseArn = (arn: string): { partition: string; accountId: string } => {
  const { partition, accountId } = arnParts(arn);
  return { partition: partition || "aws", accountId };
};

const json = (value: unknown): PolicyDocument =>
  (typeof value === "string" ? JSON.parse(value) : value) as PolicyDocument;

/** The IRSA token a pod of `namespace/name` presents in `cluster`, with the audience its annotations ask for. */
export function webIdentityToken(
  cluster: Pick<ClusterIdentity, "oidcProviderArn">,
  ref: { namespace: string; name: string },
  annotations: Record<string, string> = {},
): WebIdentityToken {
  return {
    kind: "IRSA",
    oidcProviderArn: cluster.oidcProviderArn,
    issuer: cluster.oidcProviderArn.split(":oidc-provider/")[1] ?? "",
    audience: annotations[AUDIENCE_ANNOTATION] || DEFAULT_AUDIENCE,
    subject: `system:serviceaccount:${ref.namespace}:${ref.name}`,
  };
}

/** The Pod Identity session of a pod of `namespace/name` in `cluster`; untagged with `sessionTags: false`. */
export function podIdentitySession(
  cluster: Omit<ClusterIdentity, "oidcProviderArn">,
  ref: { namespace: string; name: string },
  { sessionTags = true }: { sessionTags?: boolean } = {},
): PodIdentitySession {
  const { region } = arnParts(cluster.clusterArn);
  return {
    kind: "POD_IDENTITY",
    sessionTags: sessionTags
      ? {
          "eks-cluster-arn": cluster.clusterArn,
          "eks-cluster-name": cluster.clusterName,
          "kubernetes-namespace": ref.namespace,
          "kubernetes-service-account": ref.name,
          "kubernetes-pod-name": EXAMPLE_POD.name,
          "kubernetes-pod-uid": EXAMPLE_POD.uid,
        }
      : {},
    sourceAccount: cluster.accountId,
    sourceArn: cluster.clusterArn,
    externalId: `${region}/${cluster.accountId}/${cluster.clusterName}/${ref.namespace}/${ref.name}`,
  };
}

/** The roles the program registers, with their trust policy, inline and managed policies and boundary. */
function rolesOf(registered: RegisteredResource[], awsManagedPolicies: Record<string, PolicyDocument>): RoleAccess[] {
  const policyDocuments = new Map<string, PolicyDocument>(
    registered.filter((r) => r.type === TYPES.policy).map((r) => [r.outputs.arn, json(r.inputs.policy)]),
  );
  const managed = (arn: string): NamedPolicy => {
    const key = awsManagedPolicyKey(arn);
    return {
      name: arn,
      kind: "managed",
      document: key === undefined ? policyDocuments.get(arn) : awsManagedPolicies[key],
    };
  };
  return registered
    .filter((r) => r.type === TYPES.role)
    .map((role): RoleAccess => {
      const name: string = role.outputs.name;
      const ofRole = (type: string) => registered.filter((r) => r.type === type && r.inputs.role === name);
      const boundary: string | undefined = role.inputs.permissionsBoundary;
      if (role.readId !== undefined) {
        // Read (Role.get), not managed: nothing of it but its ARN and name is this stack's.
        const owners: NamedPolicy = { name: OWNER_POLICIES, kind: "managed" };
        return { arn: role.outputs.arn, name, ...parseArn(role.outputs.arn), managed: false, policies: [owners] };
      }
      return {
        arn: role.outputs.arn,
        name,
        ...parseArn(role.outputs.arn),
        managed: true,
        trustPolicy: json(role.inputs.assumeRolePolicy),
        policies: [
          ...(role.inputs.inlinePolicies ?? []).map((p: { name: string; policy: string }) => ({
            name: p.name,
            kind: "inline",
            document: json(p.policy),
          })),
          ...ofRole(TYPES.rolePolicy).map((p) => ({
            name: p.outputs.name ?? p.name,
            kind: "inline",
            document: json(p.inputs.policy),
          })),
          ...(role.inputs.managedPolicyArns ?? []).map(managed),
          ...ofRole(TYPES.attachment).map((a) => managed(a.inputs.policyArn)),
        ],
        permissionsBoundary: boundary ? managed(boundary) : undefined,
        ...(role.inputs.tags && { tags: role.inputs.tags }),
      };
    });
}

/** Annotations of each service account by `<namespace>/<name>`: those it is created with, then the patches'. */
function serviceAccountAnnotations(registered: RegisteredResource[]): Map<string, Record<string, string>> {
  const annotations = new Map<string, Record<string, string>>();
  // Server-side apply merges a patch's annotations into the object's, so a patch adds to (and overrides) them.
  for (const type of [TYPES.serviceAccount, TYPES.serviceAccountPatch]) {
    for (const r of registered.filter((x) => x.type === type)) {
      const metadata = r.inputs.metadata ?? {};
      // A read of an adopted account (ServiceAccount.get) has no inputs: its patch carries what the stack sets.
      if (!metadata.name) continue;
      const key = `${metadata.namespace ?? "default"}/${metadata.name}`;
      annotations.set(key, { ...annotations.get(key), ...metadata.annotations });
    }
  }
  return annotations;
}

/** The issuer's audience a trust policy pins for it (the first), for the token of a role-only entry's pods. */
function trustedAudience(trust: PolicyDocument | undefined, issuer: string): Record<string, string> {
  for (const statement of trust?.Statement ?? []) {
    for (const byKey of Object.values(statement.Condition ?? {})) {
      const audience = (byKey as Record<string, string | string[]>)[`${issuer}:aud`];
      if (audience !== undefined) return { [AUDIENCE_ANNOTATION]: [audience].flat()[0] };
    }
  }
  return {};
}

/**
 * Every service account the program binds to a role, in the cluster `cluster`: IRSA through the role-arn
 * annotation, Pod Identity through an association in that cluster; an account with both (IRSA_AND_POD_IDENTITY) has
 * one workload per credential path: its pods created before the association hold a token, those created after get
 * a Pod Identity session (the webhook prefers container credentials), and the role must admit both. Then every role bound by
 * nothing here (`roleOnly`, registered under its account's `<namespace>/<name>`), with the credentials its trust
 * admits a pod of that account to present once its owner binds it.
 */
export function buildAccessModel(
  registered: RegisteredResource[],
  cluster: ClusterIdentity,
  awsManagedPolicies: Record<string, PolicyDocument>,
): WorkloadAccess[] {
  const roles = rolesOf(registered, awsManagedPolicies);
  const roleByArn = (arn: string): RoleAccess | undefined => roles.find((r) => r.arn === arn);
  const workloads: WorkloadAccess[] = [];
  for (const [key, annotations] of serviceAccountAnnotations(registered)) {
    const role = roleByArn(annotations[ROLE_ARN_ANNOTATION]);
    if (!role) continue;
    const [namespace, name] = key.split("/");
    workloads.push({
      key,
      namespace,
      name,
      binding: `annotation ${ROLE_ARN_ANNOTATION}`,
      credentials: webIdentityToken(cluster, { namespace, name }, annotations),
      role,
    });
  }
  for (const association of registered.filter((r) => r.type === TYPES.association)) {
    const { namespace, serviceAccount: name, roleArn, clusterName, targetRoleArn } = association.inputs;
    const role = roleByArn(roleArn);
    if (!role || clusterName !== cluster.clusterName) continue;
    // Provider inputs arrive JSON-encoded: the boolean as "true".
    const sessionTags = !(
      association.inputs.disableSessionTags === true || association.inputs.disableSessionTags === "true"
    );
    workloads.push({
      key: `${namespace}/${name}`,
      namespace,
      name,
      binding: `PodIdentityAssociation ${association.name} (cluster ${clusterName})`,
      credentials: podIdentitySession(cluster, { namespace, name }, { sessionTags }),
      role,
      ...(targetRoleArn && { targetRole: { arn: targetRoleArn, role: roleByArn(targetRoleArn), sessionTags } }),
    });
  }
  const bound = new Set(workloads.map((w) => w.role.arn));
  const targets = new Set(workloads.flatMap((w) => (w.targetRole ? [w.targetRole.arn] : [])));
  const registeredName = (role: RoleAccess) =>
    registered.find((r) => r.type === TYPES.role && r.outputs.arn === role.arn)?.name ?? "";
  for (const role of roles.filter((r) => r.managed && !bound.has(r.arn) && !targets.has(r.arn))) {
    const key = registeredName(role);
    const [namespace, name, ...rest] = key.split("/");
    if (!namespace || !name || rest.length > 0) continue;
    const statements = role.trustPolicy?.Statement ?? [];
    const issuer = cluster.oidcProviderArn.split(":oidc-provider/")[1] ?? "";
    const trustsOidc = statements.some((st) => st.Principal?.Federated !== undefined);
    const trustsPods = statements.some((st) => [st.Principal?.Service ?? []].flat().includes(POD_IDENTITY_SERVICE));
    const ref = { namespace, name };
    if (trustsOidc) {
      const credentials = webIdentityToken(cluster, ref, trustedAudience(role.trustPolicy, issuer));
      workloads.push({ key, namespace, name, credentials, role });
    }
    if (trustsPods) {
      // Untagged sessions only where the trust asks for no tag (disableSessionTags).
      const tagged = JSON.stringify(role.trustPolicy).includes("aws:RequestTag/");
      workloads.push({
        key,
        namespace,
        name,
        credentials: podIdentitySession(cluster, ref, { sessionTags: tagged }),
        role,
      });
    }
  }
  return workloads;
}
