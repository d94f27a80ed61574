// Pulumi SDK submodules, not the whole @pulumi/aws: its index loads every service's types (0.4-0.5 s a test file).
import { getCallerIdentityOutput } from "@pulumi/aws/getCallerIdentity";
import { getPartitionOutput } from "@pulumi/aws/getPartition";
import type * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import type { ArnTokenValues } from "./arn-tokens";
import { settings as generatedSettings } from "./settings";
import type { IdentityType, StackSettings } from "./settings-types";
import { type IdentityConfig, readIdentityConfig } from "./stack-config";
import { parseOidcProviderArn } from "./trust-policy";
import { WorkloadIdentity } from "./workload-identity";

export interface DeclareWorkloadIdentitiesArgs {
  /** Kubernetes provider with enableServerSideApply: true. */
  provider: k8s.Provider;
  /** Defaults to the generated settings; overridable for tests. */
  stackSettings?: StackSettings;
}

/** One WorkloadIdentity per configured service account, keyed "<namespace>/<name>". */
export function declareWorkloadIdentities({
  provider,
  stackSettings = generatedSettings,
}: DeclareWorkloadIdentitiesArgs): Record<string, WorkloadIdentity> {
  // Each identity type's stack config is read once, and only when an entry uses it.
  const byType = new Map<IdentityType, { identity: IdentityConfig; arnTokens: pulumi.Output<ArnTokenValues> }>();
  const configOf = (identityType: IdentityType) => {
    let config = byType.get(identityType);
    if (!config) {
      const identity = readIdentityConfig({ identityType, oidcProviderSource: stackSettings.oidcProviderSource });
      config = { identity, arnTokens: arnTokenValues(identity) };
      byType.set(identityType, config);
    }
    return config;
  };
  const identities: Record<string, WorkloadIdentity> = {};
  for (const sa of stackSettings.serviceAccounts) {
    const key = `${sa.namespace}/${sa.name}`;
    if (identities[key]) throw new Error(`Service account ${key} is configured twice.`);
    identities[key] = new WorkloadIdentity(`${sa.namespace}-${sa.name}`, {
      settings: sa,
      ...configOf(sa.identityType ?? stackSettings.identityType),
      provider,
    });
  }
  return identities;
}

/** IRSA: the OIDC provider's account and partition (no AWS call); Pod Identity: the caller's. */
function arnTokenValues(identity: IdentityConfig): pulumi.Output<ArnTokenValues> {
  if (identity.identityType === "IRSA") {
    return identity.oidcProviderArn.apply((arn) => {
      const { partition, accountId } = parseOidcProviderArn(arn);
      return { partition, accountId };
    });
  }
  return pulumi
    .all([getPartitionOutput().partition, getCallerIdentityOutput().accountId])
    .apply(([partition, accountId]) => ({ partition, accountId }));
}
