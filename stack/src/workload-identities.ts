// Pulumi SDK submodules, not the whole @pulumi/aws: its index loads every service's types (0.4-0.5 s a test file).
import { getCallerIdentityOutput } from "@pulumi/aws/getCallerIdentity";
import { getPartitionOutput } from "@pulumi/aws/getPartition";
// Submodules, not the whole @pulumi/kubernetes: its index costs a test file 0.1-0.2 s more.
import * as corev1 from "@pulumi/kubernetes/core/v1";
import type { Provider } from "@pulumi/kubernetes/provider";
import * as pulumi from "@pulumi/pulumi";
import type { ArnTokenValues } from "./arn-tokens";
import { podIdentityAgent } from "./pod-identity-agent";
import { identityKey, legacyNames } from "./resource-names";
import { roleNameInStack } from "./role-name";
import { settings as generatedSettings } from "./settings";
import type { IdentityType, ServiceAccountSettings, StackSettings } from "./settings-types";
import { type IdentityConfig, readIdentityConfig } from "./stack-config";
import { parseOidcProviderArn, roleNameOfArn } from "./trust-policy";
import { identityParts, type IrsaConfig, type PodIdentityConfig, WorkloadIdentity } from "./workload-identity";

export interface DeclareWorkloadIdentitiesArgs {
  /** Kubernetes provider with enableServerSideApply: true. */
  provider: Provider;
  /**
   * What the annotation of an adopted account (createServiceAccount: false, IRSA) waits for, by
   * "<namespace>/<name>": typically the Helm release or manifests that create it. A Pod Identity association waits
   * for nothing of the kind: EKS binds the account's name, which need not exist yet.
   */
  dependsOn?: Record<string, pulumi.Resource | pulumi.Resource[]>;
  /** Defaults to the generated settings; overridable for tests. */
  stackSettings?: StackSettings;
}

/**
 * How each kind of identity reads the stack config, for the kinds the settings' entries use: the OIDC provider when a
 * role trusts it (for those entries' audiences), the cluster when a role trusts Pod Identity or an account is
 * associated. The program reads each once; the stack's tests read them to check its stack files.
 */
export function identityConfigReaders(stackSettings: StackSettings): {
  irsa?: () => IrsaConfig;
  podIdentity?: () => PodIdentityConfig;
} {
  const partsOf = (sa: ServiceAccountSettings) => identityParts(sa.identityType ?? stackSettings.identityType, sa);
  const trustingOidc = stackSettings.serviceAccounts.filter((sa) => partsOf(sa).trustsOidc);
  const usingPods = stackSettings.serviceAccounts.some((sa) => partsOf(sa).trustsPods || partsOf(sa).associates);
  const { oidcProviderSource } = stackSettings;
  return {
    ...(trustingOidc.length > 0 && {
      irsa: () =>
        readIdentityConfig({ identityType: "IRSA", oidcProviderSource, serviceAccounts: trustingOidc }) as IrsaConfig,
    }),
    ...(usingPods && {
      podIdentity: () => readIdentityConfig({ identityType: "POD_IDENTITY", oidcProviderSource }) as PodIdentityConfig,
    }),
  };
}

/** One WorkloadIdentity per configured service account, keyed "<namespace>/<name>". */
export function declareWorkloadIdentities({
  provider,
  dependsOn = {},
  stackSettings = generatedSettings,
}: DeclareWorkloadIdentitiesArgs): Record<string, WorkloadIdentity> {
  const keys = stackSettings.serviceAccounts.map(identityKey);
  const unknown = Object.keys(dependsOn).filter((key) => !keys.includes(key));
  if (unknown.length > 0) {
    throw new Error(
      `declareWorkloadIdentities: dependsOn names ${unknown.join(", ")}, which the settings do not declare; ` +
        `use "<namespace>/<name>" of one of: ${keys.join(", ")}.`,
    );
  }
  const roleNames = roleNamesInThisStack(stackSettings);
  const namespaces = createdNamespaces(stackSettings, provider);
  const identityTypeOf = (sa: ServiceAccountSettings): IdentityType => sa.identityType ?? stackSettings.identityType;
  const associating = (sa: ServiceAccountSettings) => identityParts(identityTypeOf(sa), sa).associates;
  const readers = identityConfigReaders(stackSettings);
  const once = <T>(read: () => T): (() => T) => {
    let value: T | undefined;
    return () => (value ??= read());
  };
  // configOf asks for a kind only for an entry that uses it, so its reader is there.
  const irsaConfig = once(() => {
    const identity = readers.irsa!();
    return { identity, arnTokens: arnTokenValues(identity) };
  });
  const podConfig = once(() => {
    const identity = readers.podIdentity!();
    const agent = stackSettings.serviceAccounts.some(associating)
      ? podIdentityAgent(stackSettings.podIdentityAgent, identity.clusterName)
      : undefined;
    return { identity, arnTokens: arnTokenValues(identity), clusterName: agent?.clusterName };
  });
  const configOf = (sa: ServiceAccountSettings) => {
    const type = identityTypeOf(sa);
    const parts = identityParts(type, sa);
    // An existing role is only bound: no trust to build.
    const irsa = parts.trustsOidc ? irsaConfig() : undefined;
    const pod = parts.trustsPods || parts.associates ? podConfig() : undefined;
    return {
      identityType: type,
      irsa: irsa?.identity,
      podIdentity: pod?.identity,
      // IRSA fills ${partition} and ${accountId} from the OIDC provider ARN, Pod Identity from the caller.
      arnTokens: irsa?.arnTokens ?? pod?.arnTokens ?? callerArnTokens(),
      podIdentityClusterName: pod?.clusterName,
    };
  };
  // Aliases to the names of before, `<namespace>-<name>`, only where that name was not shared by two accounts.
  const legacyCounts = new Map<string, number>();
  for (const sa of stackSettings.serviceAccounts) {
    const legacy = legacyNames.identity(sa);
    legacyCounts.set(legacy, (legacyCounts.get(legacy) ?? 0) + 1);
  }

  const identities: Record<string, WorkloadIdentity> = {};
  stackSettings.serviceAccounts.forEach((sa, i) => {
    const key = keys[i];
    if (identities[key]) throw new Error(`Service account ${key} is configured twice.`);
    const legacy = legacyNames.identity(sa);
    identities[key] = new WorkloadIdentity({
      settings: sa,
      ...configOf(sa),
      roleName: roleNames[i],
      provider,
      namespace: namespaces.get(sa.namespace),
      dependsOn: [dependsOn[key] ?? []].flat(),
      legacyName: legacyCounts.get(legacy) === 1 ? legacy : undefined,
    });
  });
  return identities;
}

/** The role names in the running stack; two that IAM would take for one (it ignores case) stop the program. */
function roleNamesInThisStack(stackSettings: StackSettings): string[] {
  const stack = pulumi.getStack();
  const names = stackSettings.serviceAccounts.map((sa) =>
    sa.existingRoleArn === undefined
      ? roleNameInStack(sa, stack, stackSettings.firstStackName)
      : roleNameOfArn(sa.existingRoleArn),
  );
  const seen = new Map<string, number>();
  names.forEach((name, i) => {
    // Entries may share an existing role; two roles this stack creates may not share a name.
    if (stackSettings.serviceAccounts[i].existingRoleArn !== undefined) return;
    const earlier = seen.get(name.toLowerCase());
    if (earlier !== undefined) {
      throw new Error(
        `${identityKey(stackSettings.serviceAccounts[i])} and ${identityKey(stackSettings.serviceAccounts[earlier])} ` +
          `would both use IAM role "${name}" in stack "${stack}" (IAM role names ignore case); give one of them another roleName.`,
      );
    }
    seen.set(name.toLowerCase(), i);
  });
  return names;
}

/** One Namespace per namespace whose entries say createNamespace (the generator checks that they all agree). */
function createdNamespaces(stackSettings: StackSettings, provider: Provider): Map<string, corev1.Namespace> {
  const namespaces = new Map<string, corev1.Namespace>();
  for (const sa of stackSettings.serviceAccounts) {
    if (!sa.createNamespace || namespaces.has(sa.namespace)) continue;
    namespaces.set(
      sa.namespace,
      new corev1.Namespace(sa.namespace, { metadata: { name: sa.namespace } }, { provider }),
    );
  }
  return namespaces;
}

/** IRSA: the OIDC provider's account and partition (no AWS call); Pod Identity: the caller's. */
function arnTokenValues(identity: IdentityConfig): pulumi.Output<ArnTokenValues> {
  if (identity.identityType === "IRSA") {
    return identity.oidcProviderArn.apply((arn) => {
      const { partition, accountId } = parseOidcProviderArn(arn);
      return { partition, accountId };
    });
  }
  return callerArnTokens();
}

/** The partition and account of the caller (the stack's AWS provider). */
function callerArnTokens(): pulumi.Output<ArnTokenValues> {
  return pulumi
    .all([getPartitionOutput().partition, getCallerIdentityOutput().accountId])
    .apply(([partition, accountId]) => ({ partition, accountId }));
}
