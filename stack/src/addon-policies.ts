/**
 * The permissions of well-known add-ons: each add-on's published policy (addon-policy-sources.ts), narrowed to the
 * resources of this stack (AddonScopeSettings). Pure: the program attaches what `addonPermissions` returns.
 */
import { MANAGED_POLICIES, type ManagedPolicy, PUBLISHED_DOCUMENTS } from "./addon-policy-sources";
import { type ArnTokenValues, substituteArnTokens } from "./arn-tokens";
import type { AddonPolicyName, AddonScopeSettings } from "./settings-types";
import type { PolicyDocument, PolicyStatement } from "./trust-policy";

/** What the scoping inputs are filled in with at run time. */
export interface AddonContext extends ArnTokenValues {
  /** The stack's AWS region; only KARPENTER_CONTROLLER's policy names it. */
  region?: string;
}

type ScopeOption = keyof AddonScopeSettings;

/** Where the stack's region goes, like `${partition}` and `${accountId}` (arn-tokens.ts). */
const REGION_TOKEN = "${region}";

interface AddonPolicyDefinition {
  /** AWS managed policies, attached as they are. */
  managed: ManagedPolicy[];
  /** Scoping options of which at least one must be set. */
  requires: ScopeOption[];
  /** The published documents' statements, narrowed to the scope; none for managed-only add-ons. */
  statements?: (scope: AddonScopeSettings) => PolicyStatement[];
  /** KARPENTER_CONTROLLER: its policy names the region. */
  needsRegion?: boolean;
}

/** Each add-on's policy: the managed ones AWS documents, else the add-on's published document, scoped. */
export const ADDON_POLICIES: Record<AddonPolicyName, AddonPolicyDefinition> = {
  AWS_LOAD_BALANCER_CONTROLLER: {
    managed: [],
    requires: [],
    // Already scoped by the controller's own tags (elbv2.k8s.aws/cluster); its describe calls need "*".
    statements: () => published(PUBLISHED_DOCUMENTS.awsLoadBalancerController.content),
  },
  EXTERNAL_DNS: {
    managed: [],
    requires: ["route53HostedZoneArns"],
    statements: (scope) =>
      withResource(
        published(PUBLISHED_DOCUMENTS.externalDns.content),
        "arn:aws:route53:::hostedzone/*",
        need(scope, "route53HostedZoneArns"),
      ),
  },
  CERT_MANAGER: {
    managed: [],
    requires: ["route53HostedZoneArns"],
    statements: (scope) =>
      withResource(
        published(PUBLISHED_DOCUMENTS.certManager.content),
        "arn:aws:route53:::hostedzone/*",
        need(scope, "route53HostedZoneArns"),
      ),
  },
  CLUSTER_AUTOSCALER: {
    managed: [],
    requires: ["addonClusterName"],
    // The README asks to restrict the scaling actions by tag; auto-discovery finds the node groups by
    // k8s.io/cluster-autoscaler/<cluster-name>, which EKS managed node groups carry with the value "owned".
    statements: (scope) =>
      withCondition(
        published(PUBLISHED_DOCUMENTS.clusterAutoscaler.content),
        "autoscaling:SetDesiredCapacity",
        "StringEquals",
        { [`aws:ResourceTag/k8s.io/cluster-autoscaler/${need(scope, "addonClusterName")}`]: "owned" },
      ),
  },
  KARPENTER_CONTROLLER: {
    managed: [],
    requires: ["addonClusterName"],
    needsRegion: true,
    statements: (scope) => {
      const clusterName = need(scope, "addonClusterName");
      // The script's shell variables, in keys and values alike.
      const statements = fillPlaceholders(published(PUBLISHED_DOCUMENTS.karpenterController.content), {
        "${AWS_PARTITION}": "${partition}",
        "${AWS_ACCOUNT_ID}": "${accountId}",
        "${AWS_REGION}": REGION_TOKEN,
        "${CLUSTER_NAME}": clusterName,
      });
      const nodeRole = `arn:\${partition}:iam::\${accountId}:role/KarpenterNodeRole-${clusterName}`;
      const queue = scope.karpenterInterruptionQueueArn;
      return [
        ...withResource(statements, nodeRole, scope.karpenterNodeRoleArns ?? [nodeRole]),
        // Interruption handling reads the one queue of the controller's `settings.interruptionQueue`, when it has one.
        ...(queue
          ? withResource(
              published(PUBLISHED_DOCUMENTS.karpenterInterruptionQueue.content),
              "${KarpenterInterruptionQueue.Arn}",
              [queue],
            )
          : []),
      ];
    },
  },
  EBS_CSI_DRIVER: {
    managed: [MANAGED_POLICIES.ebsCsiDriver],
    requires: [],
    // The managed policy has no KMS permissions: the driver's docs add this statement for encrypted volumes.
    statements: (scope) =>
      scope.kmsKeyArns?.length
        ? withResource(
            published(PUBLISHED_DOCUMENTS.ebsCsiDriverKms.content),
            "arn:aws:kms:*:*:key/*",
            scope.kmsKeyArns,
          )
        : [],
  },
  EFS_CSI_DRIVER: { managed: [MANAGED_POLICIES.efsCsiDriver], requires: [] },
  FSX_LUSTRE_CSI_DRIVER: {
    managed: [],
    requires: [],
    statements: () => published(PUBLISHED_DOCUMENTS.fsxLustreCsiDriver.content),
  },
  MOUNTPOINT_S3_CSI_DRIVER: {
    managed: [],
    requires: ["s3BucketArns"],
    statements: (scope) => {
      const buckets = need(scope, "s3BucketArns");
      const statements = published(PUBLISHED_DOCUMENTS.mountpointS3CsiDriver.content);
      const withBuckets = withResource(statements, "arn:aws:s3:::amzn-s3-demo-bucket", buckets);
      return withResource(withBuckets, "arn:aws:s3:::amzn-s3-demo-bucket/*", objectsOf(buckets));
    },
  },
  VPC_CNI: { managed: [MANAGED_POLICIES.vpcCni], requires: [] },
  EXTERNAL_SECRETS: {
    managed: [],
    requires: ["secretsManagerSecretArns", "ssmParameterArns"],
    statements: (scope) => [
      ...(scope.secretsManagerSecretArns?.length
        ? withResource(
            published(PUBLISHED_DOCUMENTS.externalSecretsSecretsManager.content),
            "arn:aws:secretsmanager:us-west-2:111122223333:secret:dev-*",
            scope.secretsManagerSecretArns,
          )
        : []),
      ...(scope.ssmParameterArns?.length
        ? withResource(
            published(PUBLISHED_DOCUMENTS.externalSecretsParameterStore.content),
            "arn:aws:ssm:us-east-2:1234567889911:parameter/dev-*",
            scope.ssmParameterArns,
          )
        : []),
    ],
  },
  VELERO: {
    managed: [],
    requires: ["s3BucketArns"],
    statements: (scope) => {
      const buckets = need(scope, "s3BucketArns");
      const statements = withResource(published(PUBLISHED_DOCUMENTS.velero.content), "arn:aws:s3:::${BUCKET}", buckets);
      return withResource(statements, "arn:aws:s3:::${BUCKET}/*", objectsOf(buckets));
    },
  },
  NODE_TERMINATION_HANDLER: {
    managed: [],
    requires: ["sqsQueueArns"],
    // The README grants the SQS actions on "*"; they only ever touch the queue processor's own queue.
    statements: (scope) =>
      narrowActions(
        published(PUBLISHED_DOCUMENTS.nodeTerminationHandler.content),
        ["sqs:DeleteMessage", "sqs:ReceiveMessage"],
        need(scope, "sqsQueueArns"),
      ),
  },
  CLOUDWATCH_OBSERVABILITY: {
    managed: [MANAGED_POLICIES.cloudWatchAgentServer, MANAGED_POLICIES.xrayWriteOnly],
    requires: [],
  },
  AMAZON_MANAGED_PROMETHEUS: { managed: [MANAGED_POLICIES.prometheusRemoteWrite], requires: [] },
};

/** The AWS managed policies the add-on attaches, as ARNs with `${partition}`. */
export function addonManagedPolicyArns(addon: AddonPolicyName): string[] {
  return ADDON_POLICIES[addon].managed.map((policy) => policy.arn);
}

/**
 * The add-on's inline document, scoped, with the tokens `${partition}`, `${accountId}` and (Karpenter) `${region}`
 * left for `fillAddonTokens`; undefined for an add-on that only attaches managed policies. Throws when the scope
 * lacks what the policy needs.
 */
export function addonPolicyDocument(addon: AddonPolicyName, scope: AddonScopeSettings): PolicyDocument | undefined {
  const definition = ADDON_POLICIES[addon];
  if (definition.requires.length > 0 && definition.requires.every((option) => !scope[option]?.length)) {
    throw new Error(
      `${addon} needs ${definition.requires.join(" or ")} in its service account's settings: the add-on's policy is scoped by it.`,
    );
  }
  const statements = definition.statements?.(scope) ?? [];
  return statements.length > 0 ? { Version: "2012-10-17", Statement: partitionNeutral(statements) } : undefined;
}

/** Whether the add-on's document names the region (so it is looked up only then). */
export function addonNeedsRegion(addon: AddonPolicyName): boolean {
  return ADDON_POLICIES[addon].needsRegion === true;
}

/** Fills in the run-time values of a document from `addonPolicyDocument`. */
export function fillAddonTokens(document: PolicyDocument, context: AddonContext): PolicyDocument {
  let text = substituteArnTokens(JSON.stringify(document), context);
  if (text.includes(REGION_TOKEN)) {
    if (context.region === undefined) throw new Error("The add-on policy names the region, which is unknown.");
    text = text.split(REGION_TOKEN).join(context.region);
  }
  return JSON.parse(text) as PolicyDocument;
}

function need<K extends ScopeOption>(scope: AddonScopeSettings, option: K): NonNullable<AddonScopeSettings[K]> {
  const value = scope[option];
  if (value === undefined || value.length === 0) throw new Error(`${option} is required.`);
  return value as NonNullable<AddonScopeSettings[K]>;
}

const objectsOf = (bucketArns: string[]): string[] => bucketArns.map((arn) => `${arn}/*`);

/** The statements of a published document, or the one published statement; without projen's "//" marker. */
function published(content: unknown): PolicyStatement[] {
  const { "//": _marker, ...rest } = content as Record<string, unknown>;
  const statements = "Statement" in rest ? (rest.Statement as PolicyStatement[]) : [rest as unknown as PolicyStatement];
  return statements.map((statement) => structuredClone(statement));
}

const asList = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** Replaces the published example resource with the scoped ones; fails when the source no longer has it. */
function withResource(statements: PolicyStatement[], example: string, scoped: string[]): PolicyStatement[] {
  if (!statements.some((s) => asList(s.Resource).includes(example))) {
    throw new Error(`The published policy has no resource ${example} to scope.`);
  }
  return statements.map((s) => {
    const resources = asList(s.Resource);
    if (!resources.includes(example)) return s;
    return { ...s, Resource: [...new Set(resources.flatMap((r) => (r === example ? scoped : [r])))] };
  });
}

/** Adds a condition to the statement granting `action`. */
function withCondition(
  statements: PolicyStatement[],
  action: string,
  operator: string,
  condition: Record<string, string>,
): PolicyStatement[] {
  const target = statements.findIndex((s) => asList(s.Action).includes(action));
  if (target < 0) throw new Error(`The published policy does not grant ${action}.`);
  return statements.map((s, i) =>
    i === target
      ? { ...s, Condition: { ...s.Condition, [operator]: { ...s.Condition?.[operator], ...condition } } }
      : s,
  );
}

/** Moves `actions` out of their published statement into one of their own on `resources`. */
function narrowActions(statements: PolicyStatement[], actions: string[], resources: string[]): PolicyStatement[] {
  const target = statements.findIndex((s) => actions.every((a) => asList(s.Action).includes(a)));
  if (target < 0) throw new Error(`The published policy does not grant ${actions.join(", ")} together.`);
  const source = statements[target];
  return [
    ...statements.map((s, i) =>
      i === target ? { ...s, Action: asList(s.Action).filter((a) => !actions.includes(a)) } : s,
    ),
    { Effect: source.Effect, Action: actions, Resource: resources },
  ];
}

/** Replaces the named placeholders in every key and string; fails on one the source no longer has. */
function fillPlaceholders(statements: PolicyStatement[], values: Record<string, string>): PolicyStatement[] {
  let text = JSON.stringify(statements);
  for (const [placeholder, value] of Object.entries(values)) {
    if (!text.includes(placeholder)) throw new Error(`The published policy has no placeholder ${placeholder}.`);
    // JSON.stringify escapes the value as a part of a JSON string.
    text = text.split(placeholder).join(JSON.stringify(value).slice(1, -1));
  }
  return JSON.parse(text) as PolicyStatement[];
}

/** Published documents name the `aws` partition: `arn:aws:` becomes `arn:${partition}:`. */
function partitionNeutral(statements: PolicyStatement[]): PolicyStatement[] {
  return statements.map((s) =>
    s.Resource === undefined
      ? s
      : { ...s, Resource: mapList(s.Resource, (r) => r.replace(/^arn:aws:/, "arn:${partition}:")) },
  );
}

function mapList(value: string | string[], map: (item: string) => string): string | string[] {
  return Array.isArray(value) ? value.map(map) : map(value);
}
