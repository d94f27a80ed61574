import { ADDON_SCOPE_OPTION_NAMES } from "./addon-policy-rules";
import type { EksIrsaProjectOptions } from "./eks-irsa-project-options";
import { IdentityType } from "./identity-type";
import { OidcProviderSource } from "./oidc-provider-source";
import { PodIdentityAgentMode } from "./pod-identity-agent-mode";
import { PolicyEffect } from "./policy-statement";
import { roleNameFor } from "./role-name";
import type { ServiceAccountOptions } from "./service-account-options";
import type { AddonScopeSettings, ServiceAccountSettings, StackSettings } from "./stack-settings";

/** The defaults of {@link EksIrsaProjectOptions} and {@link ServiceAccountOptions}, in one place. */
export const DEFAULTS = {
  serviceAccountName: "app",
  namespace: "default",
  stackName: "dev",
  region: "us-east-1",
  identityType: IdentityType.IRSA,
  oidcProviderSource: OidcProviderSource.STACK_CONFIG,
  podIdentityAgent: PodIdentityAgentMode.CHECK,
  rolePath: "/",
  maxSessionDuration: 3600,
  audience: "sts.amazonaws.com",
  exampleDeploymentImage: "public.ecr.aws/aws-cli/aws-cli:2.27.50",
} as const;

/**
 * Resolves every default of the options once, into the settings the components share.
 */
export function resolveStackSettings(options: EksIrsaProjectOptions): StackSettings {
  const projectName = options.pulumiProjectName ?? options.name.replace(/^@[^/]+\//, "");
  const roleNamePrefix = options.roleNamePrefix ?? `${projectName}-`;
  const serviceAccounts = options.serviceAccounts ?? [exampleServiceAccount(options)];
  const identityType = options.identityType ?? DEFAULTS.identityType;
  return {
    projectName,
    stackName: options.stackName ?? DEFAULTS.stackName,
    region: options.region ?? DEFAULTS.region,
    identityType,
    oidcProviderSource: options.oidcProviderSource ?? DEFAULTS.oidcProviderSource,
    podIdentityAgent: options.podIdentityAgent ?? DEFAULTS.podIdentityAgent,
    serviceAccounts: serviceAccounts.map((sa) => resolveServiceAccount(sa, roleNamePrefix, identityType)),
  };
}

/**
 * The service account of a stack scaffolded without `serviceAccounts`: least-privilege examples
 * of both kinds of policy (reading the workload's own SSM parameters; X-Ray's write-only managed
 * policy) and a Deployment that shows the identity its pods assume.
 */
export function exampleServiceAccount(options: EksIrsaProjectOptions): ServiceAccountOptions {
  const name = options.serviceAccountName ?? DEFAULTS.serviceAccountName;
  const namespace = options.namespace ?? DEFAULTS.namespace;
  const parameterPath = `arn:\${partition}:ssm:*:\${accountId}:parameter/${namespace}/${name}`;
  return {
    name,
    namespace,
    policyStatements: [
      {
        sid: "ReadOwnParameters",
        actions: ["ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath"],
        resources: [parameterPath, `${parameterPath}/*`],
      },
    ],
    managedPolicyArns: ["arn:${partition}:iam::aws:policy/AWSXRayDaemonWriteAccess"],
    exampleDeployment: true,
  };
}

function resolveServiceAccount(
  options: ServiceAccountOptions,
  roleNamePrefix: string,
  identityType: IdentityType,
): ServiceAccountSettings {
  const namespace = options.namespace ?? DEFAULTS.namespace;
  return {
    name: options.name,
    namespace,
    identityType: options.identityType ?? identityType,
    roleName: options.roleName ?? roleNameFor({ name: options.name, namespace }, roleNamePrefix),
    roleNamePerStack: options.roleName === undefined,
    rolePath: options.rolePath ?? DEFAULTS.rolePath,
    permissionsBoundaryArn: options.permissionsBoundaryArn,
    maxSessionDuration: options.maxSessionDuration ?? DEFAULTS.maxSessionDuration,
    tags: options.tags ?? {},
    createServiceAccount: options.createServiceAccount ?? true,
    createNamespace: options.createNamespace ?? false,
    forcePatch: options.forcePatch ?? false,
    annotations: options.annotations ?? {},
    labels: options.labels ?? {},
    managedPolicyArns: options.managedPolicyArns ?? [],
    policyStatements: (options.policyStatements ?? []).map((statement) => ({
      sid: statement.sid,
      effect: statement.effect ?? PolicyEffect.ALLOW,
      actions: statement.actions,
      resources: statement.resources,
      conditions: statement.conditions,
    })),
    addonPolicies: [...new Set(options.addonPolicies ?? [])],
    addonScope: addonScopeOf(options),
    audience: options.audience ?? DEFAULTS.audience,
    additionalServiceAccounts: options.additionalServiceAccounts ?? [],
    allowWildcardSubjects: options.allowWildcardSubjects ?? false,
    stsRegionalEndpoints: options.stsRegionalEndpoints ?? false,
    tokenExpirationSeconds: options.tokenExpirationSeconds,
    exampleDeployment: options.exampleDeployment
      ? { image: options.exampleDeploymentImage ?? DEFAULTS.exampleDeploymentImage, replicas: 1 }
      : undefined,
  };
}

function addonScopeOf(options: ServiceAccountOptions): AddonScopeSettings | undefined {
  const set = ADDON_SCOPE_OPTION_NAMES.filter((option) => options[option] !== undefined);
  return set.length > 0 ? Object.fromEntries(set.map((option) => [option, options[option]])) : undefined;
}
