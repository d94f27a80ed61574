import {
  AddonPolicy,
  IdentityType,
  OidcProviderSource,
  PodIdentityAgentMode,
  type EksIrsaProjectOptions,
} from "../src";
import { AWS_MANAGED_POLICIES_PACKAGE } from "../src/components/versions";

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
/** One inline policy statement: reading invoices, with `extra` in place. */
const statement = (extra: object) =>
  sa({ policyStatements: [{ actions: ["s3:GetObject"], resources: ["arn:${partition}:s3:::invoices/*"], ...extra }] });
const condition = (extra: object) => statement({ conditions: [extra] });
/** Options a type check would refuse: `.projenrc.ts` runs transpile-only, so they reach the project type. */
const untyped = (options: object) => options as Partial<EksIrsaProjectOptions>;

export const BAD_INPUTS: BadInput[] = [
  {
    input: "misspelled option",
    options: untyped({ serviceAcounts: [{ name: "api" }] }),
    message:
      'serviceAcounts: "serviceAcounts" is not an option of EksIrsaProject, so its value would be ignored; did you mean serviceAccounts?',
  },
  {
    input: "misspelled field of a service account",
    options: untyped(sa({ namepsace: "shop" })),
    message:
      'serviceAccounts[0].namepsace: "namepsace" is not a field of ServiceAccountOptions, so its value would be ignored; did you mean namespace?',
  },
  {
    input: "misspelled field of a policy statement",
    options: untyped(sa({ policyStatements: [{ actions: ["s3:GetObject"], resources: ["*"], condition: [] }] })),
    message:
      'serviceAccounts[0].policyStatements[0].condition: "condition" is not a field of PolicyStatementOptions, so its value would be ignored; did you mean conditions?',
  },
  {
    input: "misspelled field of a projen option",
    options: untyped({ tsconfig: { compilerOptions: { stict: true } } }),
    message:
      'tsconfig.compilerOptions.stict: "stict" is not a field of TypeScriptCompilerOptions, so its value would be ignored; did you mean strict?',
  },
  {
    input: "unknown option, nothing close",
    options: untyped({ kubernetesVersion: "1.31" }),
    message:
      'kubernetesVersion: "kubernetesVersion" is not an option of EksIrsaProject, so its value would be ignored; remove it, or correct its name (every option is listed in the package\'s API.md).',
  },
  {
    input: "enum value that is not a member",
    options: untyped({ identityType: "irsa" }),
    message:
      'identityType: "irsa" is not a member of IdentityType (did you mean IdentityType.IRSA?); use one of IdentityType.IRSA, IdentityType.POD_IDENTITY, IdentityType.IRSA_AND_POD_IDENTITY.',
  },
  {
    input: "number written as a string",
    options: untyped(sa({ maxSessionDuration: "7200" })),
    message:
      'serviceAccounts[0].maxSessionDuration: "7200" is a string, but the option takes a number; write a number, without quotes.',
  },
  {
    input: "list given as a single value",
    options: untyped(sa({ managedPolicyArns: "arn:aws:iam::aws:policy/ReadOnlyAccess" })),
    message:
      'serviceAccounts[0].managedPolicyArns: "arn:aws:iam::aws:policy/ReadOnlyAccess" is a string, but the option takes a list ([ ... ]).',
  },
  {
    input: "projen option of several types given another",
    options: untyped({ jestOptions: { jestConfig: { maxWorkers: true } } }),
    message: "jestOptions.jestConfig.maxWorkers: true is a boolean, but the option takes a string or a number.",
  },
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
    input: "namespace of an additional service account with capitals",
    options: sa({ additionalServiceAccounts: [{ name: "worker", namespace: "Batch" }] }),
    message:
      "serviceAccounts[0].additionalServiceAccounts[0].namespace: \"Batch\" is not a valid Kubernetes namespace; use at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit (a DNS-1123 label).",
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
    input: "createNamespace on a later entry of a namespace only",
    options: {
      serviceAccounts: [
        { name: "api", namespace: "shop" },
        { name: "web", namespace: "shop", createNamespace: true },
      ],
    },
    message:
      'serviceAccounts[1].createNamespace: namespace "shop" is created by serviceAccounts[1].createNamespace but not by serviceAccounts[0].createNamespace; set createNamespace the same on every entry of a namespace.',
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
    input: "existingRoleArn with one option that shapes a role",
    options: sa({ existingRoleArn: "arn:aws:iam::123456789012:role/orders-api", tags: { team: "orders" } }),
    message:
      "serviceAccounts[0].existingRoleArn: the stack binds this role and never changes it, so tags would be ignored; remove it, or leave existingRoleArn out to let the stack create the role.",
  },
  {
    input: "targetRoleArn with IRSA",
    options: sa({ targetRoleArn: "arn:aws:iam::222233334444:role/orders-data" }),
    message:
      "serviceAccounts[0].targetRoleArn: a target role is assumed through a Pod Identity association, and this entry (identityType IRSA) has none; use identityType POD_IDENTITY, or remove targetRoleArn.",
  },
  {
    input: "a target role on an entry that also uses IRSA",
    options: sa({
      identityType: IdentityType.IRSA_AND_POD_IDENTITY,
      targetRoleArn: "arn:aws:iam::222233334444:role/data",
    }),
    message:
      "serviceAccounts[0].targetRoleArn: a target role is chained by Pod Identity only, and with identityType IRSA_AND_POD_IDENTITY the pods that use IRSA would get this entry's role, which may only assume it; use identityType POD_IDENTITY for an entry with a target role, or remove targetRoleArn.",
  },
  {
    input: "targetRoleArn on a role-only Pod Identity entry",
    options: sa({
      identityType: IdentityType.POD_IDENTITY,
      roleOnly: true,
      targetRoleArn: "arn:aws:iam::222233334444:role/orders-data",
    }),
    message:
      "serviceAccounts[0].targetRoleArn: a target role is assumed through a Pod Identity association, and this entry (identityType POD_IDENTITY, roleOnly) has none; use identityType POD_IDENTITY without roleOnly, or remove targetRoleArn.",
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
    input: "role path over 512 characters",
    options: sa({ rolePath: `/${"p".repeat(511)}/` }),
    message: `serviceAccounts[0].rolePath: "/${"p".repeat(511)}/" is not a valid IAM path; it starts and ends with '/', for example "/" or "/workloads/".`,
  },
  {
    input: "managed policy ARN that is a role ARN",
    options: sa({ managedPolicyArns: ["arn:aws:iam::123456789012:role/admin"] }),
    message:
      'serviceAccounts[0].managedPolicyArns[0]: "arn:aws:iam::123456789012:role/admin" is not a managed policy ARN; expected arn:<partition>:iam::<account or "aws">:policy/<name>, for example arn:${partition}:iam::aws:policy/AWSXRayDaemonWriteAccess.',
  },
  {
    input: "an AWS managed policy without its path",
    options: sa({ managedPolicyArns: ["arn:${partition}:iam::aws:policy/AWSLambdaBasicExecutionRole"] }),
    message: `serviceAccounts[0].managedPolicyArns[0]: AWS has no managed policy "AWSLambdaBasicExecutionRole" (not in ${AWS_MANAGED_POLICIES_PACKAGE}, the snapshot of AWS's managed policies this package ships); did you mean "arn:\${partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"?`,
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
    input: "policy statement with an empty resource",
    options: sa({ policyStatements: [{ actions: ["s3:GetObject"], resources: ["arn:aws:s3:::bucket/*", " "] }] }),
    message: "serviceAccounts[0].policyStatements[0].resources: a resource is empty; list ARNs.",
  },
  {
    input: "malformed action",
    options: sa({ policyStatements: [{ actions: ["GetObject"], resources: ["arn:aws:s3:::bucket/*"] }] }),
    message:
      'serviceAccounts[0].policyStatements[0].actions: "GetObject" is not an IAM action; write service:Action, such as "s3:GetObject".',
  },
  {
    input: "action of a service IAM does not know",
    options: statement({ actions: ["s4:GetObject"] }),
    message:
      'serviceAccounts[0].policyStatements[0].actions: "s4:GetObject": "s4" is not a service prefix in IAM\'s catalog; did you mean "s3:GetObject"?',
  },
  {
    input: "action of a service IAM does not know, with no prefix close to it",
    options: statement({ actions: ["qqqqqqqqqqqq:GetObject"] }),
    message:
      'serviceAccounts[0].policyStatements[0].actions: "qqqqqqqqqqqq:GetObject": "qqqqqqqqqqqq" is not a service prefix in IAM\'s catalog; write the prefix of the service, such as s3 or dynamodb.',
  },
  {
    input: "misspelled action",
    options: statement({ actions: ["s3:GetObjects"] }),
    message:
      'serviceAccounts[0].policyStatements[0].actions: "s3:GetObjects" is not an action of s3 (Amazon S3) in IAM\'s catalog; did you mean "s3:GetObject"?',
  },
  {
    input: "misspelled action under a prefix pattern of several services",
    options: statement({ actions: ["s3*:GetObjects"] }),
    message:
      'serviceAccounts[0].policyStatements[0].actions: "s3*:GetObjects" is not an action of s3* in IAM\'s catalog; did you mean "s3:GetObject"?',
  },
  {
    input: "action a service does not have, with no action close to it",
    options: statement({ actions: ["s3:Qqqqqqqqqqqqqqqqqq"] }),
    message:
      "serviceAccounts[0].policyStatements[0].actions: \"s3:Qqqqqqqqqqqqqqqqqq\" is not an action of s3 (Amazon S3) in IAM's catalog; see the service's actions in the Service Authorization Reference.",
  },
  {
    input: "action wildcard that matches nothing",
    options: statement({ actions: ["s3:Fetch*"] }),
    message:
      'serviceAccounts[0].policyStatements[0].actions: "s3:Fetch*" matches no action of s3 (Amazon S3) in IAM\'s catalog; correct the pattern, or list the actions.',
  },
  {
    input: "resource that is not an ARN",
    options: statement({ resources: ["my-bucket/*"] }),
    message:
      'serviceAccounts[0].policyStatements[0].resources: "my-bucket/*" is not an ARN; write arn:<partition>:<service>:<region>:<account>:<resource>, such as "arn:${partition}:s3:::my-bucket/*", or "*" for every resource.',
  },
  {
    input: "resource ARN in no AWS partition",
    options: statement({ resources: ["arn:amazon:s3:::invoices/*"] }),
    message:
      'serviceAccounts[0].policyStatements[0].resources: "arn:amazon:s3:::invoices/*": "amazon" is not an AWS partition; write ${partition} (the stack fills it in) or one of aws, aws-cn, aws-eusc, aws-iso, aws-iso-b, aws-iso-e, aws-iso-f, aws-us-gov.',
  },
  {
    input: "resource ARN of an unknown service",
    options: statement({ resources: ["arn:aws:dynamodbb:us-east-1:123456789012:table/orders"] }),
    message:
      'serviceAccounts[0].policyStatements[0].resources: "arn:aws:dynamodbb:us-east-1:123456789012:table/orders": "dynamodbb" is not a service with resource ARNs in IAM\'s catalog; did you mean dynamodb?',
  },
  {
    input: "resource ARN of an unknown service, with no service close to it",
    options: statement({ resources: ["arn:aws:qqqqqqqqqqqq:::x"] }),
    message:
      'serviceAccounts[0].policyStatements[0].resources: "arn:aws:qqqqqqqqqqqq:::x": "qqqqqqqqqqqq" is not a service with resource ARNs in IAM\'s catalog; write the service part as in the service\'s documentation, such as s3 or dynamodb.',
  },
  {
    input: "resource ARN of the wrong shape for its service",
    options: statement({ resources: ["arn:aws:s3:us-east-1:123456789012:invoices"] }),
    message:
      'serviceAccounts[0].policyStatements[0].resources: "arn:aws:s3:us-east-1:123456789012:invoices" has none of the shapes of s3 resource ARNs in IAM\'s catalog; the closest is arn:<Partition>:s3:::<BucketName>.',
  },
  {
    input: "condition operator IAM does not have",
    options: condition({ test: "StringEqual", variable: "s3:prefix", values: ["reports/"] }),
    message:
      'serviceAccounts[0].policyStatements[0].conditions[0].test: "StringEqual" is not an IAM condition operator (did you mean StringEquals?); use one such as StringEquals, StringLike, ArnLike, Bool or NumericLessThan, with IfExists or a ForAllValues:/ForAnyValue: qualifier where needed.',
  },
  {
    input: "condition operator IAM does not have, behind a set qualifier",
    options: condition({ test: "ForAnyValue:StringEqual", variable: "aws:TagKeys", values: ["team"] }),
    message:
      'serviceAccounts[0].policyStatements[0].conditions[0].test: "ForAnyValue:StringEqual" is not an IAM condition operator (did you mean StringEquals?); use one such as StringEquals, StringLike, ArnLike, Bool or NumericLessThan, with IfExists or a ForAllValues:/ForAnyValue: qualifier where needed.',
  },
  {
    input: "condition operator with no operator close to it",
    options: condition({ test: "Qqqqqqqqqqqq", variable: "aws:SourceVpce", values: ["vpce-1a2b3c4d"] }),
    message:
      'serviceAccounts[0].policyStatements[0].conditions[0].test: "Qqqqqqqqqqqq" is not an IAM condition operator; use one such as StringEquals, StringLike, ArnLike, Bool or NumericLessThan, with IfExists or a ForAllValues:/ForAnyValue: qualifier where needed.',
  },
  {
    input: "Null with IfExists",
    options: condition({ test: "NullIfExists", variable: "aws:TokenIssueTime", values: ["true"] }),
    message:
      'serviceAccounts[0].policyStatements[0].conditions[0].test: "NullIfExists" is not an IAM condition operator (did you mean Null?); use one such as StringEquals, StringLike, ArnLike, Bool or NumericLessThan, with IfExists or a ForAllValues:/ForAnyValue: qualifier where needed.',
  },
  {
    input: "empty condition key",
    options: condition({ test: "StringEquals", variable: " ", values: ["x"] }),
    message:
      'serviceAccounts[0].policyStatements[0].conditions[0].variable: the condition key is empty; name the context key, such as "aws:SourceVpce" or "s3:prefix".',
  },
  {
    input: "condition key without its prefix",
    options: condition({ test: "StringEquals", variable: "SourceVpce", values: ["vpce-1a2b3c4d"] }),
    message:
      'serviceAccounts[0].policyStatements[0].conditions[0].variable: "SourceVpce" is not a condition key; write prefix:Key, such as "aws:SourceVpce" or "s3:prefix".',
  },
  {
    input: "misspelled condition key",
    options: condition({ test: "StringLike", variable: "s3:prefx", values: ["reports/*"] }),
    message:
      'serviceAccounts[0].policyStatements[0].conditions[0].variable: "s3:prefx" is not a condition key of s3 in IAM\'s catalog; did you mean "s3:prefix"?',
  },
  {
    input: "misspelled global condition key",
    options: condition({ test: "StringEquals", variable: "aws:SourceVpcee", values: ["vpce-1a2b3c4d"] }),
    message:
      'serviceAccounts[0].policyStatements[0].conditions[0].variable: "aws:SourceVpcee" is not a condition key of aws in IAM\'s catalog; did you mean "aws:SourceVpce"?',
  },
  {
    input: "condition key a service does not have, with no key close to it",
    options: condition({ test: "StringEquals", variable: "s3:qqqqqqqqqqqqqqqqqq", values: ["x"] }),
    message:
      "serviceAccounts[0].policyStatements[0].conditions[0].variable: \"s3:qqqqqqqqqqqqqqqqqq\" is not a condition key of s3 in IAM's catalog; see the service's condition keys in the Service Authorization Reference.",
  },
  {
    input: "condition without values",
    options: condition({ test: "StringEquals", variable: "aws:SourceVpce", values: [] }),
    message:
      "serviceAccounts[0].policyStatements[0].conditions[0].values: the condition has no value; list the values the key is compared with.",
  },
  {
    input: "Bool condition with a value that is not true or false",
    options: condition({ test: "Bool", variable: "aws:SecureTransport", values: ["yes"] }),
    message:
      'serviceAccounts[0].policyStatements[0].conditions[0].values: "yes" is not "true" or "false", which Bool compares with.',
  },
  {
    input: "IpAddress condition with a value that is not an address",
    options: condition({ test: "IpAddress", variable: "aws:SourceIp", values: ["office"] }),
    message:
      'serviceAccounts[0].policyStatements[0].conditions[0].values: "office" is not an IP address or CIDR block (such as 203.0.113.0/24), which IpAddress and NotIpAddress compare with.',
  },
  {
    input: "statement id with a dash",
    options: statement({ sid: "read-invoices" }),
    message:
      'serviceAccounts[0].policyStatements[0].sid: "read-invoices" is not a valid statement id; IAM takes letters and digits only.',
  },
  {
    input: "the same statement id twice",
    options: sa({
      policyStatements: [
        { sid: "Read", actions: ["s3:GetObject"], resources: ["arn:${partition}:s3:::invoices/*"] },
        { sid: "Read", actions: ["s3:ListBucket"], resources: ["arn:${partition}:s3:::invoices"] },
      ],
    }),
    message:
      'serviceAccounts[0].policyStatements[1].sid: "Read" is already the id of policyStatements[0]; IAM wants each statement id once in a policy, so rename one.',
  },
  {
    input: "example Deployment image with capitals",
    options: sa({ exampleDeployment: true, exampleDeploymentImage: "AWS-CLI:latest" }),
    message:
      'serviceAccounts[0].exampleDeploymentImage: "AWS-CLI:latest" is not a container image reference; write [registry/]repository[:tag][@digest] in lower case, such as "public.ecr.aws/aws-cli/aws-cli:2.27.50".',
  },
  {
    input: "example Deployment image over 255 characters",
    options: sa({ exampleDeployment: true, exampleDeploymentImage: "a".repeat(256) }),
    message: `serviceAccounts[0].exampleDeploymentImage: "${"a".repeat(256)}" is not a container image reference; write [registry/]repository[:tag][@digest] in lower case, such as "public.ecr.aws/aws-cli/aws-cli:2.27.50".`,
  },
  {
    input: "allow * on *",
    options: sa({ policyStatements: [{ actions: ["*"], resources: ["*"] }] }),
    message:
      'serviceAccounts[0].policyStatements[0]: allowing every action ("*") on every resource ("*") is refused; grant the actions the workload needs on the resources it uses.',
  },
  {
    input: "allow *:* on an ARN of every resource of the account",
    options: sa({ policyStatements: [{ actions: ["*:*"], resources: ["arn:${partition}:*:*:${accountId}:*"] }] }),
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
    input: "wildcard in the service account's own name",
    options: sa({ name: "api-*" }),
    message:
      'serviceAccounts[0].name: "api-*" contains a wildcard, and an entry\'s own service account must be named exactly (allowWildcardSubjects applies only to additionalServiceAccounts); name the service account exactly, and to let the role trust every service account "api-*" matches, list it in additionalServiceAccounts with allowWildcardSubjects: true.',
  },
  {
    input: "wildcard in the service account's own name, with the opt-in",
    options: sa({ name: "app-*", allowWildcardSubjects: true }),
    message:
      'serviceAccounts[0].name: "app-*" contains a wildcard, and an entry\'s own service account must be named exactly (allowWildcardSubjects applies only to additionalServiceAccounts); name the service account exactly, and to let the role trust every service account "app-*" matches, list it in additionalServiceAccounts with allowWildcardSubjects: true.',
  },
  {
    input: "wildcard in the service account's own name, with IRSA and Pod Identity",
    options: sa({ name: "app-*", identityType: IdentityType.IRSA_AND_POD_IDENTITY }),
    message:
      'serviceAccounts[0].name: "app-*" contains a wildcard, and an entry\'s own service account must be named exactly (allowWildcardSubjects applies only to additionalServiceAccounts); name the service account exactly.',
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
    // One statement per service account, each naming the cluster: six accounts are over, whatever the cluster.
    input: "Pod Identity trust policy over the quota",
    options: {
      identityType: IdentityType.POD_IDENTITY,
      ...sa({
        additionalServiceAccounts: Array.from({ length: 5 }, (_, i) => ({ name: `worker-${i}`, namespace: "batch" })),
      }),
    },
    message:
      "serviceAccounts[0].additionalServiceAccounts: the role's trust policy would be at least about 2192 characters, over IAM's quota \"Role trust policy length\" (2048 characters by default); trust fewer service accounts per role, or raise the quota in Service Quotas first.",
  },
  {
    input: "a target role's trust policy over the quota",
    options: {
      identityType: IdentityType.POD_IDENTITY,
      ...sa({
        targetRoleArn: "arn:aws:iam::222233334444:role/orders-data",
        additionalServiceAccounts: Array.from({ length: 4 }, (_, i) => ({ name: `worker-${i}`, namespace: "batch" })),
      }),
    },
    message:
      "serviceAccounts[0].additionalServiceAccounts: the trust policy of the target role (targetRoleArn, one statement per service account) would be at least about 2117 characters, over IAM's quota \"Role trust policy length\" (2048 characters by default); chain fewer service accounts to one target role, or raise the quota in the target role's account first.",
  },
  {
    input: "session duration over 12 hours",
    options: sa({ maxSessionDuration: 50000 }),
    message: "serviceAccounts[0].maxSessionDuration: 50000 is out of range; IAM allows 3600 to 43200 seconds.",
  },
  {
    input: "session duration with a fraction",
    options: sa({ maxSessionDuration: 3600.5 }),
    message:
      "serviceAccounts[0].maxSessionDuration: 3600.5 is not a whole number of seconds; IAM takes an integer from 3600 to 43200.",
  },
  {
    input: "token expiration under ten minutes",
    options: sa({ tokenExpirationSeconds: 599 }),
    message: "serviceAccounts[0].tokenExpirationSeconds: 599 is out of range; EKS allows 600 to 86400 seconds.",
  },
  {
    input: "token expiration over a day",
    options: sa({ tokenExpirationSeconds: 86401 }),
    message: "serviceAccounts[0].tokenExpirationSeconds: 86401 is out of range; EKS allows 600 to 86400 seconds.",
  },
  {
    input: "session duration under an hour",
    options: sa({ maxSessionDuration: 1800 }),
    message: "serviceAccounts[0].maxSessionDuration: 1800 is out of range; IAM allows 3600 to 43200 seconds.",
  },
  {
    input: "empty audience",
    options: sa({ audience: " " }),
    message: "serviceAccounts[0].audience: the audience is empty; leave it out for sts.amazonaws.com.",
  },
  {
    input: "role tag with a key AWS reserves",
    options: sa({ tags: { "aws:team": "data" } }),
    message:
      'serviceAccounts[0].tags["aws:team"]: keys starting with "aws:" are reserved for AWS; choose another prefix.',
  },
  {
    input: "role tag key with a character IAM refuses",
    options: sa({ tags: { "cost#center": "42" } }),
    message:
      'serviceAccounts[0].tags["cost#center"]: the key has characters IAM does not allow in tags ("#"); use letters, digits, spaces and _ . : / = + - @.',
  },
  {
    input: "role tag value with a character IAM refuses",
    options: sa({ tags: { team: "data|web&ops" } }),
    message:
      'serviceAccounts[0].tags["team"]: the value "data|web&ops" has characters IAM does not allow in tags ("|", "&"); use letters, digits, spaces and _ . : / = + - @.',
  },
  {
    input: "role tag key over 128 characters",
    options: sa({ tags: { ["k".repeat(129)]: "v" } }),
    message: `serviceAccounts[0].tags["${"k".repeat(129)}"]: the key is 129 characters; IAM allows 1 to 128.`,
  },
  {
    input: "empty role tag key",
    options: sa({ tags: { "": "v" } }),
    message: 'serviceAccounts[0].tags[""]: the key is 0 characters; IAM allows 1 to 128.',
  },
  {
    input: "role tag value over 256 characters",
    options: sa({ tags: { note: "n".repeat(257) } }),
    message: 'serviceAccounts[0].tags["note"]: the value is 257 characters; IAM allows at most 256.',
  },
  {
    input: "role tag keys that differ only in case",
    options: sa({ tags: { Team: "data", team: "web" } }),
    message:
      'serviceAccounts[0].tags["team"]: IAM tag keys ignore case, so this is the same key as "Team"; keep one of them.',
  },
  {
    input: "more than 50 role tags",
    options: sa({ tags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`tag${i}`, "x"])) }),
    message: "serviceAccounts[0].tags: 51 tags; IAM allows at most 50 per role, so keep fewer.",
  },
  {
    input: "label key with a space",
    options: sa({ labels: { "cost center": "42" } }),
    message:
      "serviceAccounts[0].labels[\"cost center\"]: \"cost center\" is not a valid label key; write an optional DNS subdomain prefix and '/', then a name of at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit (such as \"example.com/team\").",
  },
  {
    input: "label value starting with a dash",
    options: sa({ labels: { team: "-data" } }),
    message:
      "serviceAccounts[0].labels[\"team\"]: the value \"-data\" is not a valid label value; use at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit (or nothing).",
  },
  {
    input: "annotation key with two slashes",
    options: sa({ annotations: { "example.com/team/owner": "data" } }),
    message:
      "serviceAccounts[0].annotations[\"example.com/team/owner\"]: \"example.com/team/owner\" is not a valid annotation key; write an optional DNS subdomain prefix and '/', then a name of at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit (such as \"example.com/team\").",
  },
  {
    input: "the role-arn annotation set by hand",
    options: sa({ annotations: { "eks.amazonaws.com/role-arn": "arn:aws:iam::123456789012:role/admin" } }),
    message:
      'serviceAccounts[0].annotations["eks.amazonaws.com/role-arn"]: this annotation is managed by eks-irsa-template; the stack sets it to the role it creates.',
  },
  {
    // The webhook mints the token for this audience (amazon-eks-pod-identity-webhook, README): one the trust does not pin.
    input: "the audience annotation set by hand",
    options: sa({ annotations: { "eks.amazonaws.com/audience": "other.example.com" } }),
    message:
      'serviceAccounts[0].annotations["eks.amazonaws.com/audience"]: this annotation is managed by eks-irsa-template; set audience instead, which the trust policy pins too.',
  },
  {
    input: "annotations over 256 KiB",
    options: sa({ annotations: { "example.com/blob": "x".repeat(262144) } }),
    message:
      "serviceAccounts[0].annotations: the annotations are 262160 bytes; Kubernetes allows 262144 in all, so move large data elsewhere (a ConfigMap).",
  },
  {
    input: "audience with Pod Identity",
    options: { identityType: IdentityType.POD_IDENTITY, ...sa({ audience: "my-audience" }) },
    message:
      'serviceAccounts[0].audience: "my-audience" applies to IRSA only (Pod Identity tokens always have the audience pods.eks.amazonaws.com); remove it, or set identityType: IdentityType.IRSA.',
  },
  {
    input: "stsRegionalEndpoints with Pod Identity",
    options: { identityType: IdentityType.POD_IDENTITY, ...sa({ stsRegionalEndpoints: true }) },
    message:
      "serviceAccounts[0].stsRegionalEndpoints: true applies to IRSA only (the Pod Identity agent serves the credentials itself); remove it, or set identityType: IdentityType.IRSA.",
  },
  {
    input: "tokenExpirationSeconds with Pod Identity",
    options: { identityType: IdentityType.POD_IDENTITY, ...sa({ tokenExpirationSeconds: 7200 }) },
    message:
      "serviceAccounts[0].tokenExpirationSeconds: 7200 applies to IRSA only (the Pod Identity agent manages its own token); remove it, or set identityType: IdentityType.IRSA.",
  },
  {
    input: "audience on a Pod Identity entry of an IRSA stack",
    options: {
      serviceAccounts: [
        { name: "api", namespace: "shop" },
        { name: "worker", namespace: "shop", identityType: IdentityType.POD_IDENTITY, audience: "my-audience" },
      ],
    },
    message:
      'serviceAccounts[1].audience: "my-audience" applies to IRSA only (Pod Identity tokens always have the audience pods.eks.amazonaws.com); remove it, or set identityType: IdentityType.IRSA.',
  },
  {
    input: "forcePatch with Pod Identity",
    options: { identityType: IdentityType.POD_IDENTITY, ...sa({ createServiceAccount: false, forcePatch: true }) },
    message:
      "serviceAccounts[0].forcePatch: true applies to IRSA only (Pod Identity binds the role with an association, not an annotation to take over); remove it, or set identityType: IdentityType.IRSA.",
  },
  {
    input: "forcePatch on an entry that uses Pod Identity in an IRSA stack",
    options: sa({ identityType: IdentityType.POD_IDENTITY, createServiceAccount: false, forcePatch: true }),
    message:
      "serviceAccounts[0].forcePatch: true applies to IRSA only (Pod Identity binds the role with an association, not an annotation to take over); remove it, or set identityType: IdentityType.IRSA.",
  },
  {
    input: "oidcProviderSource with Pod Identity",
    options: { identityType: IdentityType.POD_IDENTITY, oidcProviderSource: OidcProviderSource.CLUSTER_LOOKUP },
    message:
      'oidcProviderSource: "CLUSTER_LOOKUP" applies to IRSA only (Pod Identity needs no OIDC provider); remove it, or set identityType: IdentityType.IRSA.',
  },
  {
    input: "podIdentityAgent without a Pod Identity entry",
    options: { podIdentityAgent: PodIdentityAgentMode.INSTALL, ...sa({}) },
    message:
      'podIdentityAgent: "INSTALL" applies to Pod Identity only (no entry binds its role with an association, so no agent is needed); remove it, or set identityType: IdentityType.IRSA_AND_POD_IDENTITY (to migrate from IRSA without downtime) or IdentityType.POD_IDENTITY.',
  },
  {
    input: "ARN in another partition than the region",
    options: { region: "cn-north-1", ...statement({ resources: ["arn:aws:s3:::invoices/*"] }) },
    message:
      'serviceAccounts[0].policyStatements[0].resources: "arn:aws:s3:::invoices/*" is in partition aws, but region cn-north-1 is in aws-cn; write arn:${partition}:... and the stack fills in the partition it deploys to.',
  },
  {
    input: "region of no AWS partition",
    options: { region: "xx-east-1" },
    message: 'region: "xx-east-1" is not an AWS region code; use one such as us-east-1 or eu-central-1.',
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
    input: "Karpenter's interruption queue as a wildcard",
    options: sa({
      addonPolicies: [AddonPolicy.KARPENTER_CONTROLLER],
      addonClusterName: "orders",
      karpenterInterruptionQueueArn: "arn:aws:sqs:*:123456789012:karpenter-*",
    }),
    message:
      'serviceAccounts[0].karpenterInterruptionQueueArn: "arn:aws:sqs:*:123456789012:karpenter-*" is not an SQS queue ARN, arn:<partition>:sqs:<region>:<account>:<queue> (one queue: no wildcard); for example "arn:${partition}:sqs:eu-west-1:${accountId}:karpenter-orders".',
  },
  {
    input: "Karpenter's interruption queue without Karpenter",
    options: sa({
      addonPolicies: [AddonPolicy.NODE_TERMINATION_HANDLER],
      sqsQueueArns: ["arn:aws:sqs:eu-west-1:123456789012:nth"],
      karpenterInterruptionQueueArn: "arn:aws:sqs:eu-west-1:123456789012:karpenter-orders",
    }),
    message:
      "serviceAccounts[0].karpenterInterruptionQueueArn: no policy in addonPolicies reads it (KARPENTER_CONTROLLER does); add the add-on to addonPolicies, or remove karpenterInterruptionQueueArn.",
  },
  {
    input: "inline policies over IAM's aggregate quota of a role (its own statements and two add-ons)",
    options: sa({
      addonPolicies: [AddonPolicy.AWS_LOAD_BALANCER_CONTROLLER, AddonPolicy.KARPENTER_CONTROLLER],
      addonClusterName: "orders",
      policyStatements: [
        {
          actions: ["ssm:GetParameter"],
          resources: Array.from(
            { length: 40 },
            (_, i) => `arn:\${partition}:ssm:eu-west-1:\${accountId}:parameter/platform/settings-${i}`,
          ),
        },
      ],
    }),
    message:
      "serviceAccounts[0].policyStatements: the inline policies of shop/api's role would hold about 11143 characters (policyStatements about 3170, AWS_LOAD_BALANCER_CONTROLLER about 5236, KARPENTER_CONTROLLER about 2737), over IAM's quota \"Role policy size\" of 10240 characters for all inline policies of a role together; move statements into a customer managed policy (managedPolicyArns), or split the add-ons over several service accounts.",
  },
  {
    input: "cluster name with a space",
    options: sa({ addonPolicies: [AddonPolicy.KARPENTER_CONTROLLER], addonClusterName: "orders prod" }),
    message:
      "serviceAccounts[0].addonClusterName: \"orders prod\" is not an EKS cluster name; use 1 to 100 letters, digits, '-' or '_', starting with a letter or digit.",
  },
  {
    input: "an add-on policy that does not exist (a member of no enum: the option schema answers)",
    options: sa({ addonPolicies: ["ALB" as AddonPolicy] }),
    message:
      'serviceAccounts[0].addonPolicies[0]: "ALB" is not a member of AddonPolicy; use one of AddonPolicy.AWS_LOAD_BALANCER_CONTROLLER, AddonPolicy.EXTERNAL_DNS, AddonPolicy.CERT_MANAGER, AddonPolicy.CLUSTER_AUTOSCALER, AddonPolicy.KARPENTER_CONTROLLER, AddonPolicy.EBS_CSI_DRIVER, AddonPolicy.EFS_CSI_DRIVER, AddonPolicy.FSX_LUSTRE_CSI_DRIVER, AddonPolicy.MOUNTPOINT_S3_CSI_DRIVER, AddonPolicy.VPC_CNI, AddonPolicy.EXTERNAL_SECRETS, AddonPolicy.VELERO, AddonPolicy.NODE_TERMINATION_HANDLER, AddonPolicy.CLOUDWATCH_OBSERVABILITY, AddonPolicy.AMAZON_MANAGED_PROMETHEUS.',
  },
];
