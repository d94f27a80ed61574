// Pulumi SDK submodules, not the whole @pulumi/aws: its index loads every service's types (0.4-0.5 s a test file).
import * as eks from "@pulumi/aws/eks";
import { getCallerIdentityOutput } from "@pulumi/aws/getCallerIdentity";
import { getPartitionOutput } from "@pulumi/aws/getPartition";
import * as iam from "@pulumi/aws/iam";
import * as pulumi from "@pulumi/pulumi";
import { inStackPartition } from "./arn-tokens";
import type { OidcProviderSource, StackSettings } from "./settings-types";
import {
  OIDC_PROVIDER_ARN_EXAMPLE,
  type OidcProvider,
  parseOidcProviderArn,
  parseOidcProviderArns,
} from "./trust-policy";

/** What the identities need from the stack's configuration, per identity type. */
export type IdentityConfig =
  | { identityType: "IRSA"; oidcProviderArn: pulumi.Output<string>; additionalOidcProviderArns: string[] }
  | {
      identityType: "POD_IDENTITY";
      clusterName: string;
      /** The cluster's ARN, read from EKS: the trust policies pin it (and the lookup fails for a missing cluster). */
      clusterArn: pulumi.Output<string>;
    };

const CLUSTER_NAME = /^[0-9A-Za-z][A-Za-z0-9\-_]*$/;

function requireKey(config: pulumi.Config, key: string, example: string): string {
  const value = config.get(key);
  if (value === undefined || value === "") {
    throw new Error(`Missing required config "${key}". Set it with: pulumi config set ${key} ${example}`);
  }
  return value;
}

/** Kubeconfig for the Kubernetes provider; always a secret since it may embed tokens or keys. Unset = ambient kubeconfig. */
export function readKubeconfig(): pulumi.Output<string> | undefined {
  return new pulumi.Config().getSecret("kubeconfig");
}

/** EKS cluster name rule (CreateCluster API); `source` labels where the value came from. */
export function validateClusterName(value: string, source = "clusterName"): string {
  if (typeof value !== "string" || value.length < 1 || value.length > 100 || !CLUSTER_NAME.test(value)) {
    throw new Error(
      `Invalid ${source}: ${JSON.stringify(value)}. An EKS cluster name is 1-100 characters, starts with a letter or digit ` +
        `and contains only letters, digits, "-" and "_" (${CLUSTER_NAME.source}). Set it with: pulumi config set clusterName my-cluster`,
    );
  }
  return value;
}

export function readClusterName(): string {
  return validateClusterName(requireKey(new pulumi.Config(), "clusterName", "my-cluster"));
}

function readAdditionalOidcProviderArns(config: pulumi.Config): string[] {
  // Parsed here, not by config.getObject, whose error for a plain string says only "not a valid JSON object".
  const raw = config.get("additionalOidcProviderArns");
  let value: unknown = [];
  try {
    value = raw === undefined ? [] : JSON.parse(raw);
  } catch {
    value = raw;
  }
  if (!Array.isArray(value)) {
    throw new Error(
      `Invalid additionalOidcProviderArns: expected a list of OIDC provider ARNs. Set it with: ` +
        `pulumi config set --path 'additionalOidcProviderArns[0]' ${OIDC_PROVIDER_ARN_EXAMPLE}`,
    );
  }
  return value.map((arn: string, i) => parseOidcProviderArn(arn, `additionalOidcProviderArns[${i}]`).arn);
}

/**
 * The provider, if it is in the partition the stack deploys to (the AWS provider's, from aws:region): a role
 * in one partition cannot trust an OIDC provider of another.
 */
function providerInStackPartition(provider: OidcProvider, label: string): pulumi.Output<string> {
  return getPartitionOutput().partition.apply((partition) =>
    inStackPartition(
      provider.arn,
      partition,
      `Invalid ${label}`,
      `use the OIDC provider of a cluster in ${partition}, or set aws:region to a region of ${provider.partition}`,
    ),
  );
}

/** The cluster's IAM OIDC provider ARN, from wherever the settings say it comes from. Validated either way. */
export function readOidcProviderArn(source: OidcProviderSource, audiences: string[] = []): pulumi.Output<string> {
  const config = new pulumi.Config();
  switch (source) {
    case "STACK_CONFIG":
      return providerInStackPartition(
        parseOidcProviderArn(requireKey(config, "oidcProviderArn", OIDC_PROVIDER_ARN_EXAMPLE)),
        "oidcProviderArn",
      ).apply((arn) => requireOidcProvider(arn, "(config oidcProviderArn)", audiences));
    case "CLUSTER_LOOKUP": {
      const clusterName = readClusterName();
      const cluster = eks.getClusterOutput({ name: clusterName });
      const providerArn = pulumi
        .all([cluster.identities, getPartitionOutput().partition, getCallerIdentityOutput().accountId])
        .apply(([identities, partition, accountId]) => {
          const issuer = identities[0]?.oidcs[0]?.issuer;
          if (!issuer) throw new Error(`EKS cluster "${clusterName}" (config clusterName) has no OIDC issuer.`);
          // The IAM provider is named after the issuer URL without its scheme.
          const arn = `arn:${partition}:iam::${accountId}:oidc-provider/${issuer.replace(/^https:\/\//, "")}`;
          return parseOidcProviderArn(
            arn,
            `OIDC provider ARN derived from cluster "${clusterName}" (config clusterName)`,
          ).arn;
        });
      return providerArn.apply((arn) =>
        requireOidcProvider(arn, `of cluster "${clusterName}"`, audiences, {
          problem: `EKS cluster "${clusterName}" (config clusterName) has no IAM OIDC provider`,
          create: `eksctl utils associate-iam-oidc-provider --cluster ${clusterName} --approve`,
        }),
      );
    }
    case "STACK_REFERENCE": {
      const stackName = requireKey(config, "oidcProviderStackReference", "org/cluster/prod");
      const outputName = config.get("oidcProviderOutputName") || "oidcProviderArn";
      const label = `output "${outputName}" of stack "${stackName}" (config oidcProviderStackReference / oidcProviderOutputName)`;
      return new pulumi.StackReference(stackName)
        .requireOutput(outputName)
        .apply((value: unknown) => providerInStackPartition(parseOidcProviderArn(value as string, label), label))
        .apply((arn) => requireOidcProvider(arn, `(${label})`, audiences));
    }
  }
}

/** How to say that a provider is missing: for a looked-up cluster, that the cluster has none, and how to create it. */
interface MissingProvider {
  problem: string;
  create: string;
}

/**
 * The cluster's IAM OIDC provider must exist, and list every audience the roles trust as a client ID: STS refuses a
 * token whose audience the provider does not list (AssumeRoleWithWebIdentity, InvalidIdentityToken), and the pods
 * would start without working credentials. Builds nothing, so it fails before any role, with how to fix it.
 * `whose` names where the ARN came from.
 */
async function requireOidcProvider(
  providerArn: string,
  whose: string,
  audiences: string[],
  missing: MissingProvider = {
    problem: `The IAM OIDC provider ${whose} does not exist (\`aws iam list-open-id-connect-providers\` lists those there are)`,
    create: "eksctl utils associate-iam-oidc-provider --cluster <cluster> --approve",
  },
): Promise<string> {
  let provider: iam.GetOpenIdConnectProviderResult;
  try {
    provider = await iam.getOpenIdConnectProvider({ arn: providerArn });
  } catch (error) {
    // The lookup's own reason, when it gives one (under Pulumi mocks an invoke's error has no message).
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    // A lookup that failed for another reason than a missing provider (access denied, throttling) says nothing of
    // the provider. terraform-provider-aws reports a missing one as "couldn't find resource" (tfresource.NotFound).
    if (reason && !/couldn't find resource|NoSuchEntity|not found/i.test(reason)) {
      throw new Error(
        `Could not check the IAM OIDC provider ${providerArn} ${whose}: ${reason}. The deploying (and previewing) ` +
          `credentials need iam:GetOpenIDConnectProvider on it, to check that it exists and lists every audience ` +
          `the roles trust.`,
      );
    }
    throw new Error(
      `${missing.problem}: ${providerArn} was not found${reason ? ` (${reason})` : ""}. Create it once per cluster with\n` +
        `  ${missing.create}\n` +
        `or in the IAM console (Identity providers, OpenID Connect, the cluster's issuer URL, audience sts.amazonaws.com).`,
    );
  }
  const unlisted = audiences.filter((audience) => !provider.clientIdLists.includes(audience));
  if (unlisted.length > 0) {
    const one = unlisted.length === 1;
    const commands = unlisted.map(
      (audience) =>
        `aws iam add-client-id-to-open-id-connect-provider --open-id-connect-provider-arn ${providerArn} --client-id ${audience}`,
    );
    throw new Error(
      `The IAM OIDC provider ${providerArn} ${whose} does not list the ${one ? "audience" : "audiences"} ` +
        `${unlisted.map((a) => JSON.stringify(a)).join(", ")} the roles trust, so STS would refuse every token. ` +
        `Add ${one ? "it" : "them"}: ${commands.join("; ")}`,
    );
  }
  return providerArn;
}

/** Reads and validates every config key the settings' identity type needs; fails fast with `pulumi config set` hints. */
export function readIdentityConfig(
  settings: Pick<StackSettings, "identityType" | "oidcProviderSource"> & {
    serviceAccounts?: Pick<StackSettings["serviceAccounts"][number], "audience">[];
  },
): IdentityConfig {
  if (settings.identityType === "POD_IDENTITY") {
    const clusterName = readClusterName();
    return {
      identityType: "POD_IDENTITY",
      clusterName,
      clusterArn: eks.getClusterOutput({ name: clusterName }).arn,
    };
  }
  const audiences = [...new Set((settings.serviceAccounts ?? []).map((sa) => sa.audience))];
  const primary = readOidcProviderArn(settings.oidcProviderSource, audiences);
  const config = new pulumi.Config();
  const additionalOidcProviderArns = readAdditionalOidcProviderArns(config);
  if (settings.oidcProviderSource === "STACK_CONFIG") {
    // Known now: the additional providers must be in its account (checked again with the trust policy otherwise).
    parseOidcProviderArns([config.require("oidcProviderArn"), ...additionalOidcProviderArns]);
  }
  // The roles trust the additional clusters' tokens too: their providers are checked as the primary one is, after
  // the primary one, and after their account and partition (a provider of another account cannot be looked up, and
  // that error says what to do). The trust policy, built from the primary provider's ARN, waits for every check.
  const oidcProviderArn = primary.apply(async (arn) => {
    parseOidcProviderArns([arn, ...additionalOidcProviderArns]);
    for (const [i, additional] of additionalOidcProviderArns.entries()) {
      await requireOidcProvider(additional, `(config additionalOidcProviderArns[${i}])`, audiences);
    }
    return arn;
  });
  return { identityType: "IRSA", oidcProviderArn, additionalOidcProviderArns };
}
