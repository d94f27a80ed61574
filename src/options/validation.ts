import type { EksIrsaProjectOptions } from "./eks-irsa-project-options";
import { OptionsValidationError } from "./options-validation-error";
import { resolveStackSettings } from "./resolve-stack-settings";
import { addonPolicies } from "./rules/addon-policies";
import { adoptedServiceAccounts } from "./rules/adopted-service-accounts";
import { awsRegion } from "./rules/aws-region";
import { exampleDeployment } from "./rules/example-deployment";
import { iamActions } from "./rules/iam-actions";
import { iamConditions } from "./rules/iam-conditions";
import { iamResources } from "./rules/iam-resources";
import { iamRole, roleNamePrefix } from "./rules/iam-role";
import { iamTags } from "./rules/iam-tags";
import { identityTypeOptions } from "./rules/identity-type-options";
import { inlinePoliciesQuota } from "./rules/inline-policies-quota";
import { irsaToken } from "./rules/irsa-token";
import { kubernetesMetadata } from "./rules/kubernetes-metadata";
import { kubernetesNames } from "./rules/kubernetes-names";
import { managedPolicies } from "./rules/managed-policies";
import { namespaceCreation } from "./rules/namespace-creation";
import { optionCombinations } from "./rules/option-combinations";
import { optionSchemaProblems } from "./rules/option-schema";
import { partitions } from "./rules/partitions";
import { podIdentityOptions } from "./rules/pod-identity-options";
import { policyStatements } from "./rules/policy-statements";
import { projenNewFlagProblems } from "./rules/projen-new-flags";
import { pulumiNames } from "./rules/pulumi-names";
import { roleSource } from "./rules/role-source";
import type { ProjectRule, ServiceAccountRule, ValidationContext } from "./rules/rule";
import { trustPolicyQuota } from "./rules/trust-policy-quota";
import { uniqueAssociations, uniqueIdentities } from "./rules/unique-identities";
import type { StackSettings } from "./stack-settings";

export { OptionsValidationError } from "./options-validation-error";

/** The checks of the whole options, in the order their problems are listed. One concept per file in rules/. */
const PROJECT_RULES: ProjectRule[] = [optionCombinations, pulumiNames, awsRegion, roleNamePrefix];

/** The checks of each service account. */
const SERVICE_ACCOUNT_RULES: ServiceAccountRule[] = [
  kubernetesNames,
  kubernetesMetadata,
  iamRole,
  iamTags,
  irsaToken,
  adoptedServiceAccounts,
  managedPolicies,
  policyStatements,
  iamActions,
  iamResources,
  iamConditions,
  addonPolicies,
  inlinePoliciesQuota,
  trustPolicyQuota,
  exampleDeployment,
  roleSource,
  podIdentityOptions,
];

/** The checks across service accounts, after each one's own. */
const CROSS_RULES: ProjectRule[] = [
  uniqueIdentities,
  uniqueAssociations,
  namespaceCreation,
  identityTypeOptions,
  partitions,
];

/**
 * Checks the options and resolves them into settings before anything is synthesized; throws one
 * error listing every problem, each naming the option, the bad value, the rule and the fix.
 *
 * The options' shape comes first (names, kinds of value, enum members, from the jsii types): values
 * of the wrong kind can break the resolution of defaults, whose problems are then left out.
 */
export function validatedSettings(options: EksIrsaProjectOptions): StackSettings {
  const shapeProblems = [...projenNewFlagProblems(options), ...optionSchemaProblems(options)];
  let settings: StackSettings | undefined;
  let valueProblems: string[] = [];
  try {
    settings = resolveStackSettings(options);
    valueProblems = validateOptions(options, settings);
  } catch (error) {
    if (shapeProblems.length === 0) {
      throw error;
    }
  }
  // A value of the wrong kind is reported once, by its shape.
  const misshapen = shapeProblems.map((problem) => problem.slice(0, problem.indexOf(": ")));
  const problems = [
    ...shapeProblems,
    ...valueProblems.filter((problem) => !misshapen.some((path) => problem.startsWith(path))),
  ];
  if (problems.length > 0 || !settings) {
    throw new OptionsValidationError(problems);
  }
  return settings;
}

/** The problems of options whose shape is right. */
function validateOptions(options: EksIrsaProjectOptions, settings: StackSettings): string[] {
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
