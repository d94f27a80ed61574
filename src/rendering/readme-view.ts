import type { typescript } from "projen";
import { accessMatrixTable, assumableBy } from "./access-matrix";
import { markdownTable } from "./markdown-table";
import { toMermaidFlowchart } from "./mermaid-flowchart";
import { resourceGraphOf } from "./resource-graph";
import { type IamPolicyDocument, referencedAwsManagedPolicies } from "../access/aws-managed-policies";
import { PULUMI_PREVIEW_SECRETS, PulumiPreviewWorkflow } from "../components/pulumi-preview-workflow";
import { configDeclarationsFor, requiredConfigKeysOf } from "../components/pulumi-project-file";
import { managedPolicyArnsOf } from "../options/addon-policy-rules";
import { IdentityType } from "../options/identity-type";
import { identityTypesTextOf } from "../options/stack-config-needs";
import type { PolicyStatementSettings, ServiceAccountSettings, StackSettings } from "../options/stack-settings";

/** The tasks a reader of the README runs, in the order they are used. */
const DOCUMENTED_TASKS = ["plan", "can-i", "preview", "deploy", "destroy"];
const ARN_TOKEN = /\$\{(partition|accountId)\}/;

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
}

export interface ServiceAccountView {
  /** `<namespace>/<name>`. */
  readonly key: string;
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
      serviceAccountView(sa, referencedAwsManagedPolicies(settings).policies),
    ),
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
  awsManaged: Record<string, IamPolicyDocument>,
): ServiceAccountView {
  const irsa = sa.identityType === IdentityType.IRSA;
  const where = `${code(sa.name)} in namespace ${code(sa.namespace)}`;
  return {
    key: `${sa.namespace}/${sa.name}`,
    serviceAccount: sa.createServiceAccount
      ? `${where}, created by this stack`
      : `${where}, an existing one: this stack neither creates nor deletes it`,
    role: [
      code(sa.roleName),
      `path ${code(sa.rolePath)}`,
      `sessions of up to ${sa.maxSessionDuration} s`,
      ...(sa.permissionsBoundaryArn ? [`permissions boundary ${code(sa.permissionsBoundaryArn)}`] : []),
    ].join(", "),
    trust: irsa ? irsaTrustText(sa) : podIdentityTrustText(),
    inlinePolicy: sa.policyStatements.map(statementText),
    addonPolicies: sa.addonPolicies.map(code).join(", "),
    managedPolicies: managedPolicyArnsOf(sa).map(code).join(", "),
    exampleDeployment: sa.exampleDeployment
      ? `runs ${code(sa.exampleDeployment.image)} as this service account and logs the role its pods assume (\`aws sts get-caller-identity\`)`
      : false,
    assumableBy: assumableBy(sa, sa.identityType),
    accessMatrix: accessMatrixTable(sa, awsManaged),
  };
}

function irsaTrustText(sa: ServiceAccountSettings): string {
  const subjects = [sa, ...sa.additionalServiceAccounts].map((s) =>
    code(`system:serviceaccount:${s.namespace}:${s.name}`),
  );
  const wildcards = sa.allowWildcardSubjects ? ", wildcards matched with `StringLike`" : "";
  const annotations = [code("eks.amazonaws.com/role-arn")];
  if (sa.stsRegionalEndpoints) {
    annotations.push(code('eks.amazonaws.com/sts-regional-endpoints: "true"'));
  }
  if (sa.tokenExpirationSeconds !== undefined) {
    annotations.push(code(`eks.amazonaws.com/token-expiration: "${sa.tokenExpirationSeconds}"`));
  }
  return (
    `IRSA: the role trusts the cluster's IAM OIDC provider for ${subjects.join(", ")} (audience ${code(sa.audience)}${wildcards}); ` +
    `a \`ServiceAccountPatch\` annotates the service account with ${annotations.join(", ")}`
  );
}

function podIdentityTrustText(): string {
  return "EKS Pod Identity: the role trusts `pods.eks.amazonaws.com`; a `PodIdentityAssociation` binds it to the service account in the cluster of config `clusterName`";
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
