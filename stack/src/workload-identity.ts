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
import { type ArnTokenValues, substituteArnTokens } from "./arn-tokens";
import { inlinePolicyDocument } from "./inline-policy";
import { createIamRoleForServiceAccount } from "./irsa";
import { createPodIdentityRole } from "./pod-identity";
import type { ServiceAccountLike } from "./service-account-like";
import type { ServiceAccountSettings } from "./settings-types";
import type { IdentityConfig } from "./stack-config";

// settings.ts imports its types from here.
export type * from "./settings-types";

/** Pod template annotation: a new role ARN changes the template, so the pods roll and pick up new credentials. */
export const ROLE_ARN_ROLLOUT_ANNOTATION = "eks-irsa-template/role-arn";

export interface WorkloadIdentityArgs {
  settings: ServiceAccountSettings;
  identity: IdentityConfig;
  /** Values for ${partition} / ${accountId} in policy ARNs and statement resources. */
  arnTokens: pulumi.Input<ArnTokenValues>;
  /** Kubernetes provider; must have enableServerSideApply (ServiceAccountPatch needs it). */
  provider: Provider;
}

/** One service account and its IAM role, permissions and binding (IRSA annotation or Pod Identity association). */
export class WorkloadIdentity extends pulumi.ComponentResource {
  readonly role: iam.Role;
  readonly serviceAccount?: corev1.ServiceAccount;
  readonly serviceAccountPatch?: corev1.ServiceAccountPatch;
  readonly podIdentityAssociation?: eks.PodIdentityAssociation;
  /** The inline RolePolicy (if any) and one RolePolicyAttachment per managed policy. */
  readonly policies: pulumi.Resource[];
  /** What a workload must dependsOn so that its pods start with working credentials and permissions. */
  readonly credentialDependencies: pulumi.Resource[];
  readonly exampleDeployment?: appsv1.Deployment;

  constructor(name: string, args: WorkloadIdentityArgs, opts?: pulumi.ComponentResourceOptions) {
    const s = args.settings;
    // Checked before registering anything. An association binds one service account, so sharing a role needs one entry per account.
    if (args.identity.identityType === "POD_IDENTITY" && s.additionalServiceAccounts.length > 0) {
      throw new Error(
        `${s.namespace}/${s.name}: additionalServiceAccounts is IRSA-only; add one entry per service account for Pod Identity.`,
      );
    }
    // Also checked before registering: an add-on policy without the scope it needs throws here.
    const addonDocuments = s.addonPolicies.map((addon) => ({
      addon,
      document: addonPolicyDocument(addon, s.addonScope ?? {}),
    }));
    super("eks-irsa:index:WorkloadIdentity", name, {}, opts);
    const k8sOpts: pulumi.CustomResourceOptions = { parent: this, provider: args.provider };
    const tokens = pulumi.output(args.arnTokens);
    const withTokens = (template: string): pulumi.Output<string> =>
      tokens.apply((t) => substituteArnTokens(template, t));

    let serviceAccount: ServiceAccountLike = { name: s.name, namespace: s.namespace };
    if (s.createServiceAccount) {
      this.serviceAccount = new corev1.ServiceAccount(
        name,
        { metadata: { name: s.name, namespace: s.namespace, labels: s.labels, annotations: s.annotations } },
        k8sOpts,
      );
      serviceAccount = this.serviceAccount;
    }

    const roleArgs = {
      name: s.roleName,
      path: s.rolePath,
      permissionsBoundary: s.permissionsBoundaryArn === undefined ? undefined : withTokens(s.permissionsBoundaryArn),
      maxSessionDuration: s.maxSessionDuration,
      tags: s.tags,
    };
    let binding: pulumi.Resource;
    if (args.identity.identityType === "IRSA") {
      const annotations: Record<string, string> = {};
      if (s.stsRegionalEndpoints) annotations["eks.amazonaws.com/sts-regional-endpoints"] = "true";
      if (s.tokenExpirationSeconds !== undefined) {
        annotations["eks.amazonaws.com/token-expiration"] = String(s.tokenExpirationSeconds);
      }
      const irsa = createIamRoleForServiceAccount(
        name,
        {
          ...roleArgs,
          serviceAccount,
          oidcProviderArn: args.identity.oidcProviderArn,
          additionalOidcProviderArns: args.identity.additionalOidcProviderArns,
          additionalServiceAccounts: s.additionalServiceAccounts,
          audience: s.audience,
          allowWildcardSubjects: s.allowWildcardSubjects,
          serviceAccountAnnotations: annotations,
          k8sOpts,
        },
        { parent: this },
      );
      this.role = irsa.role;
      binding = this.serviceAccountPatch = irsa.serviceAccountPatch;
    } else {
      const podIdentity = createPodIdentityRole(
        name,
        { ...roleArgs, clusterName: args.identity.clusterName, serviceAccount },
        { parent: this },
      );
      this.role = podIdentity.role;
      binding = this.podIdentityAssociation = podIdentity.association;
    }

    this.policies = [];
    if (s.policyStatements.length > 0) {
      const policy = tokens.apply((t) => JSON.stringify(inlinePolicyDocument(s.policyStatements, t)));
      this.policies.push(new iam.RolePolicy(`${name}-inline`, { role: this.role.name, policy }, { parent: this }));
    }
    const addonContext: pulumi.Output<AddonContext> = s.addonPolicies.some(addonNeedsRegion)
      ? pulumi.all([tokens, getRegionOutput({}, { parent: this }).region]).apply(([t, region]) => ({ ...t, region }))
      : tokens;
    for (const { addon, document } of addonDocuments) {
      if (!document) continue;
      const policy = addonContext.apply((context) => JSON.stringify(fillAddonTokens(document, context)));
      this.policies.push(
        new iam.RolePolicy(`${name}-addon-${addonKey(addon)}`, { role: this.role.name, policy }, { parent: this }),
      );
    }
    for (const arn of new Set([...s.managedPolicyArns, ...s.addonPolicies.flatMap(addonManagedPolicyArns)])) {
      this.policies.push(
        new iam.RolePolicyAttachment(
          `${name}-${policyKey(arn)}`,
          { role: this.role.name, policyArn: withTokens(arn) },
          { parent: this },
        ),
      );
    }
    this.credentialDependencies = [binding, ...this.policies];

    if (s.exampleDeployment) {
      const labels = { "app.kubernetes.io/name": "identity-check", "app.kubernetes.io/instance": s.name };
      this.exampleDeployment = new appsv1.Deployment(
        `${name}-example`,
        {
          metadata: { name: `${s.name}-identity-check`, namespace: s.namespace, labels },
          spec: {
            replicas: s.exampleDeployment.replicas,
            selector: { matchLabels: labels },
            template: {
              metadata: { labels, annotations: { [ROLE_ARN_ROLLOUT_ANNOTATION]: this.role.arn } },
              spec: {
                serviceAccountName: this.serviceAccount?.metadata.name ?? s.name,
                containers: [
                  {
                    name: "identity-check",
                    image: s.exampleDeployment.image,
                    // Logs which role the pod really got, then stays up so it can be inspected.
                    command: ["/bin/sh", "-c"],
                    args: ["aws sts get-caller-identity && exec sleep infinity"],
                  },
                ],
              },
            },
          },
        },
        { ...k8sOpts, dependsOn: this.credentialDependencies },
      );
    }
    this.registerOutputs({ roleArn: this.role.arn, roleName: this.role.name });
  }
}

/** Resource-name suffix of an add-on's inline policy: "EXTERNAL_DNS" -> "external-dns". */
function addonKey(addon: string): string {
  return addon.toLowerCase().replace(/_/g, "-");
}

/** Stable resource-name suffix for a policy ARN (not its index, so reordering does not replace attachments). */
function policyKey(arn: string): string {
  const key = arn
    .replace(/^arn:[^:]*:iam::/, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return key || "policy";
}
