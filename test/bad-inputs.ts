import { AddonPolicy, type EksIrsaProjectOptions, IdentityType } from "../src";

/**
 * Every bad input the project type is tried with, and the exact line it answers with.
 * docs/validation.md lists the same table (a test keeps them equal).
 */
export interface BadInput {
  readonly input: string;
  readonly options: Partial<EksIrsaProjectOptions>;
  readonly message: string;
}

const sa = (extra: object) => ({ serviceAccounts: [{ name: "api", namespace: "shop", ...extra }] });

export const BAD_INPUTS: BadInput[] = [
  {
    input: "service account name with capitals",
    options: { serviceAccountName: "Billing_API" },
    message:
      "serviceAccountName: \"Billing_API\" is not a valid Kubernetes service account name; use at most 253 lowercase letters, digits, '-' and '.', starting and ending with a letter or digit (a DNS-1123 subdomain).",
  },
  {
    input: "namespace longer than 63 characters",
    options: { namespace: "n".repeat(64) },
    message: `namespace: "${"n".repeat(64)}" is not a valid Kubernetes namespace; use at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit (a DNS-1123 label).`,
  },
  {
    input: "namespace with a dot",
    options: sa({ namespace: "team.a" }),
    message:
      "serviceAccounts[0].namespace: \"team.a\" is not a valid Kubernetes namespace; use at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit (a DNS-1123 label).",
  },
  {
    input: "the same service account twice",
    options: {
      serviceAccounts: [
        { name: "api", namespace: "shop" },
        { name: "api", namespace: "shop", roleName: "other" },
      ],
    },
    message:
      "serviceAccounts[1].name: service account shop/api is already declared by serviceAccounts[0]; declare each service account once (to share a role, use additionalServiceAccounts).",
  },
  {
    input: "two service accounts with one role name",
    options: {
      serviceAccounts: [
        { name: "api", namespace: "shop", roleName: "shared" },
        { name: "web", namespace: "shop", roleName: "shared" },
      ],
    },
    message:
      'serviceAccounts[1].roleName: role name "shared" is already used by serviceAccounts[0].roleName; IAM role names are unique per account, ignoring case; give one of them another roleName.',
  },
  {
    input: "two role names that differ only in case",
    options: {
      serviceAccounts: [
        { name: "api", namespace: "shop", roleName: "Orders" },
        { name: "web", namespace: "shop", roleName: "orders" },
      ],
    },
    message:
      'serviceAccounts[1].roleName: role name "orders" is already used by serviceAccounts[0].roleName; IAM role names are unique per account, ignoring case; give one of them another roleName.',
  },
  {
    input: "createNamespace on some entries of a namespace only",
    options: {
      serviceAccounts: [
        { name: "api", namespace: "shop", createNamespace: true },
        { name: "web", namespace: "shop" },
      ],
    },
    message:
      'serviceAccounts[1].createNamespace: namespace "shop" is created by serviceAccounts[0].createNamespace but not by serviceAccounts[1].createNamespace; set createNamespace the same on every entry of a namespace.',
  },
  {
    input: "createNamespace of a built-in namespace",
    options: { serviceAccounts: [{ name: "api", namespace: "kube-system", createNamespace: true }] },
    message:
      'serviceAccounts[0].createNamespace: namespace "kube-system" exists in every cluster, and a stack that created it would delete it on destroy; remove createNamespace.',
  },
  {
    input: "forcePatch on a created service account",
    options: sa({ forcePatch: true }),
    message:
      "serviceAccounts[0].forcePatch: true applies to an adopted service account, and this stack creates shop/api; remove forcePatch, or set createServiceAccount: false.",
  },
  {
    input: "forcePatch with Pod Identity",
    options: { identityType: IdentityType.POD_IDENTITY, ...sa({ createServiceAccount: false, forcePatch: true }) },
    message:
      "serviceAccounts[0].forcePatch: true has no effect with identityType POD_IDENTITY: Pod Identity binds the role with an association, not an annotation; remove forcePatch.",
  },
  {
    input: "forcePatch on an entry that uses Pod Identity in an IRSA stack",
    options: sa({ identityType: IdentityType.POD_IDENTITY, createServiceAccount: false, forcePatch: true }),
    message:
      "serviceAccounts[0].forcePatch: true has no effect with identityType POD_IDENTITY: Pod Identity binds the role with an association, not an annotation; remove forcePatch.",
  },
  {
    input: "roleOnly with existingRoleArn",
    options: sa({ roleOnly: true, existingRoleArn: "arn:aws:iam::123456789012:role/orders-api" }),
    message:
      "serviceAccounts[0].roleOnly: true creates a role without binding it, and existingRoleArn binds a role without creating one; keep one of them.",
  },
  {
    input: "roleOnly creating the service account",
    options: sa({ roleOnly: true, createServiceAccount: true }),
    message:
      "serviceAccounts[0].createServiceAccount: true with roleOnly would create an account that nothing binds; the chart that owns the account creates it: remove createServiceAccount.",
  },
  {
    input: "roleOnly with the example Deployment",
    options: sa({ roleOnly: true, exampleDeployment: true }),
    message:
      "serviceAccounts[0].exampleDeployment: the example pods would get no credentials, since roleOnly binds nothing; remove exampleDeployment.",
  },
  {
    input: "existingRoleArn that is not a role ARN",
    options: sa({ existingRoleArn: "arn:aws:iam::123456789012:policy/orders-api" }),
    message:
      'serviceAccounts[0].existingRoleArn: "arn:aws:iam::123456789012:policy/orders-api" is not an IAM role ARN; expected arn:<partition>:iam::<account>:role/<path><name>, for example arn:aws:iam::123456789012:role/orders-api.',
  },
  {
    input: "existingRoleArn with policies of its own",
    options: sa({
      existingRoleArn: "arn:aws:iam::123456789012:role/orders-api",
      managedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"],
      roleName: "orders",
    }),
    message:
      "serviceAccounts[0].existingRoleArn: the stack binds this role and never changes it, so roleName, managedPolicyArns would be ignored; remove them, or leave existingRoleArn out to let the stack create the role.",
  },
  {
    input: "targetRoleArn with IRSA",
    options: sa({ targetRoleArn: "arn:aws:iam::222233334444:role/orders-data" }),
    message:
      "serviceAccounts[0].targetRoleArn: a target role is assumed through a Pod Identity association, and this entry (identityType IRSA) has none; use identityType POD_IDENTITY, or remove targetRoleArn.",
  },
  {
    input: "targetRoleArn that is not a role ARN",
    options: sa({ identityType: IdentityType.POD_IDENTITY, targetRoleArn: "orders-data" }),
    message:
      'serviceAccounts[0].targetRoleArn: "orders-data" is not an IAM role ARN; expected arn:<partition>:iam::<account>:role/<path><name>.',
  },
  {
    input: "disableSessionTags with IRSA",
    options: sa({ disableSessionTags: true }),
    message:
      "serviceAccounts[0].disableSessionTags: true applies to Pod Identity sessions, and identityType IRSA has none; remove disableSessionTags.",
  },
  {
    input: "wildcard subjects with Pod Identity",
    options: sa({
      identityType: IdentityType.IRSA_AND_POD_IDENTITY,
      allowWildcardSubjects: true,
      additionalServiceAccounts: [{ namespace: "jobs", name: "worker-*" }],
    }),
    message:
      "serviceAccounts[0].allowWildcardSubjects: a Pod Identity association binds one named service account, so wildcards cannot apply with identityType IRSA_AND_POD_IDENTITY; name each service account.",
  },
  {
    input: "forcePatch on a role-only entry",
    options: sa({ roleOnly: true, createServiceAccount: false, forcePatch: true }),
    message:
      "serviceAccounts[0].forcePatch: true has no effect with roleOnly, which annotates nothing; remove forcePatch.",
  },
  {
    input: "role name over 64 characters",
    options: sa({ roleName: "r".repeat(65) }),
    message: `serviceAccounts[0].roleName: "${"r".repeat(65)}" is not a valid IAM role name; use 1 to 64 letters, digits or '+=,.@_-' (leave roleName out for a derived name).`,
  },
  {
    input: "role name with a space",
    options: sa({ roleName: "my role" }),
    message:
      "serviceAccounts[0].roleName: \"my role\" is not a valid IAM role name; use 1 to 64 letters, digits or '+=,.@_-' (leave roleName out for a derived name).",
  },
  {
    input: "role path without slashes",
    options: sa({ rolePath: "workloads" }),
    message:
      'serviceAccounts[0].rolePath: "workloads" is not a valid IAM path; it starts and ends with \'/\', for example "/" or "/workloads/".',
  },
  {
    input: "managed policy ARN that is a role ARN",
    options: sa({ managedPolicyArns: ["arn:aws:iam::123456789012:role/admin"] }),
    message:
      'serviceAccounts[0].managedPolicyArns[0]: "arn:aws:iam::123456789012:role/admin" is not a managed policy ARN; expected arn:<partition>:iam::<account or "aws">:policy/<name>, for example arn:${partition}:iam::aws:policy/AWSXRayDaemonWriteAccess.',
  },
  {
    input: "permissions boundary that is not a policy ARN",
    options: sa({ permissionsBoundaryArn: "AdminBoundary" }),
    message:
      'serviceAccounts[0].permissionsBoundaryArn: "AdminBoundary" is not a managed policy ARN; expected arn:<partition>:iam::<account>:policy/<name>.',
  },
  {
    input: "policy statement without actions",
    options: sa({ policyStatements: [{ actions: [], resources: ["arn:aws:s3:::bucket"] }] }),
    message:
      'serviceAccounts[0].policyStatements[0].actions: the statement has no action; list at least one, such as "s3:GetObject".',
  },
  {
    input: "policy statement without resources",
    options: sa({ policyStatements: [{ actions: ["s3:GetObject"], resources: [] }] }),
    message:
      "serviceAccounts[0].policyStatements[0].resources: the statement has no resource; list the ARNs it applies to.",
  },
  {
    input: "malformed action",
    options: sa({ policyStatements: [{ actions: ["GetObject"], resources: ["arn:aws:s3:::bucket/*"] }] }),
    message:
      'serviceAccounts[0].policyStatements[0].actions: "GetObject" is not an IAM action; write service:Action, such as "s3:GetObject".',
  },
  {
    input: "allow * on *",
    options: sa({ policyStatements: [{ actions: ["*"], resources: ["*"] }] }),
    message:
      'serviceAccounts[0].policyStatements[0]: allowing every action ("*") on every resource ("*") is refused; grant the actions the workload needs on the resources it uses.',
  },
  {
    input: "wildcard subject without the opt-in",
    options: sa({ additionalServiceAccounts: [{ name: "worker-*", namespace: "shop" }] }),
    message:
      'serviceAccounts[0].additionalServiceAccounts[0].name: "worker-*" contains a wildcard; set allowWildcardSubjects: true to match service accounts with StringLike, or name the service account exactly.',
  },
  {
    input: "trust policy over IAM's 2048-character quota",
    options: sa({
      additionalServiceAccounts: Array.from({ length: 40 }, (_, i) => ({
        name: `worker-${i}`,
        namespace: "batch-processing",
      })),
    }),
    message:
      "serviceAccounts[0].additionalServiceAccounts: the role's trust policy would be about 2520 characters, over IAM's quota \"Role trust policy length\" (2048 characters by default); trust fewer service accounts per role, or raise the quota in Service Quotas first.",
  },
  {
    input: "session duration over 12 hours",
    options: sa({ maxSessionDuration: 50000 }),
    message: "serviceAccounts[0].maxSessionDuration: 50000 is out of range; IAM allows 3600 to 43200 seconds.",
  },
  {
    input: "token expiration under an hour",
    options: sa({ tokenExpirationSeconds: 60 }),
    message: "serviceAccounts[0].tokenExpirationSeconds: 60 is out of range; EKS accepts 3600 to 86400 seconds.",
  },
  {
    input: "empty audience",
    options: sa({ audience: " " }),
    message: "serviceAccounts[0].audience: the audience is empty; leave it out for sts.amazonaws.com.",
  },
  {
    input: "Pulumi project name with a space",
    options: { pulumiProjectName: "my stack" },
    message:
      "pulumiProjectName: \"my stack\" is not a valid Pulumi project name; use 1 to 100 letters, digits, '_', '.' or '-' (set pulumiProjectName when the package name does not qualify).",
  },
  {
    input: "stack name with a slash",
    options: { stackName: "team/dev" },
    message: "stackName: \"team/dev\" is not a valid Pulumi stack name; use 1 to 100 letters, digits, '_', '.' or '-'.",
  },
  {
    input: "region that is not a region code",
    options: { region: "Frankfurt" },
    message: 'region: "Frankfurt" is not an AWS region code; use one such as us-east-1 or eu-central-1.',
  },
  {
    input: "role name prefix with a slash",
    options: { roleNamePrefix: "team/" },
    message: "roleNamePrefix: \"team/\" cannot start an IAM role name; use at most 32 letters, digits or '+=,.@_-'.",
  },
  {
    input: "readme option (the README is generated)",
    options: { readme: { contents: "# Orders" } },
    message:
      "readme: the stack's README.md is generated from the other options, so this option would be ignored; remove it, and keep notes of your own in another file, such as docs/notes.md.",
  },
  {
    input: "serviceAccountName together with serviceAccounts",
    options: { serviceAccountName: "api", ...sa({}) },
    message:
      "serviceAccountName/namespace: they describe the single service account of a stack without `serviceAccounts`; with `serviceAccounts` set, move them into an entry of it.",
  },
  {
    input: "empty serviceAccounts",
    options: { serviceAccounts: [] },
    message:
      "serviceAccounts: the list is empty; declare at least one service account, or leave the option out for the example one.",
  },
  {
    input: "external-dns without the hosted zones it may change",
    options: sa({ addonPolicies: [AddonPolicy.EXTERNAL_DNS] }),
    message:
      'serviceAccounts[0].route53HostedZoneArns: EXTERNAL_DNS in addonPolicies is granted only on the hosted zones whose records it may change, and route53HostedZoneArns is not set; list their ARNs, such as "arn:${partition}:route53:::hostedzone/Z0123456789ABCDEFGHIJ".',
  },
  {
    input: "external-secrets with neither secrets nor parameters",
    options: sa({ addonPolicies: [AddonPolicy.EXTERNAL_SECRETS], secretsManagerSecretArns: [] }),
    message:
      'serviceAccounts[0].secretsManagerSecretArns: EXTERNAL_SECRETS in addonPolicies is granted only on the secrets it may read, and secretsManagerSecretArns or ssmParameterArns are not set; list their ARNs, such as "arn:${partition}:secretsmanager:*:${accountId}:secret:shop/*".',
  },
  {
    input: "cluster autoscaler without the cluster it scales",
    options: sa({ addonPolicies: [AddonPolicy.CLUSTER_AUTOSCALER] }),
    message:
      "serviceAccounts[0].addonClusterName: CLUSTER_AUTOSCALER in addonPolicies is scoped to one cluster, and addonClusterName is not set; set it to the name of the EKS cluster the add-on manages.",
  },
  {
    input: "hosted zone given by its id instead of its ARN",
    options: sa({ addonPolicies: [AddonPolicy.CERT_MANAGER], route53HostedZoneArns: ["Z0123456789ABCDEFGHIJ"] }),
    message:
      'serviceAccounts[0].route53HostedZoneArns[0]: "Z0123456789ABCDEFGHIJ" is not a Route 53 hosted zone ARN, arn:<partition>:route53:::hostedzone/<zone id>; for example "arn:${partition}:route53:::hostedzone/Z0123456789ABCDEFGHIJ".',
  },
  {
    input: "bucket ARN with an object path",
    options: sa({ addonPolicies: [AddonPolicy.VELERO], s3BucketArns: ["arn:aws:s3:::backups/*"] }),
    message:
      'serviceAccounts[0].s3BucketArns[0]: "arn:aws:s3:::backups/*" is not an S3 bucket ARN, arn:<partition>:s3:::<bucket> (objects are granted as <bucket ARN>/*); for example "arn:${partition}:s3:::orders-backups".',
  },
  {
    input: "a scoping option no listed add-on reads",
    options: sa({
      addonPolicies: [AddonPolicy.EBS_CSI_DRIVER],
      sqsQueueArns: ["arn:aws:sqs:eu-west-1:123456789012:nth"],
    }),
    message:
      "serviceAccounts[0].sqsQueueArns: no policy in addonPolicies reads it (NODE_TERMINATION_HANDLER does); add the add-on to addonPolicies, or remove sqsQueueArns.",
  },
  {
    input: "cluster name with a space",
    options: sa({ addonPolicies: [AddonPolicy.KARPENTER_CONTROLLER], addonClusterName: "orders prod" }),
    message:
      "serviceAccounts[0].addonClusterName: \"orders prod\" is not an EKS cluster name; use 1 to 100 letters, digits, '-' or '_', starting with a letter or digit.",
  },
  {
    input: "an add-on policy that does not exist",
    options: sa({ addonPolicies: ["ALB" as AddonPolicy] }),
    message:
      'serviceAccounts[0].addonPolicies[0]: "ALB" is not an add-on policy; use one of AWS_LOAD_BALANCER_CONTROLLER, EXTERNAL_DNS, CERT_MANAGER, CLUSTER_AUTOSCALER, KARPENTER_CONTROLLER, EBS_CSI_DRIVER, EFS_CSI_DRIVER, FSX_LUSTRE_CSI_DRIVER, MOUNTPOINT_S3_CSI_DRIVER, VPC_CNI, EXTERNAL_SECRETS, VELERO, NODE_TERMINATION_HANDLER, CLOUDWATCH_OBSERVABILITY, AMAZON_MANAGED_PROMETHEUS.',
  },
];

/** The bad-input table of docs/validation.md, rendered from {@link BAD_INPUTS}. */
export function badInputTable(): string {
  const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");
  const rows = BAD_INPUTS.map(
    ({ input, options, message }) =>
      `| ${cell(input)} | \`${cell(JSON.stringify(options).slice(0, 90))}\` | ${cell(message)} | \`validation.test.ts\` › ${cell(input)} |`,
  );
  return ["| bad input | options (abridged) | the error line | test |", "| --- | --- | --- | --- |", ...rows].join(
    "\n",
  );
}
