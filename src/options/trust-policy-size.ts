import { identityPartsOf } from "./identity-parts";
import { serviceAccountSubject } from "./service-account-subject";
import type { ServiceAccountSettings } from "./stack-settings";

/** IAM's default quota "Role trust policy length", in characters. */
export const TRUST_POLICY_QUOTA = 2048;

/** The longest issuer EKS hands out today (GovCloud region, 32-character cluster id). */
const LONGEST_EKS_ISSUER = "oidc.eks.us-gov-west-1.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF";
export const LONGEST_PROVIDER_ARN = `arn:aws-us-gov:iam::123456789012:oidc-provider/${LONGEST_EKS_ISSUER}`;

/**
 * The shortest ARN an EKS cluster can have (a one-character name, the shortest partition and region): synth does
 * not know the cluster, so the Pod Identity statements, which name it, are measured at their shortest. An entry
 * refused with it is over the quota whatever its cluster.
 */
export const SHORTEST_CLUSTER_ARN = "arn:aws:eks:us-east-1:123456789012:cluster/c";
const ACCOUNT = "123456789012";

/** The session tags of a Pod Identity request (the stack's `POD_IDENTITY_SESSION_TAGS`). */
const tag = (key: string) => `aws:RequestTag/${key}`;
const CLUSTER_TAG = tag("eks-cluster-arn");
const NAMESPACE_TAG = tag("kubernetes-namespace");
const SERVICE_ACCOUNT_TAG = tag("kubernetes-service-account");

/** The service accounts an entry's role or target role lets in, each once. */
function boundAccounts(sa: ServiceAccountSettings): { namespace: string; name: string }[] {
  const all = [sa, ...sa.additionalServiceAccounts];
  return [...new Map(all.map((a) => [serviceAccountSubject(a), { namespace: a.namespace, name: a.name }])).values()];
}

/** The IRSA statement of one cluster's provider, with the longest issuer EKS uses. */
function irsaStatement(sa: ServiceAccountSettings): object {
  const subjects = [sa, ...sa.additionalServiceAccounts].map(serviceAccountSubject);
  const unique = [...new Set(subjects)];
  const wildcard = sa.allowWildcardSubjects && unique.some((s) => /[*?]/.test(s));
  const sub = unique.length === 1 ? unique[0] : unique;
  const condition = wildcard
    ? {
        StringEquals: { [`${LONGEST_EKS_ISSUER}:aud`]: sa.audience },
        StringLike: { [`${LONGEST_EKS_ISSUER}:sub`]: sub },
      }
    : { StringEquals: { [`${LONGEST_EKS_ISSUER}:aud`]: sa.audience, [`${LONGEST_EKS_ISSUER}:sub`]: sub } };
  return {
    Effect: "Allow",
    Principal: { Federated: LONGEST_PROVIDER_ARN },
    Action: "sts:AssumeRoleWithWebIdentity",
    Condition: condition,
  };
}

/** The Pod Identity statements: one per service account with session tags, one for the account without. */
function podIdentityStatements(sa: ServiceAccountSettings): object[] {
  const principal = { Service: "pods.eks.amazonaws.com" };
  const actions = ["sts:AssumeRole", "sts:TagSession"];
  if (sa.disableSessionTags) {
    return [
      {
        Effect: "Allow",
        Principal: principal,
        Action: actions,
        Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT } },
      },
    ];
  }
  return boundAccounts(sa).map(({ namespace, name }) => ({
    Effect: "Allow",
    Principal: principal,
    Action: actions,
    Condition: {
      StringEquals: {
        [CLUSTER_TAG]: SHORTEST_CLUSTER_ARN,
        [NAMESPACE_TAG]: namespace,
        [SERVICE_ACCOUNT_TAG]: name,
        "aws:SourceAccount": ACCOUNT,
      },
    },
  }));
}

/**
 * The length of the trust policy of a service account's role, for one cluster: the same document the stack's
 * `src/trust-policy.ts` builds at run time (a test checks that they agree), with the longest issuer EKS uses for
 * IRSA and the shortest cluster ARN for Pod Identity, so that an oversized role is refused at synth, not at
 * `pulumi up`. 0 for a role the stack does not create.
 */
export function estimateTrustPolicyLength(sa: ServiceAccountSettings): number {
  const parts = identityPartsOf(sa);
  const statements = [
    ...(parts.trustsOidc ? [irsaStatement(sa)] : []),
    ...(parts.trustsPods ? podIdentityStatements(sa) : []),
  ];
  return statements.length === 0 ? 0 : JSON.stringify({ Version: "2012-10-17", Statement: statements }).length;
}

/**
 * The length of the trust policy of an entry's target role (`targetRoleArn`, made by the stack's
 * `createPodIdentityTargetRole`), at least: one statement per association (the stack's
 * `podIdentityTargetTrustPolicy`), with the shortest cluster ARN and the entry's role in partition `aws`.
 * 0 for an entry without a target role.
 */
export function estimateTargetRoleTrustLength(sa: ServiceAccountSettings): number {
  if (sa.targetRoleArn === undefined || !identityPartsOf(sa).associates) return 0;
  const sourceRoleArn = `arn:aws:iam::${ACCOUNT}:role${sa.rolePath}${sa.roleName}`;
  const principal = { AWS: `arn:aws:iam::${ACCOUNT}:root` };
  const fromSourceRole = { ArnEquals: { "aws:PrincipalARN": sourceRoleArn } };
  const associations = boundAccounts(sa);
  const statements = sa.disableSessionTags
    ? [
        ...associations.map(({ namespace, name }) => ({
          Effect: "Allow",
          Principal: principal,
          Action: "sts:AssumeRole",
          Condition: {
            StringEquals: { "sts:ExternalId": `us-east-1/${ACCOUNT}/c/${namespace}/${name}` },
            ...fromSourceRole,
          },
        })),
        { Effect: "Allow", Principal: principal, Action: "sts:TagSession", Condition: fromSourceRole },
      ]
    : associations.map(({ namespace, name }) => ({
        Effect: "Allow",
        Principal: principal,
        Action: ["sts:AssumeRole", "sts:TagSession"],
        Condition: {
          StringEquals: {
            [CLUSTER_TAG]: SHORTEST_CLUSTER_ARN,
            [NAMESPACE_TAG]: namespace,
            [SERVICE_ACCOUNT_TAG]: name,
          },
          ...fromSourceRole,
        },
      }));
  return JSON.stringify({ Version: "2012-10-17", Statement: statements }).length;
}
