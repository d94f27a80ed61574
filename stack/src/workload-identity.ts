// Pulumi SDK submodules, not the whole @pulumi/aws: its index loads every service's types (0.4-0.5 s a test file).
import * as eks from "@pulumi/aws/eks";
import { getRegionOutput } from "@pulumi/aws/getRegion";
import * as iam from "@pulumi/aws/iam";
// Submodules, not the whole @pulumi/kubernetes: its index costs a test file 0.1-0.2 s more.
import * as appsv1 from "@pulumi/kubernetes/apps/v1";
import * as corev1 from "@pulumi/kubernetes/core/v1";
import type { Provider } from "@pulumi/kubernetes/provider";
import * as pulumi from "@pulumi/pulumi";
import {
  addonManagedPolicyArns,
  addonNeedsRegion,
  addonPolicyDocument,
  type AddonContext,
  fillAddonTokens,
} from "./addon-policies";
import { type ArnTokenValues, arnParts, inStackPartition, substituteArnTokens } from "./arn-tokens";
import { exampleDeploymentSpec } from "./example-deployment";
import { inlinePolicyDocument } from "./inline-policy";
import { annotateServiceAccount } from "./irsa";
import { associateServiceAccount } from "./pod-identity";
import type { PodCredentialInputs } from "./pod-template";
import {
  additionalAssociationName,
  addonInlinePolicyName,
  addonPolicyName,
  identityKey,
  INLINE_POLICY_NAME,
  legacyNames,
  policyAttachmentName,
  TARGET_ROLE_POLICY_NAME,
  targetRolePolicyName,
} from "./resource-names";
import { resolveServiceAccount, type ServiceAccountLike } from "./service-account-like";
import type { IdentityType, ServiceAccountSettings } from "./settings-types";
import type { IdentityConfig } from "./stack-config";
import {
  assertWithinTrustPolicyQuota,
  irsaTrustPolicy,
  parseOidcProviderArns,
  podIdentityTrustPolicy,
  type PolicyDocument,
  roleNameOfArn,
} from "./trust-policy";

// settings.ts imports its types from here.
export type * from "./settings-types";

/** The provider's annotation that makes a Patch take fields over from other field managers (pulumi-kubernetes await.go patchForce). */
export const PATCH_FORCE_ANNOTATION = "pulumi.com/patchForce";

export type IrsaConfig = Extract<IdentityConfig, { identityType: "IRSA" }>;
export type PodIdentityConfig = Extract<IdentityConfig, { identityType: "POD_IDENTITY" }>;

export interface WorkloadIdentityArgs {
  settings: ServiceAccountSettings;
  /** The entry's identity type (its own, or the stack's). */
  identityType: IdentityType;
  /** IRSA (and IRSA_AND_POD_IDENTITY): the OIDC provider(s) the role trusts. */
  irsa?: IrsaConfig;
  /** Pod Identity (and IRSA_AND_POD_IDENTITY): the cluster the role and associations are for. */
  podIdentity?: PodIdentityConfig;
  /** The IAM role's name in this stack (src/role-name.ts). */
  roleName: string;
  /** Values for ${partition} / ${accountId} in policy ARNs and statement resources. */
  arnTokens: pulumi.Input<ArnTokenValues>;
  /** Kubernetes provider; must have enableServerSideApply (ServiceAccountPatch needs it). */
  provider: Provider;
  /** The namespace, when this stack creates it. */
  namespace?: corev1.Namespace;
  /** Pod Identity: the cluster name, known once the Pod Identity Agent is there (src/pod-identity-agent.ts). */
  podIdentityClusterName?: pulumi.Input<string>;
  /** What the account's binding must wait for, such as the Helm release that creates an adopted account. */
  dependsOn?: pulumi.Resource[];
  /** The name this identity had when names were `<namespace>-<name>`: its resources get aliases to it. */
  legacyName?: string;
}

/**
 * What an entry makes of its identity type: the trust of the role it creates (none for an existing role), and
 * the bindings of its service account (none for a role-only entry). The generator decides the same
 * (its options/identity-parts.ts) for the README and the stack config.
 */
export function identityParts(
  identityType: IdentityType,
  sa: Pick<ServiceAccountSettings, "roleOnly" | "existingRoleArn"> = {},
) {
  const irsa = identityType !== "POD_IDENTITY";
  const pods = identityType !== "IRSA";
  const createsRole = sa.existingRoleArn === undefined;
  return {
    trustsOidc: irsa && createsRole,
    trustsPods: pods && createsRole,
    annotates: irsa && !sa.roleOnly,
    associates: pods && !sa.roleOnly,
  };
}

/** One service account and its IAM role, permissions and binding (IRSA annotation and/or Pod Identity association). */
export class WorkloadIdentity extends pulumi.ComponentResource {
  /** The role: created here, or read (existingRoleArn), never managed, in that case. */
  readonly role: iam.Role;
  readonly namespace?: corev1.Namespace;
  readonly serviceAccount?: corev1.ServiceAccount;
  /** An adopted service account (IRSA), read so that the patch never creates one the owner has not made. */
  readonly existingServiceAccount?: corev1.ServiceAccount;
  readonly serviceAccountPatch?: corev1.ServiceAccountPatch;
  readonly podIdentityAssociation?: eks.PodIdentityAssociation;
  /** Pod Identity: one more association per additional service account, sharing the role. */
  readonly additionalPodIdentityAssociations: eks.PodIdentityAssociation[];
  /** The inline RolePolicy (if any) and one RolePolicyAttachment per managed policy. */
  readonly policies: pulumi.Resource[];
  /** What a workload must dependsOn so that its pods start with working credentials and permissions. */
  readonly credentialDependencies: pulumi.Resource[];
  /** What pods read about their credentials when created: see podTemplateAnnotations (src/pod-template.ts). */
  readonly podCredentialInputs: pulumi.Output<PodCredentialInputs>;
  readonly exampleDeployment?: appsv1.Deployment;

  constructor(args: WorkloadIdentityArgs, opts?: pulumi.ComponentResourceOptions) {
    const s = args.settings;
    const parts = identityParts(args.identityType, s);
    // Checked before registering anything.
    if (parts.trustsOidc && !args.irsa) {
      throw new Error(`${identityKey(s)}: ${args.identityType} needs the IRSA config.`);
    }
    if (parts.trustsPods && !args.podIdentity) {
      throw new Error(`${identityKey(s)}: ${args.identityType} needs the Pod Identity config.`);
    }
    if (
      s.existingRoleArn !== undefined &&
      (s.policyStatements.length > 0 || s.managedPolicyArns.length > 0 || s.addonPolicies.length > 0)
    ) {
      throw new Error(
        `${identityKey(s)}: existingRoleArn binds a role this stack does not manage; give it no policies.`,
      );
    }
    // Also checked before registering: an add-on policy without the scope it needs throws here.
    const addonDocuments = s.addonPolicies.map((addon) => ({
      addon,
      document: addonPolicyDocument(addon, s.addonScope ?? {}),
    }));
    const name = identityKey(s);
    const legacy = args.legacyName;
    const alias = (suffix = ""): Pick<pulumi.CustomResourceOptions, "aliases"> =>
      legacy === undefined ? {} : { aliases: [{ name: `${legacy}${suffix}` }] };
    super("eks-irsa:index:WorkloadIdentity", name, {}, { ...alias(), ...opts });
    this.namespace = args.namespace;
    const k8sOpts: pulumi.CustomResourceOptions = { parent: this, provider: args.provider };
    const tokens = pulumi.output(args.arnTokens);
    const withTokens = (template: string): pulumi.Output<string> =>
      tokens.apply((t) => substituteArnTokens(template, t));
    // A created namespace's name is an input of what lives in it, so they wait for it (and go before it).
    const namespaceName: pulumi.Input<string> = args.namespace?.metadata.name ?? s.namespace;

    let serviceAccount: ServiceAccountLike = { name: s.name, namespace: namespaceName };
    if (s.createServiceAccount) {
      this.serviceAccount = new corev1.ServiceAccount(
        name,
        { metadata: { name: s.name, namespace: namespaceName, labels: s.labels, annotations: s.annotations } },
        { ...k8sOpts, ...alias() },
      );
      serviceAccount = this.serviceAccount;
    }
    const account = resolveServiceAccount(serviceAccount);
    // The ARN the annotation or association binds: the role's own, checked against existingRoleArn for a read role.
    let boundRoleArn: pulumi.Output<string> | undefined;

    if (s.existingRoleArn !== undefined) {
      // Read, not managed: a missing role stops the deployment, and `destroy` leaves the role alone.
      this.role = iam.Role.get(name, roleNameOfArn(s.existingRoleArn), undefined, { parent: this });
      // The read is by name in the account of the stack's AWS credentials: the role it finds is bound only if it is
      // the one existingRoleArn names, not a role of the same name in another account.
      const existing = s.existingRoleArn;
      boundRoleArn = pulumi
        .all([this.role.arn, tokens])
        .apply(([read, t]) => sameRole(read, substituteArnTokens(existing, t), `${s.namespace}/${s.name}`));
    } else {
      const assumeRolePolicy = pulumi
        .all([
          args.irsa?.oidcProviderArn,
          args.podIdentity?.clusterArn,
          tokens.accountId,
          account.namespace,
          account.name,
        ])
        .apply(([oidcProviderArn, clusterArn, accountId, namespace, saName]) => {
          const serviceAccounts = [{ namespace, name: saName }, ...s.additionalServiceAccounts];
          const statements: PolicyDocument["Statement"] = [];
          if (parts.trustsOidc) {
            const oidcProviderArns = [oidcProviderArn!, ...args.irsa!.additionalOidcProviderArns];
            parseOidcProviderArns(oidcProviderArns);
            statements.push(
              ...irsaTrustPolicy({
                oidcProviderArns,
                serviceAccounts,
                audience: s.audience,
                allowWildcardSubjects: s.allowWildcardSubjects,
              }).Statement,
            );
          }
          if (parts.trustsPods) {
            statements.push(
              ...podIdentityTrustPolicy({
                clusterArn: clusterArn!,
                accountId,
                serviceAccount: serviceAccounts[0],
                additionalServiceAccounts: s.additionalServiceAccounts,
                sessionTags: !s.disableSessionTags,
              }).Statement,
            );
          }
          const doc: PolicyDocument = { Version: "2012-10-17", Statement: statements };
          assertWithinTrustPolicyQuota(doc, name);
          return JSON.stringify(doc);
        });
      this.role = new iam.Role(
        name,
        {
          name: args.roleName,
          path: s.rolePath,
          permissionsBoundary:
            s.permissionsBoundaryArn === undefined ? undefined : withTokens(s.permissionsBoundaryArn),
          maxSessionDuration: s.maxSessionDuration,
          tags: s.tags,
          assumeRolePolicy,
        },
        { parent: this, ...alias() },
      );
    }

    const bindings: pulumi.Resource[] = [];
    if (parts.annotates) {
      const annotations: Record<string, string> = {};
      if (s.stsRegionalEndpoints) annotations["eks.amazonaws.com/sts-regional-endpoints"] = "true";
      if (s.tokenExpirationSeconds !== undefined) {
        annotations["eks.amazonaws.com/token-expiration"] = String(s.tokenExpirationSeconds);
      }
      const patchDependsOn: pulumi.Resource[] = [...(args.dependsOn ?? [])];
      if (!s.createServiceAccount) {
        this.existingServiceAccount = readExistingServiceAccount(s, namespaceName, args.dependsOn ?? [], k8sOpts);
        patchDependsOn.push(this.existingServiceAccount);
      }
      this.serviceAccountPatch = annotateServiceAccount(name, {
        serviceAccount,
        roleArn: boundRoleArn ?? this.role.arn,
        audience: s.audience,
        serviceAccountAnnotations: annotations,
        patchAnnotations: s.forcePatch ? { [PATCH_FORCE_ANNOTATION]: "true" } : {},
        k8sOpts: {
          ...k8sOpts,
          ...alias(legacyNames.serviceAccountPatch),
          dependsOn: patchDependsOn,
          // Deleting a Patch re-applies an empty object with server-side apply, which creates the account again
          // when it is gone, or fails when its namespace is (pulumi-kubernetes await.go Deletion, ssa.Relinquish).
          // So a patch of a created account is deleted with the account; one of an adopted account is left on
          // it: `destroy` succeeds whatever is left of the account, and never recreates it.
          ...(this.serviceAccount ? { deletedWith: this.serviceAccount } : { retainOnDelete: true }),
        },
      });
      bindings.push(this.serviceAccountPatch);
    }
    this.additionalPodIdentityAssociations = [];
    // A target role of another partition can never be assumed from this one: refused before any association.
    const target = s.targetRoleArn;
    const targetRoleArn =
      target === undefined
        ? undefined
        : tokens.apply((t) =>
            inStackPartition(
              target,
              t.partition,
              `targetRoleArn of ${s.namespace}/${s.name}`,
              `a role cannot assume a role of another partition; name a target role in ${t.partition}`,
            ),
          );
    if (parts.associates) {
      const association = (
        ref: ServiceAccountLike,
        resourceName: string,
        aliases: Pick<pulumi.CustomResourceOptions, "aliases">,
      ) =>
        associateServiceAccount(
          resourceName,
          {
            clusterName: args.podIdentityClusterName ?? args.podIdentity!.clusterName,
            serviceAccount: ref,
            roleArn: boundRoleArn ?? this.role.arn,
            targetRoleArn: targetRoleArn,
            disableSessionTags: s.disableSessionTags,
          },
          // A managed service account is already a dependency through its name/namespace outputs. An adopted one's
          // creator (args.dependsOn) is not waited for: EKS binds a name, whether or not the account exists yet
          // (CreatePodIdentityAssociation), and pods that the creator starts get credentials only if the
          // association is there first.
          { parent: this, ...aliases },
        );
      this.podIdentityAssociation = association(serviceAccount, name, alias(legacyNames.association));
      bindings.push(this.podIdentityAssociation);
      for (const other of s.additionalServiceAccounts) {
        const shared = association(other, additionalAssociationName(name, other), {});
        this.additionalPodIdentityAssociations.push(shared);
        bindings.push(shared);
      }
    }

    this.policies = [];
    if (s.policyStatements.length > 0) {
      const policy = tokens.apply((t) => JSON.stringify(inlinePolicyDocument(s.policyStatements, t)));
      this.policies.push(
        new iam.RolePolicy(
          name,
          { role: this.role.name, name: INLINE_POLICY_NAME, policy },
          { parent: this, ...alias(legacyNames.inlinePolicy) },
        ),
      );
    }
    const addonContext: pulumi.Output<AddonContext> = s.addonPolicies.some(addonNeedsRegion)
      ? pulumi.all([tokens, getRegionOutput({}, { parent: this }).region]).apply(([t, region]) => ({ ...t, region }))
      : tokens;
    for (const { addon, document } of addonDocuments) {
      if (!document) continue;
      const policy = addonContext.apply((context) => JSON.stringify(fillAddonTokens(document, context)));
      this.policies.push(
        new iam.RolePolicy(
          addonPolicyName(name, addon),
          { role: this.role.name, name: addonInlinePolicyName(addon), policy },
          { parent: this },
        ),
      );
    }
    for (const arn of new Set([...s.managedPolicyArns, ...s.addonPolicies.flatMap(addonManagedPolicyArns)])) {
      this.policies.push(
        new iam.RolePolicyAttachment(
          policyAttachmentName(name, arn),
          { role: this.role.name, policyArn: withTokens(arn) },
          { parent: this, ...alias(legacyNames.policyAttachment(arn)) },
        ),
      );
    }
    if (s.targetRoleArn !== undefined && parts.associates) {
      // EKS assumes the target role with this role's credentials (EKS User Guide, pod-id-assign-target-role).
      const policy = JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: ["sts:AssumeRole", "sts:TagSession"], Resource: s.targetRoleArn }],
      });
      this.policies.push(
        // An explicit IAM name: one derived from the resource name would hold '/', which IAM refuses in a policy name.
        new iam.RolePolicy(
          targetRolePolicyName(name),
          { role: this.role.name, name: TARGET_ROLE_POLICY_NAME, policy },
          { parent: this },
        ),
      );
    }
    this.credentialDependencies = [...bindings, ...this.policies];

    const association = this.podIdentityAssociation?.associationArn ?? pulumi.output(undefined);
    this.podCredentialInputs = pulumi
      .all([boundRoleArn ?? this.role.arn, association])
      .apply(([roleArn, associationArn]): PodCredentialInputs => ({
        identityType: args.identityType,
        roleArn,
        ...(parts.annotates && {
          audience: s.audience,
          stsRegionalEndpoints: s.stsRegionalEndpoints,
          tokenExpirationSeconds: s.tokenExpirationSeconds,
        }),
        ...(parts.associates && {
          associationArn,
          targetRoleArn: s.targetRoleArn,
          disableSessionTags: s.disableSessionTags || undefined,
        }),
      }));

    if (s.exampleDeployment) {
      this.exampleDeployment = new appsv1.Deployment(
        name,
        exampleDeploymentSpec({
          serviceAccountName: this.serviceAccount?.metadata.name ?? s.name,
          namespace: namespaceName,
          instance: s.name,
          image: s.exampleDeployment.image,
          replicas: s.exampleDeployment.replicas,
          identity: this,
        }),
        { ...k8sOpts, ...alias(legacyNames.exampleDeployment), dependsOn: this.credentialDependencies },
      );
    }
    this.registerOutputs({ roleArn: this.role.arn, roleName: this.role.name });
  }
}

/**
 * An adopted account (IRSA), read from the cluster: a Patch applied with server-side apply creates a missing
 * object (pulumi-kubernetes await.go Creation upserts Patch resources), which would leave an empty account for the
 * chart that owns it to collide with. A read of a missing object fails the deployment with the object's name,
 * in preview too (pulumi pkg/resource/deploy/step.go ReadStep: "resource '<namespace>/<name>' does not exist").
 * Its ID waits for the resources it depends on, so that a preview before they exist skips the read (an unknown
 * ID is not read) instead of failing.
 */
function readExistingServiceAccount(
  s: ServiceAccountSettings,
  namespace: pulumi.Input<string>,
  dependsOn: pulumi.Resource[],
  k8sOpts: pulumi.CustomResourceOptions,
): corev1.ServiceAccount {
  const waitFor = dependsOn.map((r) => (pulumi.CustomResource.isInstance(r) ? r.id : r.urn));
  const id = pulumi.all([namespace, ...waitFor]).apply(([ns]) => `${ns}/${s.name}`);
  return corev1.ServiceAccount.get(identityKey(s), id, { ...k8sOpts, dependsOn });
}

/**
 * The ARN of a role read by name, if it is the role `configured` names: the same account and name (a name is unique
 * in an account, whatever the path). A role of another account is not readable here, and binding one of the same name
 * in this account would give the pods the wrong role.
 */
export function sameRole(read: string, configured: string, key: string): string {
  const accountOf = (arn: string) => arnParts(arn).accountId;
  if (accountOf(read) === accountOf(configured) && roleNameOfArn(read) === roleNameOfArn(configured)) return read;
  throw new Error(
    `existingRoleArn of ${key}: ${configured} is in account ${accountOf(configured)}, but the stack reads roles in ` +
      `the account of its AWS credentials, ${accountOf(read)}, where it found ${read}. A role of another account ` +
      `cannot be bound as an existing role: deploy with credentials of account ${accountOf(configured)}, or let the ` +
      `stack create the role (leave existingRoleArn out).`,
  );
}
