/**
 * Stacks other than the default one, by the project options that make them. `npx projen stack:fixture` renders each
 * into test/stack-variants/<variant>/ (its settings, README and managed policy documents, through the real synth),
 * and `npx jest` runs the stack's tests that read those files once per variant (a jest project each, .projenrc.ts):
 * a stack test that holds only for the default stack fails here, without scaffolding one.
 */
import { join } from "path";
import { AddonPolicy, type EksIrsaProjectOptions, IdentityType, PodIdentityAgentMode } from "../src";

/** Where a variant's rendered files are: laid out as in a stack (README.md, src/settings.ts, ...). */
export const STACK_VARIANTS_DIR = join(__dirname, "..", "test", "stack-variants");

export type StackVariantOptions = Omit<EksIrsaProjectOptions, "name" | "defaultReleaseBranch" | "outdir">;

export const STACK_VARIANTS: Record<string, StackVariantOptions> = {
  /** Issue 13's "done when": add-ons, a role-only entry, an existing role, and Pod Identity and migrating entries. */
  addons: {
    serviceAccounts: [
      {
        name: "aws-load-balancer-controller",
        namespace: "kube-system",
        roleOnly: true,
        addonPolicies: [AddonPolicy.AWS_LOAD_BALANCER_CONTROLLER],
      },
      {
        name: "external-dns",
        namespace: "kube-system",
        addonPolicies: [AddonPolicy.EXTERNAL_DNS],
        route53HostedZoneArns: ["arn:${partition}:route53:::hostedzone/Z0123456789ABCDEFGHIJ"],
      },
      {
        name: "ebs-csi-controller-sa",
        namespace: "kube-system",
        createServiceAccount: false,
        addonPolicies: [AddonPolicy.EBS_CSI_DRIVER],
      },
      { name: "api", namespace: "shop", existingRoleArn: "arn:aws:iam::123456789012:role/orders-api" },
      {
        name: "orders-api",
        namespace: "shop",
        identityType: IdentityType.POD_IDENTITY,
        policyStatements: [
          { actions: ["sqs:SendMessage"], resources: ["arn:${partition}:sqs:*:${accountId}:orders"] },
          // Scoped by a session tag EKS sets (EKS User Guide, pod-id-abac): the README's verdict must be the program's.
          {
            sid: "OwnNamespaceObjects",
            actions: ["s3:GetObject"],
            resources: ["arn:${partition}:s3:::orders-data/shop/*"],
            conditions: [{ test: "StringEquals", variable: "aws:PrincipalTag/kubernetes-namespace", values: ["shop"] }],
          },
        ],
      },
      { name: "legacy-batch", namespace: "batch", identityType: IdentityType.IRSA_AND_POD_IDENTITY },
    ],
  },
  /** Several accounts: a 60-character name (its role name shortened), an adopted one with a wildcard subject. */
  "three-accounts": {
    serviceAccounts: [
      {
        name: "api",
        namespace: "shop",
        exampleDeployment: true,
        // Scoped by a tag of the role, a principal tag of its sessions.
        tags: { team: "orders" },
        policyStatements: [
          {
            sid: "TeamObjects",
            actions: ["s3:GetObject"],
            resources: ["arn:${partition}:s3:::orders-data/*"],
            conditions: [{ test: "StringEquals", variable: "aws:PrincipalTag/team", values: ["orders"] }],
          },
        ],
      },
      { name: "api", namespace: "billing", stsRegionalEndpoints: true, tokenExpirationSeconds: 3600 },
      {
        name: "a".repeat(60),
        namespace: "batch",
        createServiceAccount: false,
        rolePath: "/workloads/",
        additionalServiceAccounts: [{ name: "worker-*", namespace: "batch" }],
        allowWildcardSubjects: true,
        policyStatements: [
          { actions: ["sqs:ReceiveMessage"], resources: ["arn:${partition}:sqs:*:${accountId}:jobs"] },
          // Scoped by the session's role ARN (its path): the README's verdict must be the program's.
          {
            sid: "WorkloadRolesOnly",
            actions: ["sqs:DeleteMessage"],
            resources: ["arn:${partition}:sqs:*:${accountId}:jobs"],
            conditions: [
              {
                test: "ArnLike",
                variable: "aws:PrincipalArn",
                values: ["arn:${partition}:iam::${accountId}:role/workloads/*"],
              },
            ],
          },
        ],
      },
    ],
  },
  /**
   * Pod Identity by default: a target role and a shared role, no session tags, a migrating entry, Karpenter with its
   * interruption queue; the agent installed.
   */
  "pod-identity": {
    identityType: IdentityType.POD_IDENTITY,
    podIdentityAgent: PodIdentityAgentMode.INSTALL,
    serviceAccounts: [
      {
        name: "karpenter",
        namespace: "kube-system",
        createServiceAccount: false,
        addonPolicies: [AddonPolicy.KARPENTER_CONTROLLER],
        addonClusterName: "orders",
        karpenterInterruptionQueueArn: "arn:${partition}:sqs:eu-west-1:${accountId}:orders",
      },
      {
        name: "reports",
        namespace: "shop",
        targetRoleArn: "arn:aws:iam::222233334444:role/orders-data",
        additionalServiceAccounts: [{ namespace: "shop", name: "reports-backfill" }],
      },
      {
        // Role only, scoped by session tags: the README shows the verdicts the program's Pod Identity sessions get,
        // "unknown" where they depend on the cluster (known at deploy only).
        name: "ingest",
        namespace: "etl",
        roleOnly: true,
        policyStatements: [
          {
            sid: "OwnNamespaceQueue",
            actions: ["sqs:ReceiveMessage"],
            resources: ["arn:${partition}:sqs:*:${accountId}:etl"],
            conditions: [{ test: "StringEquals", variable: "aws:PrincipalTag/kubernetes-namespace", values: ["etl"] }],
          },
          {
            sid: "OnlyInTheOrdersCluster",
            actions: ["sqs:DeleteMessage"],
            resources: ["arn:${partition}:sqs:*:${accountId}:etl"],
            conditions: [{ test: "StringEquals", variable: "aws:PrincipalTag/eks-cluster-name", values: ["orders"] }],
          },
        ],
      },
      {
        name: "exporter",
        namespace: "metrics",
        disableSessionTags: true,
        managedPolicyArns: ["arn:${partition}:iam::aws:policy/AmazonPrometheusRemoteWriteAccess"],
      },
      {
        name: "orders-api",
        namespace: "shop",
        identityType: IdentityType.IRSA_AND_POD_IDENTITY,
        policyStatements: [
          {
            sid: "ReadOrders",
            actions: ["dynamodb:GetItem", "dynamodb:Query"],
            resources: ["arn:${partition}:dynamodb:*:${accountId}:table/orders"],
          },
        ],
      },
    ],
  },
};
