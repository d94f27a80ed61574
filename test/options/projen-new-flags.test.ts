import type { EksIrsaProjectOptions } from "../../src";
import { OptionsValidationError, validatedSettings } from "../../src/options/validation";

// src/options/rules/projen-new-flags.ts, at the unit level: projen new's raw flags arrive under `__new__.args`
// (test/errors/projen-new.test.ts runs projen new itself).

function problemsOfFlags(args: Record<string, unknown>): string[] {
  const options = { name: "orders-stack", defaultReleaseBranch: "main", __new__: { args } };
  try {
    validatedSettings(options as EksIrsaProjectOptions);
  } catch (error) {
    if (error instanceof OptionsValidationError) return error.problems;
    throw error;
  }
  return [];
}

test("an enum flag's unknown value is refused with the flag's name, the allowed values and the closest one", () => {
  expect(problemsOfFlags({ oidcProviderSource: "cluster", podIdentityAgent: "instal" })).toEqual([
    '--oidc-provider-source: "cluster" is not a value of OidcProviderSource; use one of STACK_CONFIG, CLUSTER_LOOKUP, STACK_REFERENCE.',
    '--pod-identity-agent: "instal" is not a value of PodIdentityAgentMode (did you mean INSTALL?); use one of CHECK, INSTALL, NONE.',
  ]);
});

test("a value in any case, with - for _, is the member projen writes; flags that are not enums are left alone", () => {
  expect(problemsOfFlags({ oidcProviderSource: "cluster-lookup", name: "orders", serviceAccountName: "api" })).toEqual(
    [],
  );
});
