import type { EksIrsaProjectOptions } from "./eks-irsa-project-options";
import { OptionsValidationError } from "./options-validation-error";
import { addonPolicies } from "./rules/addon-policies";
import { awsRegion } from "./rules/aws-region";
import { iamRole, roleNamePrefix } from "./rules/iam-role";
import { irsaToken } from "./rules/irsa-token";
import { kubernetesNames } from "./rules/kubernetes-names";
import { managedPolicies } from "./rules/managed-policies";
import { optionCombinations } from "./rules/option-combinations";
import { policyStatements } from "./rules/policy-statements";
import { pulumiNames } from "./rules/pulumi-names";
import type { ProjectRule, ServiceAccountRule, ValidationContext } from "./rules/rule";
import { trustPolicyQuota } from "./rules/trust-policy-quota";
import { uniqueIdentities } from "./rules/unique-identities";
import type { StackSettings } from "./stack-settings";

export { OptionsValidationError } from "./options-validation-error";

/** The checks of the whole options, in the order their problems are listed. One concept per file in rules/. */
const PROJECT_RULES: ProjectRule[] = [optionCombinations, pulumiNames, awsRegion, roleNamePrefix];

/** The checks of each service account. */
const SERVICE_ACCOUNT_RULES: ServiceAccountRule[] = [
  kubernetesNames,
  iamRole,
  irsaToken,
  managedPolicies,
  policyStatements,
  addonPolicies,
  trustPolicyQuota,
];

/** The checks across service accounts, after each one's own. */
const CROSS_RULES: ProjectRule[] = [uniqueIdentities];

/**
 * Checks the options (resolved into settings) before anything is synthesized, and throws one
 * error listing every problem, each naming the option, the bad value, the rule and the fix.
 */
export function assertValidOptions(options: EksIrsaProjectOptions, settings: StackSettings): void {
  const problems = validateOptions(options, settings);
  if (problems.length > 0) {
    throw new OptionsValidationError(problems);
  }
}

export function validateOptions(options: EksIrsaProjectOptions, settings: StackSettings): string[] {
  const context: ValidationContext = { options, settings, pathOf: optionPaths(options) };
  return [
    ...PROJECT_RULES.flatMap((rule) => rule(context)),
    ...settings.serviceAccounts.flatMap((serviceAccount, index) => {
      const saContext = {
        ...context,
        serviceAccount,
        given: options.serviceAccounts?.[index],
        path: (field: string) => context.pathOf(index, field),
      };
      return SERVICE_ACCOUNT_RULES.flatMap((rule) => rule(saContext));
    }),
    ...CROSS_RULES.flatMap((rule) => rule(context)),
  ];
}

/** Names a field of the index-th service account as the user wrote it. */
function optionPaths(options: EksIrsaProjectOptions): ValidationContext["pathOf"] {
  if (options.serviceAccounts) {
    return (index, field) => `serviceAccounts[${index}].${field}`;
  }
  const flat: Record<string, string> = { name: "serviceAccountName", namespace: "namespace" };
  return (_index, field) => flat[field] ?? field;
}
