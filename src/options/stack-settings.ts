import type { AddonPolicy } from "./addon-policy";
import type { AddonScopeOption } from "./addon-policy-rules";
import type { IdentityType } from "./identity-type";
import type { OidcProviderSource } from "./oidc-provider-source";
import type { PodIdentityAgentMode } from "./pod-identity-agent-mode";
import type { PolicyEffect } from "./policy-statement";

/**
 * Every choice a generated stack depends on, with all defaults resolved: what the project type
 * hands to its components and what `src/settings.ts` of the stack holds.
 */
export interface StackSettings {
  readonly projectName: string;
  readonly stackName: string;
  readonly region: string;
  /** The default of the entries' identity types. */
  readonly identityType: IdentityType;
  readonly oidcProviderSource: OidcProviderSource;
  readonly podIdentityAgent: PodIdentityAgentMode;
  readonly serviceAccounts: ServiceAccountSettings[];
}

export interface ServiceAccountSettings {
  readonly name: string;
  readonly namespace: string;
  /** The entry's own, or the stack's `identityType`. */
  readonly identityType: IdentityType;
  /** The role's name in the first stack; unshortened (the program fits it to 64 characters). */
  readonly roleName: string;
  /** Derived (stacks but the first add `@<stack>`), not given. */
  readonly roleNamePerStack: boolean;
  readonly roleOnly: boolean;
  readonly existingRoleArn?: string;
  readonly targetRoleArn?: string;
  readonly disableSessionTags: boolean;
  readonly rolePath: string;
  readonly permissionsBoundaryArn?: string;
  readonly maxSessionDuration: number;
  readonly tags: Record<string, string>;
  readonly createServiceAccount: boolean;
  readonly createNamespace: boolean;
  readonly forcePatch: boolean;
  readonly annotations: Record<string, string>;
  readonly labels: Record<string, string>;
  readonly managedPolicyArns: string[];
  readonly policyStatements: PolicyStatementSettings[];
  readonly addonPolicies: AddonPolicy[];
  /** The scoping options that are set, only when some are. */
  readonly addonScope?: AddonScopeSettings;
  readonly audience: string;
  readonly additionalServiceAccounts: { name: string; namespace: string }[];
  readonly allowWildcardSubjects: boolean;
  readonly stsRegionalEndpoints: boolean;
  readonly tokenExpirationSeconds?: number;
  readonly exampleDeployment?: ExampleDeploymentSettings;
}

export type AddonScopeSettings = {
  readonly [option in AddonScopeOption]?: option extends "addonClusterName" | "karpenterInterruptionQueueArn"
    ? string
    : string[];
};

export interface PolicyStatementSettings {
  readonly sid?: string;
  readonly effect: PolicyEffect;
  readonly actions: string[];
  readonly resources: string[];
  readonly conditions?: { test: string; variable: string; values: string[] }[];
}

export interface ExampleDeploymentSettings {
  readonly image: string;
  readonly replicas: number;
}
