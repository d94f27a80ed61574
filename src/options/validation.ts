import { validateAddonPolicies } from "./addon-policy-validation";
import type { EksIrsaProjectOptions } from "./eks-irsa-project-options";
import { identityPartsOf } from "./identity-parts";
import { MAX_ROLE_NAME_LENGTH } from "./role-name";
import type { ServiceAccountOptions } from "./service-account-options";
import type { ServiceAccountSettings, StackSettings } from "./stack-settings";
import { estimateTrustPolicyLength, TRUST_POLICY_QUOTA } from "./trust-policy-size";

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const WILDCARD = /[*?]/;
const IAM_ROLE_NAME = /^[\w+=,.@-]+$/;
const IAM_PATH = /^\/([\x21-\x7e]*\/)?$/;
const PARTITION = "(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b|\\$\\{partition\\})";
const POLICY_ARN = new RegExp(`^arn:${PARTITION}:iam::(\\d{12}|aws|\\$\\{accountId\\}):policy/[\\w+=,.@/-]+$`);
const ACTION = /^[a-z0-9-]+:[A-Za-z0-9*?]+$/;
const PULUMI_NAME = /^[A-Za-z0-9_.-]{1,100}$/;
const ROLE_ARN = /^arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b):iam::\d{12}:role\/([\x21-\x7e]*\/)?[\w+=,.@-]{1,64}$/;
const AWS_REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
/** Namespaces every cluster has: a stack that created one would delete it on destroy. */
const BUILT_IN_NAMESPACES = ["default", "kube-system", "kube-public", "kube-node-lease"];

/** Failed validation of the project options: every problem, one per line. */
export class OptionsValidationError extends Error {
  constructor(public readonly problems: string[]) {
    super(
      `eks-irsa-template: ${problems.length} problem${problems.length > 1 ? "s" : ""} in the project options; nothing was written:\n` +
        problems.map((problem) => `  - ${problem}`).join("\n"),
    );
    this.name = "OptionsValidationError";
  }
}

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
  const problems: string[] = [];
  if (options.serviceAccounts && (options.serviceAccountName !== undefined || options.namespace !== undefined)) {
    problems.push(
      "serviceAccountName/namespace: they describe the single service account of a stack without `serviceAccounts`; with `serviceAccounts` set, move them into an entry of it.",
    );
  }
  if (options.readme !== undefined) {
    problems.push(
      "readme: the stack's README.md is generated from the other options, so this option would be ignored; remove it, and keep notes of your own in another file, such as docs/notes.md.",
    );
  }
  if (options.serviceAccounts?.length === 0) {
    problems.push(
      "serviceAccounts: the list is empty; declare at least one service account, or leave the option out for the example one.",
    );
  }
  if (!PULUMI_NAME.test(settings.projectName)) {
    problems.push(
      `pulumiProjectName: ${quote(settings.projectName)} is not a valid Pulumi project name; use 1 to 100 letters, digits, '_', '.' or '-' (set pulumiProjectName when the package name does not qualify).`,
    );
  }
  if (!PULUMI_NAME.test(settings.stackName)) {
    problems.push(
      `stackName: ${quote(settings.stackName)} is not a valid Pulumi stack name; use 1 to 100 letters, digits, '_', '.' or '-'.`,
    );
  }
  if (!AWS_REGION.test(settings.region)) {
    problems.push(
      `region: ${quote(settings.region)} is not an AWS region code; use one such as us-east-1 or eu-central-1.`,
    );
  }
  if (options.roleNamePrefix !== undefined && !/^[\w+=,.@-]{0,32}$/.test(options.roleNamePrefix)) {
    problems.push(
      `roleNamePrefix: ${quote(options.roleNamePrefix)} cannot start an IAM role name; use at most 32 letters, digits or '+=,.@_-'.`,
    );
  }
  const pathOf = optionPaths(options);
  settings.serviceAccounts.forEach((serviceAccount, index) => {
    // A derived role name is valid whenever its parts are: only a given one needs checking.
    const roleNameGiven = options.serviceAccounts?.[index]?.roleName !== undefined;
    problems.push(...validateServiceAccount(serviceAccount, roleNameGiven, (field) => pathOf(index, field)));
    problems.push(...validateAdoption(serviceAccount, (field) => pathOf(index, field)));
    problems.push(
      ...validateRoleSource(serviceAccount, options.serviceAccounts?.[index] ?? {}, (field) => pathOf(index, field)),
    );
    problems.push(...validatePodIdentityOptions(serviceAccount, (field) => pathOf(index, field)));
  });
  problems.push(...findDuplicates(settings.serviceAccounts, pathOf));
  problems.push(...findNamespaceDisagreements(settings.serviceAccounts, pathOf));
  return problems;
}

/** Names a field of the index-th service account as the user wrote it. */
type OptionPath = (index: number, field: string) => string;

function optionPaths(options: EksIrsaProjectOptions): OptionPath {
  if (options.serviceAccounts) {
    return (index, field) => `serviceAccounts[${index}].${field}`;
  }
  const flat: Record<string, string> = { name: "serviceAccountName", namespace: "namespace" };
  return (_index, field) => flat[field] ?? field;
}

function validateServiceAccount(
  sa: ServiceAccountSettings,
  roleNameGiven: boolean,
  path: (field: string) => string,
): string[] {
  const problems: string[] = [];
  problems.push(...checkServiceAccountName(sa.name, path("name"), false));
  problems.push(...checkNamespace(sa.namespace, path("namespace")));
  sa.additionalServiceAccounts.forEach((other, i) => {
    const at = `${path("additionalServiceAccounts")}[${i}]`;
    problems.push(...checkServiceAccountName(other.name, `${at}.name`, sa.allowWildcardSubjects));
    problems.push(...checkNamespace(other.namespace, `${at}.namespace`));
  });

  if (roleNameGiven && (sa.roleName.length > MAX_ROLE_NAME_LENGTH || !IAM_ROLE_NAME.test(sa.roleName))) {
    problems.push(
      `${path("roleName")}: ${quote(sa.roleName)} is not a valid IAM role name; use 1 to ${MAX_ROLE_NAME_LENGTH} letters, digits or '+=,.@_-' (leave roleName out for a derived name).`,
    );
  }
  if (sa.rolePath.length > 512 || !IAM_PATH.test(sa.rolePath)) {
    problems.push(
      `${path("rolePath")}: ${quote(sa.rolePath)} is not a valid IAM path; it starts and ends with '/', for example "/" or "/workloads/".`,
    );
  }
  if (sa.permissionsBoundaryArn !== undefined && !POLICY_ARN.test(sa.permissionsBoundaryArn)) {
    problems.push(
      `${path("permissionsBoundaryArn")}: ${quote(sa.permissionsBoundaryArn)} is not a managed policy ARN; expected arn:<partition>:iam::<account>:policy/<name>.`,
    );
  }
  if (!Number.isInteger(sa.maxSessionDuration) || sa.maxSessionDuration < 3600 || sa.maxSessionDuration > 43200) {
    problems.push(
      `${path("maxSessionDuration")}: ${sa.maxSessionDuration} is out of range; IAM allows 3600 to 43200 seconds.`,
    );
  }
  if (
    sa.tokenExpirationSeconds !== undefined &&
    (!Number.isInteger(sa.tokenExpirationSeconds) ||
      sa.tokenExpirationSeconds < 3600 ||
      sa.tokenExpirationSeconds > 86400)
  ) {
    problems.push(
      `${path("tokenExpirationSeconds")}: ${sa.tokenExpirationSeconds} is out of range; EKS accepts 3600 to 86400 seconds.`,
    );
  }
  if (sa.audience.trim() === "") {
    problems.push(`${path("audience")}: the audience is empty; leave it out for sts.amazonaws.com.`);
  }
  sa.managedPolicyArns.forEach((arn, i) => {
    if (!POLICY_ARN.test(arn)) {
      problems.push(
        `${path("managedPolicyArns")}[${i}]: ${quote(arn)} is not a managed policy ARN; expected arn:<partition>:iam::<account or "aws">:policy/<name>, for example arn:\${partition}:iam::aws:policy/AWSXRayDaemonWriteAccess.`,
      );
    }
  });
  sa.policyStatements.forEach((statement, i) => {
    const at = `${path("policyStatements")}[${i}]`;
    if (statement.actions.length === 0) {
      problems.push(`${at}.actions: the statement has no action; list at least one, such as "s3:GetObject".`);
    }
    statement.actions
      .filter((action) => action !== "*" && !ACTION.test(action))
      .forEach((action) => {
        problems.push(
          `${at}.actions: ${quote(action)} is not an IAM action; write service:Action, such as "s3:GetObject".`,
        );
      });
    if (statement.resources.length === 0) {
      problems.push(`${at}.resources: the statement has no resource; list the ARNs it applies to.`);
    }
    if (statement.resources.some((r) => r.trim() === "")) {
      problems.push(`${at}.resources: a resource is empty; list ARNs.`);
    }
    if (statement.effect === "Allow" && statement.actions.includes("*") && statement.resources.includes("*")) {
      problems.push(
        `${at}: allowing every action ("*") on every resource ("*") is refused; grant the actions the workload needs on the resources it uses.`,
      );
    }
  });
  problems.push(...validateAddonPolicies(sa, path));
  const trustPolicyLength = estimateTrustPolicyLength(sa);
  if (trustPolicyLength > TRUST_POLICY_QUOTA) {
    problems.push(
      `${path("additionalServiceAccounts")}: the role's trust policy would be about ${trustPolicyLength} characters, over IAM's quota "Role trust policy length" (${TRUST_POLICY_QUOTA} characters by default); trust fewer service accounts per role, or raise the quota in Service Quotas first.`,
    );
  }
  return problems;
}

/** forcePatch takes an annotation over on an adopted account: meaningless where there is no patch of one. */
function validateAdoption(sa: ServiceAccountSettings, path: (field: string) => string): string[] {
  if (!sa.forcePatch) {
    return [];
  }
  if (sa.roleOnly) {
    return [`${path("forcePatch")}: true has no effect with roleOnly, which annotates nothing; remove forcePatch.`];
  }
  if (!identityPartsOf(sa).annotates) {
    return [
      `${path("forcePatch")}: true has no effect with identityType ${sa.identityType}: Pod Identity binds the role with an association, not an annotation; remove forcePatch.`,
    ];
  }
  if (sa.createServiceAccount) {
    return [
      `${path("forcePatch")}: true applies to an adopted service account, and this stack creates ${sa.namespace}/${sa.name}; remove forcePatch, or set createServiceAccount: false.`,
    ];
  }
  return [];
}

/** The options that shape a role the stack creates: meaningless with an existing role. */
const ROLE_SHAPING_OPTIONS = [
  "roleName",
  "rolePath",
  "permissionsBoundaryArn",
  "maxSessionDuration",
  "tags",
  "managedPolicyArns",
  "policyStatements",
  "addonPolicies",
  "allowWildcardSubjects",
] as const;

/** roleOnly (a role, no binding) and existingRoleArn (a binding, no role) each leave out what the other keeps. */
function validateRoleSource(
  sa: ServiceAccountSettings,
  given: Partial<ServiceAccountOptions>,
  path: (field: string) => string,
): string[] {
  const problems: string[] = [];
  if (sa.roleOnly) {
    if (sa.existingRoleArn !== undefined) {
      problems.push(
        `${path("roleOnly")}: true creates a role without binding it, and existingRoleArn binds a role without creating one; keep one of them.`,
      );
    }
    if (given.createServiceAccount === true) {
      problems.push(
        `${path("createServiceAccount")}: true with roleOnly would create an account that nothing binds; the chart that owns the account creates it: remove createServiceAccount.`,
      );
    }
    if (sa.exampleDeployment) {
      problems.push(
        `${path("exampleDeployment")}: the example pods would get no credentials, since roleOnly binds nothing; remove exampleDeployment.`,
      );
    }
  }
  if (sa.existingRoleArn === undefined) {
    return problems;
  }
  if (!ROLE_ARN.test(sa.existingRoleArn)) {
    problems.push(
      `${path("existingRoleArn")}: ${quote(sa.existingRoleArn)} is not an IAM role ARN; expected arn:<partition>:iam::<account>:role/<path><name>, for example arn:aws:iam::123456789012:role/orders-api.`,
    );
  }
  const shaping = ROLE_SHAPING_OPTIONS.filter((option) => given[option] !== undefined);
  if (shaping.length > 0) {
    problems.push(
      `${path("existingRoleArn")}: the stack binds this role and never changes it, so ${shaping.join(", ")} would be ignored; remove ${shaping.length > 1 ? "them" : "it"}, or leave existingRoleArn out to let the stack create the role.`,
    );
  }
  return problems;
}

/** targetRoleArn and disableSessionTags shape Pod Identity associations and trust; the rest cannot hold them. */
function validatePodIdentityOptions(sa: ServiceAccountSettings, path: (field: string) => string): string[] {
  const problems: string[] = [];
  const parts = identityPartsOf(sa);
  if (sa.targetRoleArn !== undefined) {
    if (!parts.associates) {
      problems.push(
        `${path("targetRoleArn")}: a target role is assumed through a Pod Identity association, and this entry (identityType ${sa.identityType}${sa.roleOnly ? ", roleOnly" : ""}) has none; use identityType POD_IDENTITY, or remove targetRoleArn.`,
      );
    } else if (!ROLE_ARN.test(sa.targetRoleArn)) {
      problems.push(
        `${path("targetRoleArn")}: ${quote(sa.targetRoleArn)} is not an IAM role ARN; expected arn:<partition>:iam::<account>:role/<path><name>.`,
      );
    }
  }
  if (sa.disableSessionTags && !(parts.associates || parts.trustsPods)) {
    problems.push(
      `${path("disableSessionTags")}: true applies to Pod Identity sessions, and identityType ${sa.identityType} has none; remove disableSessionTags.`,
    );
  }
  if ((parts.associates || parts.trustsPods) && sa.allowWildcardSubjects) {
    problems.push(
      `${path("allowWildcardSubjects")}: a Pod Identity association binds one named service account, so wildcards cannot apply with identityType ${sa.identityType}; name each service account.`,
    );
  }
  return problems;
}

/**
 * A namespace is created once, by every entry in it or by none: otherwise removing one entry would delete the
 * namespace, and everything in it, under the others. Built-in namespaces are never created.
 */
function findNamespaceDisagreements(serviceAccounts: ServiceAccountSettings[], pathOf: OptionPath): string[] {
  const problems: string[] = [];
  const firstByNamespace = new Map<string, number>();
  serviceAccounts.forEach((sa, index) => {
    if (sa.createNamespace && BUILT_IN_NAMESPACES.includes(sa.namespace)) {
      problems.push(
        `${pathOf(index, "createNamespace")}: namespace ${quote(sa.namespace)} exists in every cluster, and a stack that created it would delete it on destroy; remove createNamespace.`,
      );
    }
    const first = firstByNamespace.get(sa.namespace);
    if (first === undefined) {
      firstByNamespace.set(sa.namespace, index);
    } else if (serviceAccounts[first].createNamespace !== sa.createNamespace) {
      const creator = sa.createNamespace ? index : first;
      problems.push(
        `${pathOf(index, "createNamespace")}: namespace ${quote(sa.namespace)} is created by ${pathOf(creator, "createNamespace")} but not by ${pathOf(creator === index ? first : index, "createNamespace")}; set createNamespace the same on every entry of a namespace.`,
      );
    }
  });
  return problems;
}

function checkServiceAccountName(name: string, path: string, wildcardsAllowed: boolean): string[] {
  if (WILDCARD.test(name)) {
    if (!wildcardsAllowed) {
      return [
        `${path}: ${quote(name)} contains a wildcard; set allowWildcardSubjects: true to match service accounts with StringLike, or name the service account exactly.`,
      ];
    }
    return [];
  }
  if (name.length > 253 || !DNS1123_SUBDOMAIN.test(name)) {
    return [
      `${path}: ${quote(name)} is not a valid Kubernetes service account name; use at most 253 lowercase letters, digits, '-' and '.', starting and ending with a letter or digit (a DNS-1123 subdomain).`,
    ];
  }
  return [];
}

function checkNamespace(namespace: string, path: string): string[] {
  if (namespace.length > 63 || !DNS1123_LABEL.test(namespace)) {
    return [
      `${path}: ${quote(namespace)} is not a valid Kubernetes namespace; use at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit (a DNS-1123 label).`,
    ];
  }
  return [];
}

function findDuplicates(serviceAccounts: ServiceAccountSettings[], pathOf: OptionPath): string[] {
  const problems: string[] = [];
  const firstByAccount = new Map<string, number>();
  const firstByRole = new Map<string, number>();
  serviceAccounts.forEach((sa, index) => {
    const account = `${sa.namespace}/${sa.name}`;
    const earlier = firstByAccount.get(account);
    if (earlier !== undefined) {
      problems.push(
        `${pathOf(index, "name")}: service account ${account} is already declared by ${pathOf(earlier, "name").replace(/\.name$/, "")}; declare each service account once (to share a role, use additionalServiceAccounts).`,
      );
    } else {
      firstByAccount.set(account, index);
    }
    // IAM role names are unique ignoring case; entries may share an existing role.
    if (sa.existingRoleArn !== undefined) {
      return;
    }
    const earlierRole = firstByRole.get(sa.roleName.toLowerCase());
    if (earlierRole !== undefined && earlier === undefined) {
      problems.push(
        `${pathOf(index, "roleName")}: role name ${quote(sa.roleName)} is already used by ${pathOf(earlierRole, "roleName")}; IAM role names are unique per account, ignoring case; give one of them another roleName.`,
      );
    } else if (earlierRole === undefined) {
      firstByRole.set(sa.roleName.toLowerCase(), index);
    }
  });
  return problems;
}

function quote(value: string): string {
  return JSON.stringify(value);
}
