import type { MockOptions } from "./pulumi-mocks";
import type { PodIdentityAgentMode } from "../src/settings-types";
import type { readIdentityConfig } from "../src/stack-config";
import type { IrsaTrustPolicyArgs } from "../src/trust-policy";

type Mocks = Pick<
  MockOptions,
  | "partition"
  | "clusterIssuer"
  | "stackOutputs"
  | "oidcProviderClientIds"
  | "oidcProviderClientIdsByArn"
  | "podIdentityAgentAddon"
>;

/**
 * Every bad stack config (and every bad direct call of the trust-policy helpers) the stack is tried with,
 * and the exact error it answers with: test/stack-config.test.ts runs each one; eks-irsa-template's
 * docs/validation.md renders this list as its run-time table.
 */
export type BadStackInput =
  | {
      readonly input: string;
      /** Read by readIdentityConfig, under Pulumi mocks with this stack config. */
      readonly settings: Parameters<typeof readIdentityConfig>[0];
      readonly config: Record<string, string>;
      readonly mocks?: Mocks;
      readonly message: string;
    }
  | {
      readonly input: string;
      /** Passed to podIdentityAgent with the clusterName of this stack config, under Pulumi mocks. */
      readonly podIdentityAgent: PodIdentityAgentMode;
      readonly config: Record<string, string>;
      readonly mocks?: Mocks;
      readonly message: string;
    }
  | {
      readonly input: string;
      /** Passed to irsaTrustPolicy, then to assertWithinTrustPolicyQuota for the role "orders-api@shop". */
      readonly trustPolicy: IrsaTrustPolicyArgs;
      readonly message: string;
    };

const IRSA = { identityType: "IRSA", oidcProviderSource: "STACK_CONFIG" } as const;
const POD_IDENTITY = { identityType: "POD_IDENTITY", oidcProviderSource: "STACK_CONFIG" } as const;
/** A second cluster's provider in the same account (additionalOidcProviderArns). */
const SECOND =
  "arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/SECONDCLUSTER0000000000000000000";
const EXAMPLE =
  "arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";

/** EXAMPLE's issuer registered in another account, and what an additional provider of that account is told. */
const FOREIGN_PROVIDER = EXAMPLE.replace("123456789012", "111122223333");
const FOREIGN_ADDITIONAL_PROVIDER =
  `Invalid additionalOidcProviderArns[0]: ${JSON.stringify(FOREIGN_PROVIDER)} is in ` +
  "account 111122223333 (partition aws), but oidcProviderArn is in account 123456789012 (partition aws), and a " +
  "role trusts only OIDC providers of its own account. Register that cluster's issuer in account 123456789012 " +
  "(aws iam create-open-id-connect-provider --url " +
  "https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE --client-id-list <each audience " +
  "the roles trust, sts.amazonaws.com by default>) and list that provider's ARN.";

const notAnOidcProviderArn = (label: string, value: string) =>
  `Invalid ${label}: ${JSON.stringify(value)} is not an IAM OIDC provider ARN.\n` +
  "Expected arn:<partition>:iam::<12-digit account id>:oidc-provider/<issuer host/path, without https://> " +
  `(partition one of aws, aws-cn, aws-eusc, aws-iso, aws-iso-b, aws-iso-e, aws-iso-f, aws-us-gov), e.g.\n  ${EXAMPLE}\n` +
  "To find it: `aws eks describe-cluster --name <cluster> --query cluster.identity.oidc.issuer` prints the issuer URL, " +
  "then `aws iam list-open-id-connect-providers` lists the provider ARNs (pick the one ending with that issuer, minus https://).";

const invalidClusterName = (value: string) =>
  `Invalid clusterName: ${JSON.stringify(value)}. An EKS cluster name is 1-100 characters, starts with a letter or digit ` +
  'and contains only letters, digits, "-" and "_" (^[0-9A-Za-z][A-Za-z0-9\\-_]*$). Set it with: pulumi config set clusterName my-cluster';

const STACK_REFERENCE_OUTPUT =
  'output "oidcProviderArn" of stack "org/cluster/prod" (config oidcProviderStackReference / oidcProviderOutputName)';

export const BAD_STACK_INPUTS: BadStackInput[] = [
  {
    input: "oidcProviderArn missing",
    settings: IRSA,
    config: {},
    message: `Missing required config "oidcProviderArn". Set it with: pulumi config set oidcProviderArn ${EXAMPLE}`,
  },
  {
    input: "oidcProviderArn is the issuer URL",
    settings: IRSA,
    config: { oidcProviderArn: "https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE" },
    message: notAnOidcProviderArn(
      "oidcProviderArn",
      "https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE",
    ),
  },
  {
    input: "oidcProviderArn with a short account id",
    settings: IRSA,
    config: { oidcProviderArn: "arn:aws:iam::123:oidc-provider/x" },
    message: notAnOidcProviderArn("oidcProviderArn", "arn:aws:iam::123:oidc-provider/x"),
  },
  {
    input: "oidcProviderArn is a cluster name",
    settings: IRSA,
    config: { oidcProviderArn: "my-cluster" },
    message: notAnOidcProviderArn("oidcProviderArn", "my-cluster"),
  },
  {
    input: "oidcProviderArn in another partition than aws:region's",
    settings: IRSA,
    config: { oidcProviderArn: EXAMPLE.replace("arn:aws:", "arn:aws-us-gov:") },
    mocks: { partition: "aws" },
    message:
      `Invalid oidcProviderArn: ${JSON.stringify(EXAMPLE.replace("arn:aws:", "arn:aws-us-gov:"))} is in partition aws-us-gov, ` +
      "but this stack deploys to partition aws (the partition of aws:region); use the OIDC provider of a cluster in aws, " +
      "or set aws:region to a region of aws-us-gov.",
  },
  {
    input: "an entry of additionalOidcProviderArns malformed",
    settings: IRSA,
    config: { oidcProviderArn: EXAMPLE, additionalOidcProviderArns: JSON.stringify([EXAMPLE, "bad"]) },
    message: notAnOidcProviderArn("additionalOidcProviderArns[1]", "bad"),
  },
  {
    input: "additionalOidcProviderArns not a list",
    settings: IRSA,
    config: { oidcProviderArn: EXAMPLE, additionalOidcProviderArns: JSON.stringify(EXAMPLE) },
    message: `Invalid additionalOidcProviderArns: expected a list of OIDC provider ARNs. Set it with: pulumi config set --path 'additionalOidcProviderArns[0]' ${EXAMPLE}`,
  },
  {
    // What `additionalOidcProviderArns: arn:...` (a scalar in the stack file) hands the program: not JSON at all.
    input: "additionalOidcProviderArns a plain string",
    settings: IRSA,
    config: { oidcProviderArn: EXAMPLE, additionalOidcProviderArns: EXAMPLE },
    message: `Invalid additionalOidcProviderArns: expected a list of OIDC provider ARNs. Set it with: pulumi config set --path 'additionalOidcProviderArns[0]' ${EXAMPLE}`,
  },
  {
    input: "an additional OIDC provider of another account",
    settings: IRSA,
    config: {
      oidcProviderArn: EXAMPLE,
      additionalOidcProviderArns: JSON.stringify([FOREIGN_PROVIDER]),
    },
    message: FOREIGN_ADDITIONAL_PROVIDER,
  },
  {
    // The account is checked before the provider is looked up: a provider of another account cannot be read, and the
    // lookup's error would not say what to do.
    input: "an additional OIDC provider of another account, with the primary one from a stack reference",
    settings: { identityType: "IRSA", oidcProviderSource: "STACK_REFERENCE" },
    config: {
      oidcProviderStackReference: "org/cluster/prod",
      additionalOidcProviderArns: JSON.stringify([FOREIGN_PROVIDER]),
    },
    mocks: { stackOutputs: { "org/cluster/prod": { oidcProviderArn: EXAMPLE } } },
    message: FOREIGN_ADDITIONAL_PROVIDER,
  },
  {
    input: "clusterName missing (Pod Identity)",
    settings: POD_IDENTITY,
    config: {},
    message: 'Missing required config "clusterName". Set it with: pulumi config set clusterName my-cluster',
  },
  {
    input: "clusterName with a space (Pod Identity)",
    settings: POD_IDENTITY,
    config: { clusterName: "has space" },
    message: invalidClusterName("has space"),
  },
  {
    input: "clusterName starting with a dash (IRSA, CLUSTER_LOOKUP)",
    settings: { identityType: "IRSA", oidcProviderSource: "CLUSTER_LOOKUP" },
    config: { clusterName: "-starts-with-dash" },
    message: invalidClusterName("-starts-with-dash"),
  },
  {
    input: "the looked-up cluster's issuer is not https",
    settings: { identityType: "IRSA", oidcProviderSource: "CLUSTER_LOOKUP" },
    config: { clusterName: "my-cluster" },
    mocks: { clusterIssuer: "http://oidc.example.com" },
    message: notAnOidcProviderArn(
      'OIDC provider ARN derived from cluster "my-cluster" (config clusterName)',
      "arn:aws:iam::123456789012:oidc-provider/http://oidc.example.com",
    ),
  },
  {
    input: "the looked-up cluster has no IAM OIDC provider",
    settings: { identityType: "IRSA", oidcProviderSource: "CLUSTER_LOOKUP" },
    config: { clusterName: "my-cluster" },
    mocks: { oidcProviderClientIds: null },
    message:
      `EKS cluster "my-cluster" (config clusterName) has no IAM OIDC provider: ${EXAMPLE} was not found. Create it once per cluster with\n` +
      "  eksctl utils associate-iam-oidc-provider --cluster my-cluster --approve\n" +
      "or in the IAM console (Identity providers, OpenID Connect, the cluster's issuer URL, audience sts.amazonaws.com).",
  },
  {
    input: "the looked-up cluster's IAM OIDC provider does not list a trusted audience",
    settings: {
      identityType: "IRSA",
      oidcProviderSource: "CLUSTER_LOOKUP",
      serviceAccounts: [{ audience: "sts.amazonaws.com" }, { audience: "api://orders" }],
    },
    config: { clusterName: "my-cluster" },
    mocks: { oidcProviderClientIds: ["sts.amazonaws.com"] },
    message:
      `The IAM OIDC provider ${EXAMPLE} of cluster "my-cluster" does not list the audience "api://orders" the roles trust, ` +
      "so STS would refuse every token. Add it: aws iam add-client-id-to-open-id-connect-provider " +
      `--open-id-connect-provider-arn ${EXAMPLE} --client-id api://orders`,
  },
  {
    input: "the looked-up cluster's IAM OIDC provider lists none of two trusted audiences",
    settings: {
      identityType: "IRSA",
      oidcProviderSource: "CLUSTER_LOOKUP",
      serviceAccounts: [{ audience: "api://orders" }, { audience: "api://billing" }, { audience: "api://orders" }],
    },
    config: { clusterName: "my-cluster" },
    mocks: { oidcProviderClientIds: ["sts.amazonaws.com"] },
    message:
      `The IAM OIDC provider ${EXAMPLE} of cluster "my-cluster" does not list the audiences "api://orders", ` +
      '"api://billing" the roles trust, so STS would refuse every token. Add them: ' +
      `aws iam add-client-id-to-open-id-connect-provider --open-id-connect-provider-arn ${EXAMPLE} --client-id api://orders; ` +
      `aws iam add-client-id-to-open-id-connect-provider --open-id-connect-provider-arn ${EXAMPLE} --client-id api://billing`,
  },
  {
    input: "the IAM OIDC provider of oidcProviderArn does not exist",
    settings: IRSA,
    config: { oidcProviderArn: EXAMPLE },
    mocks: { oidcProviderClientIds: null },
    message:
      "The IAM OIDC provider (config oidcProviderArn) does not exist (`aws iam list-open-id-connect-providers` lists " +
      `those there are): ${EXAMPLE} was not found. Create it once per cluster with\n` +
      "  eksctl utils associate-iam-oidc-provider --cluster <cluster> --approve\n" +
      "or in the IAM console (Identity providers, OpenID Connect, the cluster's issuer URL, audience sts.amazonaws.com).",
  },
  {
    input: "the IAM OIDC provider of oidcProviderArn does not list a trusted audience",
    settings: { ...IRSA, serviceAccounts: [{ audience: "api://orders" }] },
    config: { oidcProviderArn: EXAMPLE },
    mocks: { oidcProviderClientIds: ["sts.amazonaws.com"] },
    message:
      `The IAM OIDC provider ${EXAMPLE} (config oidcProviderArn) does not list the audience "api://orders" the roles ` +
      "trust, so STS would refuse every token. Add it: aws iam add-client-id-to-open-id-connect-provider " +
      `--open-id-connect-provider-arn ${EXAMPLE} --client-id api://orders`,
  },
  {
    input: "an additional OIDC provider that does not list a trusted audience",
    settings: { ...IRSA, serviceAccounts: [{ audience: "api://orders" }] },
    config: { oidcProviderArn: EXAMPLE, additionalOidcProviderArns: JSON.stringify([SECOND]) },
    mocks: {
      oidcProviderClientIds: ["sts.amazonaws.com", "api://orders"],
      oidcProviderClientIdsByArn: { [SECOND]: ["sts.amazonaws.com"] },
    },
    message:
      `The IAM OIDC provider ${SECOND} (config additionalOidcProviderArns[0]) does not list the audience ` +
      '"api://orders" the roles trust, so STS would refuse every token. Add it: ' +
      `aws iam add-client-id-to-open-id-connect-provider --open-id-connect-provider-arn ${SECOND} --client-id api://orders`,
  },
  {
    input: "oidcProviderStackReference missing (STACK_REFERENCE)",
    settings: { identityType: "IRSA", oidcProviderSource: "STACK_REFERENCE" },
    config: {},
    message:
      'Missing required config "oidcProviderStackReference". Set it with: pulumi config set oidcProviderStackReference org/cluster/prod',
  },
  {
    input: "the referenced stack's output is not an OIDC provider ARN",
    settings: { identityType: "IRSA", oidcProviderSource: "STACK_REFERENCE" },
    config: { oidcProviderStackReference: "org/cluster/prod" },
    mocks: { stackOutputs: { "org/cluster/prod": { oidcProviderArn: "oops" } } },
    message: notAnOidcProviderArn(STACK_REFERENCE_OUTPUT, "oops"),
  },
  {
    input: "the cluster has no eks-pod-identity-agent add-on (podIdentityAgent CHECK)",
    podIdentityAgent: "CHECK",
    config: { clusterName: "my-cluster" },
    mocks: { podIdentityAgentAddon: false },
    message:
      'EKS cluster "my-cluster" (config clusterName) has no "eks-pod-identity-agent" add-on, so pods would get no Pod Identity ' +
      "credentials. Install it (aws eks create-addon --cluster-name my-cluster --addon-name eks-pod-identity-agent), or let " +
      "this stack install it: podIdentityAgent: PodIdentityAgentMode.INSTALL in .projenrc.ts. On EKS Auto Mode, or with " +
      "the agent installed another way, set podIdentityAgent: PodIdentityAgentMode.NONE.",
  },
  {
    input: "a wildcard subject without the opt-in (helper called directly)",
    trustPolicy: { oidcProviderArns: [EXAMPLE], serviceAccounts: [{ namespace: "jobs", name: "worker-*" }] },
    message:
      'Service account "jobs/worker-*" contains a wildcard (* or ?), which would let other service accounts assume the role. Set allowWildcardSubjects: true to opt in.',
  },
  {
    input: "a trust policy over IAM's quota (many subjects times many providers)",
    trustPolicy: {
      oidcProviderArns: [EXAMPLE, EXAMPLE.replace("us-east-1", "eu-west-1")],
      serviceAccounts: Array.from({ length: 16 }, (_, i) => ({ namespace: "batch-processing", name: `worker-${i}` })),
    },
    message:
      'Trust policy of role "orders-api@shop" is 2450 characters, over the IAM quota "Role trust policy length" (default 2,048 characters). Trust fewer service accounts or OIDC providers per role (split it into several roles), or request a quota increase in Service Quotas (IAM, "Role trust policy length").',
  },
];
