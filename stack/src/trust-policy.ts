/**
 * Pure IAM trust-policy builders for IRSA and EKS Pod Identity.
 * No imports on purpose: this file is unit/property tested without Pulumi and
 * can be reused by the generator itself.
 */

export interface PolicyStatement {
  Sid?: string;
  Effect: "Allow" | "Deny";
  Principal?: Record<string, string | string[]>;
  Action: string | string[];
  Resource?: string | string[];
  /** operator -> condition key -> value(s), e.g. { StringEquals: { "x:aud": "sts.amazonaws.com" } } */
  Condition?: Record<string, Record<string, string | string[]>>;
}

export interface PolicyDocument {
  Version: "2012-10-17";
  Statement: PolicyStatement[];
}

export interface ServiceAccountRef {
  namespace: string;
  name: string;
}

export interface OidcProvider {
  partition: string;
  accountId: string;
  /** Issuer host and path without scheme: the prefix of the `:aud` / `:sub` condition keys. */
  issuer: string;
  arn: string;
}

export const DEFAULT_AUDIENCE = "sts.amazonaws.com";
export const OIDC_PROVIDER_ARN_EXAMPLE =
  "arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";

/** The AWS partitions (botocore's endpoints.json), the same as synth validates against (a test keeps the two equal). */
export const AWS_PARTITIONS: readonly string[] = [
  "aws",
  "aws-cn",
  "aws-eusc",
  "aws-iso",
  "aws-iso-b",
  "aws-iso-e",
  "aws-iso-f",
  "aws-us-gov",
];
// Issuer: DNS host, then optional path segments. No scheme, port, query or trailing slash
// (IAM stores the provider URL without https://, and that string prefixes the condition keys).
const OIDC_ARN =
  /^arn:([a-z-]+):iam::(\d{12}):oidc-provider\/([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:\/[A-Za-z0-9._~-]+)*)$/;

/** Parses and validates an IAM OIDC provider ARN; `configKey` only labels the error message. */
export function parseOidcProviderArn(arn: string, configKey = "oidcProviderArn"): OidcProvider {
  const match = typeof arn === "string" ? OIDC_ARN.exec(arn) : null;
  if (!match || !AWS_PARTITIONS.includes(match[1])) {
    const shown = typeof arn === "string" ? JSON.stringify(arn) : String(arn);
    throw new Error(
      `Invalid ${configKey}: ${shown} is not an IAM OIDC provider ARN.\n` +
        `Expected arn:<partition>:iam::<12-digit account id>:oidc-provider/<issuer host/path, without https://> ` +
        `(partition one of ${AWS_PARTITIONS.join(", ")}), e.g.\n  ${OIDC_PROVIDER_ARN_EXAMPLE}\n` +
        `To find it: \`aws eks describe-cluster --name <cluster> --query cluster.identity.oidc.issuer\` prints the issuer URL, ` +
        `then \`aws iam list-open-id-connect-providers\` lists the provider ARNs (pick the one ending with that issuer, minus https://).`,
    );
  }
  return { partition: match[1], accountId: match[2], issuer: match[3], arn };
}

/**
 * Parses the primary OIDC provider ARN, then the additional ones, each error labelled with its config key. The
 * additional ones must be in the primary's account and partition, where the role is: STS looks the token's issuer up
 * among the OIDC providers of the role's own account (EKS User Guide, "Authenticate to another account with IRSA":
 * the other cluster's issuer is registered as a provider in the role's account).
 */
export function parseOidcProviderArns(arns: readonly string[]): OidcProvider[] {
  const providers = arns.map((arn, i) =>
    parseOidcProviderArn(arn, i === 0 ? "oidcProviderArn" : `additionalOidcProviderArns[${i - 1}]`),
  );
  const [primary, ...additional] = providers;
  additional.forEach((provider, i) => {
    if (provider.accountId !== primary.accountId || provider.partition !== primary.partition) {
      throw new Error(
        `Invalid additionalOidcProviderArns[${i}]: ${JSON.stringify(provider.arn)} is in account ${provider.accountId} ` +
          `(partition ${provider.partition}), but oidcProviderArn is in account ${primary.accountId} (partition ` +
          `${primary.partition}), and a role trusts only OIDC providers of its own account. Register that cluster's ` +
          `issuer in account ${primary.accountId} (aws iam create-open-id-connect-provider --url ` +
          `https://${provider.issuer} --client-id-list <each audience the roles trust, sts.amazonaws.com by default>) ` +
          `and list that provider's ARN.`,
      );
    }
  });
  return providers;
}

/** The `sub` claim Kubernetes puts in projected service account tokens. */
export function serviceAccountSubject(ref: ServiceAccountRef): string {
  return `system:serviceaccount:${ref.namespace}:${ref.name}`;
}

export interface IrsaTrustPolicyArgs {
  oidcProviderArns: string[];
  serviceAccounts: ServiceAccountRef[];
  /** Token audience pinned with StringEquals; defaults to sts.amazonaws.com. */
  audience?: string;
  /** Opt-in for `*` / `?` in namespaces or names (moves `:sub` to StringLike). */
  allowWildcardSubjects?: boolean;
}

const hasWildcard = (s: string): boolean => /[*?]/.test(s);
const unique = (xs: string[]): string[] => [...new Set(xs)];

/** One statement per OIDC provider, each pinning both `aud` and `sub`. */
export function irsaTrustPolicy(args: IrsaTrustPolicyArgs): PolicyDocument {
  const audience = args.audience ?? DEFAULT_AUDIENCE;
  if (args.oidcProviderArns.length === 0) {
    throw new Error("irsaTrustPolicy: at least one OIDC provider ARN is required.");
  }
  if (args.serviceAccounts.length === 0) throw new Error("irsaTrustPolicy: at least one service account is required.");
  if (audience === "") throw new Error("irsaTrustPolicy: audience must not be empty.");

  const subjects = unique(
    args.serviceAccounts.map((sa) => {
      // The subject is colon-delimited, so a ':' would let one entry match another namespace.
      if (!sa.namespace || !sa.name || /[:\s]/.test(sa.namespace + sa.name)) {
        throw new Error(
          `Invalid service account ${JSON.stringify(sa)}: namespace and name must be non-empty, without ':' or spaces.`,
        );
      }
      const subject = serviceAccountSubject(sa);
      if (hasWildcard(subject) && !args.allowWildcardSubjects) {
        throw new Error(
          `Service account "${sa.namespace}/${sa.name}" contains a wildcard (* or ?), which would let other service accounts ` +
            `assume the role. Set allowWildcardSubjects: true to opt in.`,
        );
      }
      return subject;
    }),
  );
  const sub = subjects.length === 1 ? subjects[0] : subjects;
  const subOperator = subjects.some(hasWildcard) ? "StringLike" : "StringEquals";

  return {
    Version: "2012-10-17",
    Statement: unique(args.oidcProviderArns).map((arn): PolicyStatement => {
      const { issuer } = parseOidcProviderArn(arn);
      const aud = { [`${issuer}:aud`]: audience };
      const subCondition = { [`${issuer}:sub`]: sub };
      return {
        Effect: "Allow",
        Principal: { Federated: arn },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition:
          subOperator === "StringEquals"
            ? { StringEquals: { ...aud, ...subCondition } }
            : { StringEquals: aud, StringLike: subCondition },
      };
    }),
  };
}

export interface PodIdentityTrustPolicyArgs {
  /** ARN of the EKS cluster whose associations may use the role (it names the account and region too). */
  clusterArn: string;
  /** The cluster's account: `aws:SourceAccount` of the agent's request. */
  accountId: string;
  serviceAccount: ServiceAccountRef;
  /** More service accounts whose associations share the role: one statement each, so no pair mixes. */
  additionalServiceAccounts?: ServiceAccountRef[];
  /**
   * false when the associations disable session tags: the request then carries none, so only the account can
   * be pinned, and any association in it may use the role. Default true.
   */
  sessionTags?: boolean;
}

/** The session tags EKS Pod Identity puts on the AssumeRole request, by what they name. */
export const POD_IDENTITY_SESSION_TAGS = {
  clusterArn: "eks-cluster-arn",
  namespace: "kubernetes-namespace",
  serviceAccount: "kubernetes-service-account",
} as const;

const POD_IDENTITY_PRINCIPAL = { Service: "pods.eks.amazonaws.com" };

/**
 * EKS Pod Identity: `pods.eks.amazonaws.com` assumes the role and tags the session. Without conditions any
 * association in the account could use the role; these pin the cluster, namespace and service account with
 * the request tags EKS documents ("Create IAM role with trust policy required by EKS Pod Identity",
 * EKS User Guide pod-id-role; the target-role example in pod-id-assign-target-role uses the same three),
 * and the account with `aws:SourceAccount`, which the agent's requests carry
 * (awslabs/mountpoint-s3-csi-driver#781 runs with exactly that condition).
 */
export function podIdentityTrustPolicy(args: PodIdentityTrustPolicyArgs): PolicyDocument {
  const serviceAccounts = [args.serviceAccount, ...(args.additionalServiceAccounts ?? [])];
  for (const sa of serviceAccounts) {
    if (!sa.namespace || !sa.name || /[*?]/.test(sa.namespace + sa.name)) {
      throw new Error(`podIdentityTrustPolicy: ${JSON.stringify(sa)} must name one service account.`);
    }
  }
  const actions = ["sts:AssumeRole", "sts:TagSession"];
  if (args.sessionTags === false) {
    return {
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: POD_IDENTITY_PRINCIPAL,
          Action: actions,
          Condition: { StringEquals: { "aws:SourceAccount": args.accountId } },
        },
      ],
    };
  }
  const tag = (key: string) => `aws:RequestTag/${key}`;
  return {
    Version: "2012-10-17",
    Statement: unique(serviceAccounts.map(serviceAccountSubject)).map((subject): PolicyStatement => {
      const { namespace, name } = serviceAccounts.find((sa) => serviceAccountSubject(sa) === subject)!;
      return {
        Effect: "Allow",
        Principal: POD_IDENTITY_PRINCIPAL,
        Action: actions,
        Condition: {
          StringEquals: {
            [tag(POD_IDENTITY_SESSION_TAGS.clusterArn)]: args.clusterArn,
            [tag(POD_IDENTITY_SESSION_TAGS.namespace)]: namespace,
            [tag(POD_IDENTITY_SESSION_TAGS.serviceAccount)]: name,
            "aws:SourceAccount": args.accountId,
          },
        },
      };
    }),
  };
}

/** One association that chains to a target role: the service account it binds, and its external ID. */
export interface TargetRoleAssociation {
  namespace: string;
  serviceAccount: string;
  /** The association's `externalId`, `<region>/<account>/<cluster>/<namespace>/<service account>`. */
  externalId?: string;
}

export interface PodIdentityTargetTrustPolicyArgs {
  /** The associations' role (in the cluster's account), which assumes the target role. */
  sourceRoleArn: string;
  /** The cluster the session tags name (with session tags). */
  clusterArn: string;
  /** Every association of the entry whose target this is: its service account's and its additional ones'. */
  associations: TargetRoleAssociation[];
  /** false when the associations disable session tags: their external IDs pin them instead. */
  sessionTags: boolean;
}

/**
 * The trust of a target role (EKS User Guide, pod-id-assign-target-role): the cluster account's association
 * role, by `aws:PrincipalARN`, for the bound cluster, namespace and service account, by their session tags or,
 * without session tags, by the `sts:ExternalId` EKS sets (the association's `externalId`). One statement per
 * association: a role shared by several associations needs "independent statements in the trust policy" (EKS API
 * reference, CreatePodIdentityAssociation), as one statement's lists would also admit the namespace of one
 * association with the service account of another.
 */
export function podIdentityTargetTrustPolicy(args: PodIdentityTargetTrustPolicyArgs): PolicyDocument {
  if (args.associations.length === 0) {
    throw new Error("podIdentityTargetTrustPolicy: at least one association is required.");
  }
  const [, partition, , , account] = args.sourceRoleArn.split(":");
  const principal = { AWS: `arn:${partition}:iam::${account}:root` };
  const fromSourceRole = { ArnEquals: { "aws:PrincipalARN": args.sourceRoleArn } };
  if (args.sessionTags) {
    const tag = (key: string) => `aws:RequestTag/${key}`;
    return {
      Version: "2012-10-17",
      Statement: args.associations.map(({ namespace, serviceAccount }) => ({
        Effect: "Allow",
        Principal: principal,
        Action: ["sts:AssumeRole", "sts:TagSession"],
        Condition: {
          StringEquals: {
            [tag(POD_IDENTITY_SESSION_TAGS.clusterArn)]: args.clusterArn,
            [tag(POD_IDENTITY_SESSION_TAGS.namespace)]: namespace,
            [tag(POD_IDENTITY_SESSION_TAGS.serviceAccount)]: serviceAccount,
          },
          ...fromSourceRole,
        },
      })),
    };
  }
  const assumeRole = args.associations.map(({ externalId }) => {
    if (!externalId) {
      throw new Error("podIdentityTargetTrustPolicy: without session tags, the external ID is required.");
    }
    return {
      Effect: "Allow" as const,
      Principal: principal,
      Action: "sts:AssumeRole",
      Condition: { StringEquals: { "sts:ExternalId": externalId }, ...fromSourceRole },
    };
  });
  return {
    Version: "2012-10-17",
    Statement: [
      ...assumeRole,
      { Effect: "Allow", Principal: principal, Action: "sts:TagSession", Condition: fromSourceRole },
    ],
  };
}

const ROLE_ARN = /^arn:[a-z-]+:iam::\d{12}:role\/(?:[\x21-\x7e]*\/)?([\w+=,.@-]{1,64})$/;

/** The name of a role, the last segment of its ARN (after the path). */
export function roleNameOfArn(arn: string): string {
  const match = ROLE_ARN.exec(arn);
  if (!match) {
    throw new Error(
      `${JSON.stringify(arn)} is not an IAM role ARN (arn:<partition>:iam::<account>:role/<path><name>).`,
    );
  }
  return match[1];
}

/** IAM quota "Role trust policy length", default value (characters, whitespace not counted). */
export const TRUST_POLICY_QUOTA = 2048;

export function assertWithinTrustPolicyQuota(doc: PolicyDocument, roleLabel: string): void {
  // IAM ignores whitespace when measuring, so the compact JSON is the number to compare.
  const length = JSON.stringify(doc).length;
  if (length > TRUST_POLICY_QUOTA) {
    throw new Error(
      `Trust policy of role "${roleLabel}" is ${length} characters, over the IAM quota "Role trust policy length" ` +
        `(default 2,048 characters). Trust fewer service accounts or OIDC providers per role (split it into several roles), ` +
        `or request a quota increase in Service Quotas (IAM, "Role trust policy length").`,
    );
  }
}
