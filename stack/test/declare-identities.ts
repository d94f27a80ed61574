/** The workload identities of some settings, declared under fresh mocks, for the tests of one behaviour each. */
// Submodules, not the whole @pulumi/kubernetes: its index costs a test file 0.1-0.2 s more.
import { Provider } from "@pulumi/kubernetes/provider";
import type * as pulumi from "@pulumi/pulumi";
import {
  clientIdsFor,
  type MockOptions,
  type Registration,
  registrations,
  settled,
  startMocks,
  TEST_STACK_CONFIG,
} from "./pulumi-mocks";
import { settings } from "../src/settings";
import type { ServiceAccountSettings, StackSettings } from "../src/settings-types";
import type { WorkloadIdentity } from "../src/workload-identity";

/** This project's first stack: the one whose derived role names have no `@<stack>` (`stackName`, not always "dev"). */
export const FIRST_STACK: string = settings.firstStackName;

/** A service account with every optional behaviour off: tests switch on the one they pin. */
export function serviceAccountSettings(overrides: Partial<ServiceAccountSettings> = {}): ServiceAccountSettings {
  const name = overrides.name ?? "api";
  const namespace = overrides.namespace ?? "shop";
  return {
    name,
    namespace,
    roleName: `${settings.projectName}-${name}@${namespace}`,
    roleNamePerStack: true,
    rolePath: "/",
    maxSessionDuration: 3600,
    tags: {},
    createServiceAccount: true,
    createNamespace: false,
    forcePatch: false,
    annotations: {},
    labels: {},
    managedPolicyArns: [],
    policyStatements: [],
    addonPolicies: [],
    audience: "sts.amazonaws.com",
    additionalServiceAccounts: [],
    allowWildcardSubjects: false,
    stsRegionalEndpoints: false,
    ...overrides,
  };
}

/** Declares the identities of `stackSettings` (the generated settings' other fields kept) under new mocks. */
export async function declareIdentities(
  stackSettings: Partial<StackSettings>,
  options: { config?: Record<string, string>; mocks?: MockOptions; dependsOn?: Record<string, pulumi.Resource[]> } = {},
): Promise<Record<string, WorkloadIdentity>> {
  const declared = { ...settings, ...stackSettings };
  // The OIDC provider lists the audiences these identities trust, unless a test says otherwise.
  await startMocks(options.config ?? TEST_STACK_CONFIG, {
    oidcProviderClientIds: clientIdsFor(declared),
    ...options.mocks,
  });
  // Loaded after setMocks, as program modules must be.
  const { declareWorkloadIdentities } = await import("../src/workload-identities");
  let identities: Record<string, WorkloadIdentity>;
  try {
    identities = declareWorkloadIdentities({
      provider: new Provider("eks", { enableServerSideApply: true }),
      stackSettings: declared,
      dependsOn: options.dependsOn,
    });
  } catch (error) {
    // Refused part-way: what it started (the stack config's lookups) ends before the test does.
    await settled();
    throw error;
  }
  await settled();
  return identities;
}

/** What the identities of the stack's settings (or others) register when run as `stack`: role names are per stack. */
export async function registeredAs(stack: string, stackSettings: Partial<StackSettings> = {}): Promise<Registration[]> {
  await declareIdentities(stackSettings, { mocks: { stack } });
  return registrations();
}
