/**
 * What each add-on's policy allows, evaluated by a real IAM policy engine: the actions the add-on's docs say it
 * needs are allowed on the resources it is scoped to, and denied elsewhere.
 */
import { runSimulation } from "@cloud-copilot/iam-simulate";
import { declareIdentities, serviceAccountSettings } from "./declare-identities";
import { ACCOUNT_ID, OIDC_PROVIDER_ARN, promiseOf, registrationOf } from "./pulumi-mocks";
import {
  ADDON_POLICIES,
  addonManagedPolicyArns,
  addonNeedsRegion,
  addonPolicyDocument,
  fillAddonTokens,
} from "../src/addon-policies";
import { PUBLISHED_DOCUMENTS } from "../src/addon-policy-sources";
import type { AddonPolicyName, AddonScopeSettings, ServiceAccountSettings } from "../src/settings-types";
import type { PolicyDocument, PolicyStatement } from "../src/trust-policy";

const REGION = "eu-west-1";
const ZONE = "arn:aws:route53:::hostedzone/Z0123456789ORDERS";
const OTHER_ZONE = "arn:aws:route53:::hostedzone/Z9876543210OTHER";
const BUCKET = "orders-data";
const QUEUE = `arn:aws:sqs:${REGION}:${ACCOUNT_ID}:orders-nth`;
const INTERRUPTION_QUEUE = `arn:aws:sqs:${REGION}:${ACCOUNT_ID}:karpenter-orders`;
const KEY = `arn:aws:kms:${REGION}:${ACCOUNT_ID}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

/** One stack's scope for every add-on, with tokens as a user writes them. */
const SCOPE: AddonScopeSettings = {
  addonClusterName: "orders",
  route53HostedZoneArns: [ZONE.replace("arn:aws:", "arn:${partition}:")],
  s3BucketArns: [`arn:\${partition}:s3:::${BUCKET}`],
  kmsKeyArns: [KEY],
  secretsManagerSecretArns: ["arn:${partition}:secretsmanager:*:${accountId}:secret:orders/*"],
  ssmParameterArns: ["arn:${partition}:ssm:*:${accountId}:parameter/orders/*"],
  sqsQueueArns: [QUEUE],
  karpenterInterruptionQueueArn: INTERRUPTION_QUEUE.replace("arn:aws:", "arn:${partition}:"),
};

type Context = Record<string, string | string[]>;
/** A request: action, resource ARN, and the request's context keys (tags, for example). */
type Request = [action: string, resource: string, context?: Context];

interface AddonAccess {
  allowed: Request[];
  denied: Request[];
}

const asg = (name: string) =>
  `arn:aws:autoscaling:${REGION}:${ACCOUNT_ID}:autoScalingGroup:0a1b2c3d-0000-1111-2222-333344445555:autoScalingGroupName/${name}`;
const secret = (name: string) => `arn:aws:secretsmanager:${REGION}:${ACCOUNT_ID}:secret:${name}-AbCdEf`;
const parameter = (name: string) => `arn:aws:ssm:${REGION}:${ACCOUNT_ID}:parameter/${name}`;
const loadBalancer = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT_ID}:loadbalancer/app/k8s-shop-web/50dc6c495c0c9188`;
const clusterTag = { "aws:RequestTag/elbv2.k8s.aws/cluster": "orders" };

/** Per add-on with a document, from its docs: what it must be able to do, and what it must not. */
const ACCESS: Partial<Record<AddonPolicyName, AddonAccess>> = {
  AWS_LOAD_BALANCER_CONTROLLER: {
    allowed: [
      ["elasticloadbalancing:DescribeLoadBalancers", "*"],
      ["elasticloadbalancing:CreateLoadBalancer", loadBalancer, clusterTag],
      ["elasticloadbalancing:DeleteLoadBalancer", loadBalancer, { "aws:ResourceTag/elbv2.k8s.aws/cluster": "orders" }],
      ["ec2:DescribeSubnets", "*"],
    ],
    denied: [
      // Load balancers the controller did not create (untagged) are left alone.
      ["elasticloadbalancing:CreateLoadBalancer", loadBalancer],
      ["elasticloadbalancing:DeleteLoadBalancer", loadBalancer],
    ],
  },
  EXTERNAL_DNS: {
    allowed: [
      ["route53:ChangeResourceRecordSets", ZONE],
      ["route53:ListResourceRecordSets", ZONE],
      ["route53:ListHostedZones", "*"],
    ],
    denied: [
      ["route53:ChangeResourceRecordSets", OTHER_ZONE],
      ["route53:ListResourceRecordSets", OTHER_ZONE],
    ],
  },
  CERT_MANAGER: {
    allowed: [
      ["route53:ChangeResourceRecordSets", ZONE, { "route53:ChangeResourceRecordSetsRecordTypes": ["TXT"] }],
      ["route53:GetChange", "arn:aws:route53:::change/C2682N5HXP0BZ4"],
      ["route53:ListHostedZonesByName", "*"],
    ],
    denied: [
      ["route53:ChangeResourceRecordSets", OTHER_ZONE, { "route53:ChangeResourceRecordSetsRecordTypes": ["TXT"] }],
      // DNS-01 needs TXT records only.
      ["route53:ChangeResourceRecordSets", ZONE, { "route53:ChangeResourceRecordSetsRecordTypes": ["A"] }],
    ],
  },
  CLUSTER_AUTOSCALER: {
    allowed: [
      ["autoscaling:DescribeAutoScalingGroups", "*"],
      [
        "autoscaling:SetDesiredCapacity",
        asg("orders-ng"),
        { "aws:ResourceTag/k8s.io/cluster-autoscaler/orders": "owned" },
      ],
      [
        "autoscaling:TerminateInstanceInAutoScalingGroup",
        asg("orders-ng"),
        { "aws:ResourceTag/k8s.io/cluster-autoscaler/orders": "owned" },
      ],
    ],
    denied: [
      [
        "autoscaling:SetDesiredCapacity",
        asg("billing-ng"),
        { "aws:ResourceTag/k8s.io/cluster-autoscaler/billing": "owned" },
      ],
      ["autoscaling:TerminateInstanceInAutoScalingGroup", asg("untagged")],
    ],
  },
  KARPENTER_CONTROLLER: {
    allowed: [
      ["ec2:CreateFleet", `arn:aws:ec2:${REGION}:${ACCOUNT_ID}:fleet/fleet-1234`],
      ["iam:PassRole", `arn:aws:iam::${ACCOUNT_ID}:role/KarpenterNodeRole-orders`],
      ["eks:DescribeCluster", `arn:aws:eks:${REGION}:${ACCOUNT_ID}:cluster/orders`],
      [
        "ec2:TerminateInstances",
        `arn:aws:ec2:${REGION}:${ACCOUNT_ID}:instance/i-0123456789abcdef0`,
        { "ec2:ResourceTag/karpenter.sh/nodepool": "default" },
      ],
      // Interruption handling (Karpenter's getting-started CloudFormation, InterruptionPolicy).
      ["sqs:ReceiveMessage", INTERRUPTION_QUEUE],
      ["sqs:DeleteMessage", INTERRUPTION_QUEUE],
      ["sqs:GetQueueUrl", INTERRUPTION_QUEUE],
    ],
    denied: [
      ["sqs:ReceiveMessage", QUEUE],
      ["sqs:SendMessage", INTERRUPTION_QUEUE],
      ["iam:PassRole", `arn:aws:iam::${ACCOUNT_ID}:role/admin`],
      ["eks:DescribeCluster", `arn:aws:eks:${REGION}:${ACCOUNT_ID}:cluster/billing`],
      // Instances Karpenter did not launch.
      ["ec2:TerminateInstances", `arn:aws:ec2:${REGION}:${ACCOUNT_ID}:instance/i-0123456789abcdef0`],
    ],
  },
  EBS_CSI_DRIVER: {
    allowed: [
      ["kms:CreateGrant", KEY, { "kms:GrantIsForAWSResource": "true" }],
      ["kms:Decrypt", KEY],
      ["kms:GenerateDataKeyWithoutPlaintext", KEY],
    ],
    denied: [
      ["kms:Decrypt", `arn:aws:kms:${REGION}:${ACCOUNT_ID}:key/ffffffff-0000-0000-0000-000000000000`],
      ["kms:ScheduleKeyDeletion", KEY],
    ],
  },
  FSX_LUSTRE_CSI_DRIVER: {
    allowed: [
      ["fsx:CreateFileSystem", `arn:aws:fsx:${REGION}:${ACCOUNT_ID}:file-system/*`],
      ["fsx:DescribeFileSystems", "*"],
      [
        "iam:CreateServiceLinkedRole",
        `arn:aws:iam::${ACCOUNT_ID}:role/aws-service-role/fsx.amazonaws.com/AWSServiceRoleForAmazonFSx`,
        { "iam:AWSServiceName": "fsx.amazonaws.com" },
      ],
    ],
    denied: [
      [
        "iam:CreateServiceLinkedRole",
        `arn:aws:iam::${ACCOUNT_ID}:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS`,
        { "iam:AWSServiceName": "ecs.amazonaws.com" },
      ],
      ["iam:AttachRolePolicy", `arn:aws:iam::${ACCOUNT_ID}:role/admin`],
    ],
  },
  MOUNTPOINT_S3_CSI_DRIVER: {
    allowed: [
      ["s3:ListBucket", `arn:aws:s3:::${BUCKET}`],
      ["s3:GetObject", `arn:aws:s3:::${BUCKET}/reports/2024.csv`],
      ["s3:PutObject", `arn:aws:s3:::${BUCKET}/reports/2025.csv`],
    ],
    denied: [
      ["s3:ListBucket", "arn:aws:s3:::other-bucket"],
      ["s3:GetObject", "arn:aws:s3:::other-bucket/reports/2024.csv"],
    ],
  },
  EXTERNAL_SECRETS: {
    allowed: [
      ["secretsmanager:GetSecretValue", secret("orders/db")],
      ["secretsmanager:DescribeSecret", secret("orders/db")],
      ["ssm:GetParameter", parameter("orders/api-key")],
      ["secretsmanager:ListSecrets", "*"],
    ],
    denied: [
      ["secretsmanager:GetSecretValue", secret("billing/db")],
      ["ssm:GetParameter", parameter("billing/api-key")],
      ["secretsmanager:PutSecretValue", secret("orders/db")],
    ],
  },
  VELERO: {
    allowed: [
      ["s3:PutObject", `arn:aws:s3:::${BUCKET}/backups/nightly/velero-backup.json`],
      ["s3:ListBucket", `arn:aws:s3:::${BUCKET}`],
      ["ec2:CreateSnapshot", `arn:aws:ec2:${REGION}:${ACCOUNT_ID}:volume/vol-0123456789abcdef0`],
    ],
    denied: [
      ["s3:PutObject", "arn:aws:s3:::other-bucket/backups/nightly/velero-backup.json"],
      ["s3:ListBucket", "arn:aws:s3:::other-bucket"],
    ],
  },
  NODE_TERMINATION_HANDLER: {
    allowed: [
      ["sqs:ReceiveMessage", QUEUE],
      ["sqs:DeleteMessage", QUEUE],
      ["autoscaling:CompleteLifecycleAction", asg("orders-ng")],
      ["ec2:DescribeInstances", "*"],
    ],
    denied: [
      ["sqs:ReceiveMessage", `arn:aws:sqs:${REGION}:${ACCOUNT_ID}:billing-queue`],
      ["sqs:DeleteMessage", `arn:aws:sqs:${REGION}:${ACCOUNT_ID}:billing-queue`],
    ],
  },
};

/**
 * KMS honours IAM policies only where the key policy lets it: this is the default key policy, which does
 * (https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html).
 */
const DEFAULT_KEY_POLICY = {
  Version: "2012-10-17",
  Statement: [
    { Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT_ID}:root` }, Action: "kms:*", Resource: "*" },
  ],
};

async function decide(policy: PolicyDocument, [action, resource, context = {}]: Request): Promise<string> {
  const response = await runSimulation(
    {
      identityPolicies: [{ name: "addon", policy }],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      resourcePolicy: action.startsWith("kms:") ? DEFAULT_KEY_POLICY : undefined,
      request: {
        action,
        principal: `arn:aws:iam::${ACCOUNT_ID}:role/addon`,
        resource: { accountId: ACCOUNT_ID, resource },
        contextVariables: context,
      },
    },
    {},
  );
  if (response.resultType === "error") throw new Error(`${action} on ${resource}: ${JSON.stringify(response.errors)}`);
  return response.overallResult;
}

const documentOf = (addon: AddonPolicyName): PolicyDocument => {
  const document = addonPolicyDocument(addon, SCOPE);
  if (!document) throw new Error(`${addon} has no document`);
  return fillAddonTokens(document, { partition: "aws", accountId: ACCOUNT_ID, region: REGION });
};

describe.each(Object.entries(ACCESS))("%s", (addon, access) => {
  // Built in a hook, not while jest collects the tests: a document that cannot be built fails this add-on's tests.
  let document: PolicyDocument;
  beforeAll(() => {
    document = documentOf(addon as AddonPolicyName);
  });

  test("has at least three allowed actions and two denied requests to check", () => {
    expect(new Set(access.allowed.map(([action]) => action)).size).toBeGreaterThanOrEqual(3);
    expect(access.denied.length).toBeGreaterThanOrEqual(2);
  });

  test.each(access.allowed)("allows %s on %s", async (...request) => {
    expect(await decide(document, request)).toBe("Allowed");
  });

  test.each(access.denied)("denies %s on %s", async (...request) => {
    expect(await decide(document, request)).not.toBe("Allowed");
  });

  test("fits IAM's inline policy quota (10,240 characters without whitespace)", () => {
    expect(JSON.stringify(document).length).toBeLessThanOrEqual(10240);
  });
});

test("KARPENTER_CONTROLLER without karpenterInterruptionQueueArn gets no SQS permission at all", async () => {
  const { karpenterInterruptionQueueArn: _queue, ...scope } = SCOPE;
  const document = fillAddonTokens(addonPolicyDocument("KARPENTER_CONTROLLER", scope)!, {
    partition: "aws",
    accountId: ACCOUNT_ID,
    region: REGION,
  });
  expect(JSON.stringify(document)).not.toContain("sqs:");
  expect(await decide(document, ["sqs:ReceiveMessage", INTERRUPTION_QUEUE])).not.toBe("Allowed");
});

test("EXTERNAL_SECRETS scoped to one store gets nothing of the other", async () => {
  const onlyParameters = fillAddonTokens(
    addonPolicyDocument("EXTERNAL_SECRETS", { ssmParameterArns: SCOPE.ssmParameterArns })!,
    {
      partition: "aws",
      accountId: ACCOUNT_ID,
    },
  );
  expect(JSON.stringify(onlyParameters)).not.toContain("secretsmanager:");
  expect(await decide(onlyParameters, ["ssm:GetParameter", parameter("orders/api-key")])).toBe("Allowed");
  const onlySecrets = fillAddonTokens(
    addonPolicyDocument("EXTERNAL_SECRETS", { secretsManagerSecretArns: SCOPE.secretsManagerSecretArns })!,
    { partition: "aws", accountId: ACCOUNT_ID },
  );
  expect(JSON.stringify(onlySecrets)).not.toContain("ssm:");
  expect(await decide(onlySecrets, ["secretsmanager:GetSecretValue", secret("orders/db")])).toBe("Allowed");
});

test("only KARPENTER_CONTROLLER's document names the region, and it cannot be filled in without one", () => {
  const addons = Object.keys(ADDON_POLICIES) as AddonPolicyName[];
  expect(addons.filter(addonNeedsRegion)).toEqual(["KARPENTER_CONTROLLER"]);
  const karpenter = addonPolicyDocument("KARPENTER_CONTROLLER", SCOPE)!;
  expect(() => fillAddonTokens(karpenter, { partition: "aws", accountId: ACCOUNT_ID })).toThrow(
    "The add-on policy names the region, which is unknown.",
  );
});

/** The add-ons whose policy has a document of its own (the others only attach AWS managed policies). */
const DOCUMENTED = (Object.keys(ADDON_POLICIES) as AddonPolicyName[]).filter((a) => ADDON_POLICIES[a].statements);

test.each(DOCUMENTED)("%s: partition-neutral, every ARN of its document in the stack's partition", (addon) => {
  const document = addonPolicyDocument(addon, SCOPE)!;
  const china = fillAddonTokens(document, { partition: "aws-cn", accountId: ACCOUNT_ID, region: "cn-north-1" });
  const resources = china.Statement.flatMap((s) => [s.Resource ?? []].flat());
  expect(resources.length).toBeGreaterThan(0);
  expect(resources.filter((r) => r !== "*" && !r.startsWith("arn:aws-cn:"))).toEqual([]);
});

test("an add-on's statements asked for without their scope fail, naming the option", () => {
  const externalDns = ADDON_POLICIES.EXTERNAL_DNS.statements!;
  expect(() => externalDns({})).toThrow("route53HostedZoneArns is required.");
  expect(() => externalDns({ route53HostedZoneArns: [] })).toThrow("route53HostedZoneArns is required.");
});

test("NODE_TERMINATION_HANDLER: the SQS actions move to a statement on the queue, the rest stays as published", () => {
  const [statement] = (PUBLISHED_DOCUMENTS.nodeTerminationHandler.content as { Statement: PolicyStatement[] })
    .Statement;
  expect(addonPolicyDocument("NODE_TERMINATION_HANDLER", { sqsQueueArns: [QUEUE] })!.Statement).toEqual([
    { ...statement, Action: [statement.Action].flat().filter((a) => !a.startsWith("sqs:")) },
    // Partition-neutral, like every ARN of an add-on document.
    {
      Effect: "Allow",
      Action: ["sqs:DeleteMessage", "sqs:ReceiveMessage"],
      Resource: [QUEUE.replace("arn:aws:", "arn:${partition}:")],
    },
  ]);
});

/**
 * The published documents are refreshed from their sources (addon-policy-sources.ts): one that no longer has what its
 * scoping replaces or constrains must fail loudly, not grant the published example or "*".
 */
describe("a refreshed published document", () => {
  type DocumentKey = keyof typeof PUBLISHED_DOCUMENTS;
  /** Runs `check` with the stored document of `key` edited by replacing `from` with `to` in its text. */
  function withEdited(key: DocumentKey, from: string, to: string, check: () => void): void {
    const source = PUBLISHED_DOCUMENTS[key] as { content: unknown };
    const stored = source.content;
    const text = JSON.stringify(stored);
    expect(text).toContain(from);
    source.content = JSON.parse(text.split(from).join(to));
    try {
      check();
    } finally {
      source.content = stored;
    }
  }

  test.each<[AddonPolicyName, DocumentKey, string, string, string]>([
    [
      "EXTERNAL_DNS",
      "externalDns",
      "arn:aws:route53:::hostedzone/*",
      "arn:aws:route53:::hostedzone/Z1",
      "The published policy has no resource arn:aws:route53:::hostedzone/* to scope.",
    ],
    [
      "CLUSTER_AUTOSCALER",
      "clusterAutoscaler",
      '"autoscaling:SetDesiredCapacity"',
      '"autoscaling:SetDesired*"',
      "The published policy does not grant autoscaling:SetDesiredCapacity.",
    ],
    [
      "NODE_TERMINATION_HANDLER",
      "nodeTerminationHandler",
      '"sqs:DeleteMessage"',
      '"sqs:DeleteMessageBatch"',
      "The published policy does not grant sqs:DeleteMessage, sqs:ReceiveMessage together.",
    ],
    [
      "KARPENTER_CONTROLLER",
      "karpenterController",
      "${CLUSTER_NAME}",
      "orders",
      "The published policy has no placeholder ${CLUSTER_NAME}.",
    ],
  ])("%s: without what its scoping relies on, it fails, naming it", (addon, key, from, to, message) => {
    withEdited(key, from, to, () => expect(() => addonPolicyDocument(addon, SCOPE)).toThrow(message));
  });

  test("keeps the other resources of a statement it scopes", () => {
    const zones = '"arn:aws:route53:::hostedzone/*"';
    withEdited("externalDns", zones, `${zones},"arn:aws:route53:::healthcheck/*"`, () => {
      const [statement] = addonPolicyDocument("EXTERNAL_DNS", SCOPE)!.Statement;
      expect(statement.Resource).toEqual([...SCOPE.route53HostedZoneArns!, "arn:${partition}:route53:::healthcheck/*"]);
    });
  });
});

describe("add-on policies with a document attach no managed policy but EBS_CSI_DRIVER's", () => {
  test.each(DOCUMENTED.filter((addon) => addon !== "EBS_CSI_DRIVER"))("%s", (addon) => {
    // toStrictEqual: toEqual takes [undefined] for [].
    expect(addonManagedPolicyArns(addon)).toStrictEqual([]);
  });
});

describe("add-on policies without a document attach the AWS managed policies their docs name", () => {
  test.each([
    ["EBS_CSI_DRIVER", ["AmazonEBSCSIDriverPolicyV2"]],
    ["EFS_CSI_DRIVER", ["service-role/AmazonEFSCSIDriverPolicy"]],
    ["VPC_CNI", ["AmazonEKS_CNI_Policy"]],
    ["CLOUDWATCH_OBSERVABILITY", ["CloudWatchAgentServerPolicy", "AWSXrayWriteOnlyAccess"]],
    ["AMAZON_MANAGED_PROMETHEUS", ["AmazonPrometheusRemoteWriteAccess"]],
  ] as const)("%s: %j", (addon, names) => {
    expect(addonManagedPolicyArns(addon)).toEqual(names.map((name) => `arn:\${partition}:iam::aws:policy/${name}`));
    expect(addonPolicyDocument(addon, {})).toBeUndefined();
  });
});

describe("a service account with add-on policies (Pulumi mocks)", () => {
  const addons: AddonPolicyName[] = ["EXTERNAL_DNS", "KARPENTER_CONTROLLER", "CLOUDWATCH_OBSERVABILITY"];
  const entry: ServiceAccountSettings = serviceAccountSettings({
    name: "platform",
    namespace: "kube-system",
    identityType: "IRSA",
    roleName: "orders-platform",
    managedPolicyArns: ["arn:${partition}:iam::aws:policy/CloudWatchAgentServerPolicy"],
    addonPolicies: addons,
    addonScope: { addonClusterName: "orders", route53HostedZoneArns: SCOPE.route53HostedZoneArns },
  });

  const declare = (serviceAccounts: ServiceAccountSettings[]) =>
    declareIdentities(
      { identityType: "IRSA", oidcProviderSource: "STACK_CONFIG", serviceAccounts },
      { config: { oidcProviderArn: OIDC_PROVIDER_ARN, clusterName: "orders" } },
    );

  test("one inline policy per add-on document, managed policies attached once, all before the credentials", async () => {
    const identity = (await declare([entry]))["kube-system/platform"];
    const policies = await Promise.all(identity.policies.map(registrationOf));
    const inline = policies.filter((p) => p.type === "aws:iam/rolePolicy:RolePolicy");
    expect(inline.map((p) => p.name).sort()).toEqual([
      "kube-system/platform/addon-external-dns",
      "kube-system/platform/addon-karpenter-controller",
    ]);
    const roleName = await promiseOf(identity.role.name);
    for (const p of inline) expect(p.inputs.role).toBe(roleName);
    const externalDns = JSON.parse(inline.find((p) => p.name.endsWith("external-dns"))!.inputs.policy);
    expect(externalDns).toEqual(documentOf("EXTERNAL_DNS"));
    // The region comes from the provider's configuration (aws:index/getRegion).
    const karpenter = inline.find((p) => p.name.endsWith("karpenter-controller"))!.inputs.policy;
    expect(karpenter).toContain(`arn:aws:eks:us-east-1:${ACCOUNT_ID}:cluster/orders`);
    expect(karpenter).not.toMatch(/\$\{/);

    const attachments = policies.filter((p) => p.type === "aws:iam/rolePolicyAttachment:RolePolicyAttachment");
    expect(attachments.map((a) => a.inputs.policyArn).sort()).toEqual([
      "arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess",
      "arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy",
    ]);
    expect(identity.credentialDependencies).toEqual(expect.arrayContaining(identity.policies));
  });

  test("an add-on policy without the scope it needs is refused, naming the option", async () => {
    const unscoped = { ...entry, addonPolicies: ["EXTERNAL_DNS" as const], addonScope: {} };
    await expect(declare([unscoped])).rejects.toThrow("EXTERNAL_DNS needs route53HostedZoneArns");
  });
});
