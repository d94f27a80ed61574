import type { typescript } from "projen";
import { accessMatrixTable, assumableBy } from "./access-matrix";
import { markdownTable } from "./markdown-table";
import { toMermaidFlowchart } from "./mermaid-flowchart";
import { resourceGraphOf } from "./resource-graph";
import { type IamPolicyDocument, referencedAwsManagedPolicies } from "../access/aws-managed-policies";
import { PULUMI_PREVIEW_SECRETS, PulumiPreviewWorkflow } from "../components/pulumi-preview-workflow";
import { configDeclarationsFor, requiredConfigKeysOf } from "../components/pulumi-project-file";
import { managedPolicyArnsOf } from "../options/addon-policy-rules";
import { identityPartsOf, type IdentityParts } from "../options/identity-parts";
import { IdentityType } from "../options/identity-type";
import { PodIdentityAgentMode } from "../options/pod-identity-agent-mode";
import { DEFAULTS } from "../options/resolve-stack-settings";
import { serviceAccountSubject } from "../options/service-account-subject";
import { customAudiencesOf, identityTypesTextOf, usesPodIdentity } from "../options/stack-config-needs";
import type { PolicyStatementSettings, ServiceAccountSettings, StackSettings } from "../options/stack-settings";

/** The tasks a reader of the README runs, in the order they are used. */
const DOCUMENTED_TASKS = ["plan", "can-i", "resources:record", "preview", "deploy", "destroy"];
const ARN_TOKEN = /\$\{(partition|accountId)\}/;
/** The audience the pod identity webhook mints tokens for when the service account names none. */
const DEFAULT_AUDIENCE = DEFAULTS.audience;

/** What `templates/README.md.hbs` renders: every sentence that depends on the settings, ready to print. */
export interface ReadmeView {
  readonly projectName: string;
  readonly identityType: string;
  /** Where `${partition}` and `${accountId}` come from, per identity type in use. */
  readonly arnTokenSource: string;
  readonly serviceAccounts: ServiceAccountView[];
  /** Whether a policy ARN or resource uses `${partition}` or `${accountId}`. */
  readonly usesArnTokens: boolean;
  /** The Mermaid flowchart of the resources and their dependencies. */
  readonly diagram: string;
  readonly stackName: string;
  readonly stackFile: string;
  readonly region: string;
  /** The keys `Pulumi.yaml` declares, whether each is required, and what it is. */
  readonly configTable: string;
  /** The keys without a default, which `pulumi config set` must give a value. */
  readonly requiredConfig: string[];
  /** The commands of the plan, preview, deploy and destroy tasks. */
  readonly tasksTable: string;
  readonly previewWorkflow: PreviewWorkflowView | false;
  /** Pod Identity: what the stack does about the EKS Pod Identity Agent. */
  readonly podIdentityAgent: string | false;
  /** The audiences other than sts.amazonaws.com the roles trust (IRSA). */
  readonly customAudiences: string;
  /** Whether an entry adopts a service account (createServiceAccount: false). */
  readonly adoptsServiceAccounts: boolean;
  /** Namespaces that must exist before `pulumi up`. */
  readonly requiredNamespaces: string;
  /** The first service account, for the code example. */
  readonly firstKey: string;
  readonly firstNamespace: string;
  readonly firstName: string;
}

export interface ServiceAccountView {
  /** `<namespace>/<name>`. */
  readonly key: string;
  readonly namespace: string;
  readonly serviceAccount: string;
  readonly role: string;
  readonly trust: string;
  /** One line per statement. */
  readonly inlinePolicy: string[];
  /** The add-ons whose published policies the role gets, comma-separated; empty for none. */
  readonly addonPolicies: string;
  /** The distinct ARNs (the entry's and its add-ons'), comma-separated; empty for none. */
  readonly managedPolicies: string;
  readonly exampleDeployment: string | false;
  /** Who may assume the role. */
  readonly assumableBy: string;
  /** The access matrix of the role, a Markdown table. */
  readonly accessMatrix: string;
}

export interface PreviewWorkflowView {
  readonly path: string;
  readonly buildCommand: string;
  /** The repository secrets it reads. */
  readonly secretsTable: string;
}

/** The README of the stack, from its settings and from the project's tasks and workflows. */
export function readmeViewOf(project: typescript.TypeScriptProject, settings: StackSettings): ReadmeView {
  const requiredConfig = requiredConfigKeysOf(settings);
  const arns = settings.serviceAccounts.flatMap((sa) => [
    ...managedPolicyArnsOf(sa),
    ...sa.policyStatements.flatMap((statement) => statement.resources),
    sa.permissionsBoundaryArn ?? "",
  ]);
  return {
    projectName: settings.projectName,
    identityType: identityTypesTextOf(settings, {
      [IdentityType.IRSA]: "IRSA (IAM roles for service accounts)",
      [IdentityType.POD_IDENTITY]: "EKS Pod Identity",
    }),
    arnTokenSource: identityTypesTextOf(settings, {
      [IdentityType.IRSA]: "the OIDC provider ARN (IRSA)",
      [IdentityType.POD_IDENTITY]: "the caller's AWS account (Pod Identity)",
    }).replace(" and ", " or "),
    serviceAccounts: settings.serviceAccounts.map((sa) =>
      serviceAccountView(sa, settings.stackName, referencedAwsManagedPolicies(settings).policies),
    ),
    podIdentityAgent: usesPodIdentity(settings) && podIdentityAgentText(settings.podIdentityAgent),
    customAudiences: customAudiencesOf(settings).map(code).join(", "),
    adoptsServiceAccounts: settings.serviceAccounts.some((sa) => !sa.createServiceAccount),
    firstKey: `${settings.serviceAccounts[0].namespace}/${settings.serviceAccounts[0].name}`,
    firstNamespace: settings.serviceAccounts[0].namespace,
    firstName: settings.serviceAccounts[0].name,
    requiredNamespaces: [
      ...new Set(settings.serviceAccounts.filter((sa) => !sa.createNamespace).map((sa) => sa.namespace)),
    ]
      .map(code)
      .join(", "),
    usesArnTokens: arns.some((arn) => ARN_TOKEN.test(arn)),
    diagram: toMermaidFlowchart(resourceGraphOf(settings)),
    stackName: settings.stackName,
    stackFile: `Pulumi.${settings.stackName}.yaml`,
    region: settings.region,
    configTable: markdownTable(
      ["Key", "Required", "What it is"],
      Object.entries(configDeclarationsFor(settings)).map(([key, declaration]) => [
        code(key),
        requiredConfig.includes(key) ? "yes" : "no",
        declaration.description,
      ]),
    ),
    requiredConfig,
    tasksTable: markdownTable(
      ["Command", "What it does"],
      DOCUMENTED_TASKS.flatMap((name) => {
        const task = project.tasks.tryFind(name);
        return task ? [[code(`npx projen ${name}`), task.description ?? ""]] : [];
      }),
    ),
    previewWorkflow: project.tryFindFile(PulumiPreviewWorkflow.PATH) !== undefined && {
      path: PulumiPreviewWorkflow.PATH,
      buildCommand: `npx projen ${project.buildTask.name}`,
      secretsTable: markdownTable(
        ["Secret", "What it is"],
        [
          [
            code(PULUMI_PREVIEW_SECRETS.pulumiAccessToken),
            `A Pulumi Cloud access token of an identity that can read stack ${code(settings.stackName)}.`,
          ],
          [
            code(PULUMI_PREVIEW_SECRETS.awsRoleToAssume),
            "The ARN of an IAM role that trusts GitHub's OIDC provider (`token.actions.githubusercontent.com`, audience `sts.amazonaws.com`) for this repository's pull requests, and may read what the preview reads.",
          ],
        ],
      ),
    },
  };
}

function serviceAccountView(
  sa: ServiceAccountSettings,
  firstStack: string,
  awsManaged: Record<string, IamPolicyDocument>,
): ServiceAccountView {
  const parts = identityPartsOf(sa);
  const where = `${code(sa.name)} in namespace ${code(sa.namespace)}`;
  return {
    key: `${sa.namespace}/${sa.name}`,
    namespace: sa.createNamespace
      ? `${code(sa.namespace)}, created by this stack (and deleted, with everything in it, by \`destroy\`)`
      : `${code(sa.namespace)}, which must exist before \`pulumi up\``,
    serviceAccount: serviceAccountText(sa, where, parts),
    role:
      sa.existingRoleArn !== undefined
        ? `${code(sa.existingRoleArn)}, an existing role: this stack reads it (a missing one, or one of another account than the stack's AWS credentials, stops \`pulumi up\`) and binds it, and never changes or deletes it; its trust policy and permissions are its owner's`
        : [
            roleNameText(sa, firstStack),
            `path ${code(sa.rolePath)}`,
            `sessions of up to ${sa.maxSessionDuration} s`,
            ...(sa.permissionsBoundaryArn ? [`permissions boundary ${code(sa.permissionsBoundaryArn)}`] : []),
          ].join(", "),
    trust: [
      ...(parts.trustsOidc || parts.annotates ? [irsaTrustText(sa, parts)] : []),
      ...(parts.trustsPods || parts.associates ? [podIdentityTrustText(sa, parts)] : []),
      ...(sa.identityType === IdentityType.IRSA_AND_POD_IDENTITY ? [MIGRATING_TEXT] : []),
      ...(sa.roleOnly ? [ROLE_ONLY_TEXT] : []),
    ].join("; "),
    inlinePolicy: sa.policyStatements.map(statementText),
    addonPolicies: sa.addonPolicies.map(code).join(", "),
    managedPolicies: managedPolicyArnsOf(sa).map(code).join(", "),
    exampleDeployment: sa.exampleDeployment
      ? `runs ${code(sa.exampleDeployment.image)} as this service account, logs the role its pods assume (\`aws sts get-caller-identity\`) and fails unless it is ${sa.targetRoleArn ? "the target role" : "the role"} (a pod that missed its credentials then fails the rollout, and \`pulumi up\` with it); it meets the "restricted" Pod Security Standard`
      : false,
    assumableBy: assumableBy(sa),
    accessMatrix: accessMatrixTable(sa, awsManaged),
  };
}

function roleNameText(sa: ServiceAccountSettings, firstStack: string): string {
  if (!sa.roleNamePerStack) {
    return `${code(sa.roleName)} in every stack`;
  }
  return `${code(sa.roleName)} in stack ${code(firstStack)}, ${code(`${sa.roleName}@<stack>`)} in any other (shortened with a hash past 64 characters)`;
}

const MIGRATING_TEXT =
  "migrating (`IRSA_AND_POD_IDENTITY`): the role admits both; pods created once the association exists get Pod Identity credentials (the pod identity webhook injects them instead of the web identity token), pods created before keep their IRSA token; once every pod has rolled, switch the entry to `POD_IDENTITY`, which removes the annotation and the OIDC trust (the annotation patch of an account the stack created is then reported by the resource record: accept its removal with `npx projen resources:record`)";
const ROLE_ONLY_TEXT =
  "role only (`roleOnly`): no annotation, no association; the chart that owns the account binds it, with the stack output `roleArns`";

function serviceAccountText(sa: ServiceAccountSettings, where: string, parts: IdentityParts): string {
  if (sa.createServiceAccount) return `${where}, created by this stack`;
  if (sa.roleOnly) return `${where}, its owner's: this stack neither creates, reads nor binds it`;
  return adoptedText(sa, where, parts.annotates);
}

function adoptedText(sa: ServiceAccountSettings, where: string, irsa: boolean): string {
  if (!irsa) {
    return `${where}, an existing one: this stack neither creates nor deletes it`;
  }
  const takeOver = sa.forcePatch
    ? "takes the annotation over from another field manager (`forcePatch`)"
    : "fails if another field manager owns the annotation (`forcePatch: true` takes it over)";
  return (
    `${where}, an existing one: this stack reads it (a missing one stops \`pulumi up\`), annotates it, ${takeOver}, ` +
    "and leaves the annotation on it at `destroy`; it neither creates nor deletes the account"
  );
}

function irsaTrustText(sa: ServiceAccountSettings, parts: IdentityParts): string {
  const subjects = [sa, ...sa.additionalServiceAccounts].map((s) => code(serviceAccountSubject(s)));
  const wildcards = sa.allowWildcardSubjects ? ", wildcards matched with `StringLike`" : "";
  const annotations = [code("eks.amazonaws.com/role-arn")];
  if (sa.audience !== DEFAULT_AUDIENCE) {
    annotations.push(code(`eks.amazonaws.com/audience: "${sa.audience}"`));
  }
  if (sa.stsRegionalEndpoints) {
    annotations.push(code('eks.amazonaws.com/sts-regional-endpoints: "true"'));
  }
  if (sa.tokenExpirationSeconds !== undefined) {
    annotations.push(code(`eks.amazonaws.com/token-expiration: "${sa.tokenExpirationSeconds}"`));
  }
  const trust = parts.trustsOidc
    ? `the role trusts the cluster's IAM OIDC provider for ${subjects.join(", ")} (audience ${code(sa.audience)}${wildcards})`
    : `the existing role must trust the cluster's IAM OIDC provider for ${subjects[0]} (audience ${code(sa.audience)})`;
  const binding = parts.annotates
    ? `; a \`ServiceAccountPatch\` annotates the service account with ${annotations.join(", ")}`
    : "";
  return `IRSA: ${trust}${binding}`;
}

function podIdentityTrustText(sa: ServiceAccountSettings, parts: IdentityParts): string {
  const accounts = [sa, ...sa.additionalServiceAccounts].map((s) => `${code(s.namespace)}/${code(s.name)}`);
  let trust: string;
  if (!parts.trustsPods) {
    trust = "the existing role must trust `pods.eks.amazonaws.com` (`sts:AssumeRole`, `sts:TagSession`)";
  } else if (sa.disableSessionTags) {
    trust =
      "the role trusts `pods.eks.amazonaws.com` from this account (`aws:SourceAccount`) only: with session tags disabled (`disableSessionTags`) nothing else can be pinned, so any association in the account may use it";
  } else {
    const whom =
      accounts.length === 1
        ? `namespace ${code(sa.namespace)} and service account ${code(sa.name)}`
        : `the namespace and service account of ${accounts.join(", ")} (one statement each)`;
    trust =
      "the role trusts `pods.eks.amazonaws.com` only for sessions tagged with this cluster's ARN " +
      `(\`eks-cluster-arn\`), ${whom}, from this account (\`aws:SourceAccount\`)`;
  }
  const associations =
    accounts.length > 1
      ? `one \`PodIdentityAssociation\` per service account binds it`
      : "a `PodIdentityAssociation` binds it to the service account";
  const binding = parts.associates ? `; ${associations} in the cluster of config \`clusterName\`` : "";
  const target =
    parts.associates && sa.targetRoleArn !== undefined
      ? `; the association chains to target role ${code(sa.targetRoleArn)} (the role may \`sts:AssumeRole\` and \`sts:TagSession\` on it; its trust must name this role${sa.disableSessionTags ? " and the association's external ID" : " and the session tags"})`
      : "";
  return `EKS Pod Identity: ${trust}${binding}${target}`;
}

function podIdentityAgentText(mode: PodIdentityAgentMode): string {
  switch (mode) {
    case PodIdentityAgentMode.CHECK:
      return "Pods get Pod Identity credentials only from the EKS Pod Identity Agent. `pulumi up` checks that the cluster has the `eks-pod-identity-agent` add-on and stops, saying what to do, when it has not (`podIdentityAgent` in `.projenrc.ts`: `INSTALL` installs it, `NONE` skips the check on EKS Auto Mode, where the agent is built in).";
    case PodIdentityAgentMode.INSTALL:
      return "Pods get Pod Identity credentials only from the EKS Pod Identity Agent: this stack installs the `eks-pod-identity-agent` add-on (`aws.eks.Addon`), and every association depends on it.";
    case PodIdentityAgentMode.NONE:
      return "Pods get Pod Identity credentials only from the EKS Pod Identity Agent: this stack assumes the cluster has it (EKS Auto Mode has it built in), and neither checks nor installs it (`podIdentityAgent: NONE`).";
  }
}

function statementText(statement: PolicyStatementSettings): string {
  const conditions = (statement.conditions ?? []).map(
    (c) => `${code(c.test)} ${code(c.variable)} ${c.values.map(code).join(" or ")}`,
  );
  return [
    `${statement.effect} ${statement.actions.map(code).join(", ")} on ${statement.resources.map(code).join(", ")}`,
    ...(conditions.length > 0 ? [`if ${conditions.join(" and ")}`] : []),
    ...(statement.sid ? [`(${code(statement.sid)})`] : []),
  ].join(" ");
}

/** Inline code; a backtick inside needs a double-backtick fence. */
function code(text: string): string {
  return text.includes("`") ? `\`\` ${text} \`\`` : `\`${text}\``;
}
