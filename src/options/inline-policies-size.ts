import { readFileSync } from "fs";
import { join } from "path";
import { AddonPolicy } from "./addon-policy";
import { ADDON_POLICY_RULES, addonDocumentsOf, type AddonScopeOption } from "./addon-policy-rules";
import { identityPartsOf } from "./identity-parts";
import type { ServiceAccountSettings } from "./stack-settings";

/**
 * IAM's quota "Role policy size": the inline policies of one role together hold at most 10,240 characters, whitespace
 * not counted (IAM User Guide, "IAM and AWS STS quotas").
 */
export const INLINE_POLICIES_QUOTA = 10_240;

/** The stack library's copies of the add-ons' published documents (stack/src/addon-policies/). */
const ADDON_DOCUMENTS_DIR = join(__dirname, "..", "..", "stack", "src", "addon-policies");

/** The published documents each add-on's inline policy is made of (stack/src/addon-policies.ts scopes them). */
export const ADDON_DOCUMENT_FILES: Partial<Record<AddonPolicy, string[]>> = {
  [AddonPolicy.AWS_LOAD_BALANCER_CONTROLLER]: ["aws-load-balancer-controller.json"],
  [AddonPolicy.EXTERNAL_DNS]: ["external-dns.json"],
  [AddonPolicy.CERT_MANAGER]: ["cert-manager.json"],
  [AddonPolicy.CLUSTER_AUTOSCALER]: ["cluster-autoscaler.json"],
  [AddonPolicy.KARPENTER_CONTROLLER]: ["karpenter-controller.json", "karpenter-interruption-queue.json"],
  [AddonPolicy.EBS_CSI_DRIVER]: ["ebs-csi-driver-kms.json"],
  [AddonPolicy.FSX_LUSTRE_CSI_DRIVER]: ["fsx-lustre-csi-driver.json"],
  [AddonPolicy.MOUNTPOINT_S3_CSI_DRIVER]: ["mountpoint-s3-csi-driver.json"],
  [AddonPolicy.EXTERNAL_SECRETS]: ["external-secrets-secrets-manager.json", "external-secrets-parameter-store.json"],
  [AddonPolicy.VELERO]: ["velero.json"],
  [AddonPolicy.NODE_TERMINATION_HANDLER]: ["node-termination-handler.json"],
};

/** `{"Version":"2012-10-17","Statement":[...]}` around the statements. */
const DOCUMENT_ENVELOPE = JSON.stringify({ Version: "2012-10-17", Statement: [] }).length;

interface PublishedText {
  /** Minified, as IAM counts it. */
  readonly length: number;
  /** The resources of each statement. */
  readonly resources: string[][];
  /** How often the text names the cluster (Karpenter's `${CLUSTER_NAME}`). */
  readonly clusterNames: number;
}

const published = new Map<string, PublishedText>();
function publishedText(file: string): PublishedText {
  let text = published.get(file);
  if (!text) {
    const content = JSON.parse(readFileSync(join(ADDON_DOCUMENTS_DIR, file), "utf-8"));
    const minified = JSON.stringify(content);
    const statements: { Resource?: string | string[] }[] = content.Statement ? [content.Statement].flat() : [content];
    text = {
      length: minified.length,
      resources: statements.map((s) => [s.Resource ?? []].flat()),
      clusterNames: minified.split("${CLUSTER_NAME}").length - 1,
    };
    published.set(file, text);
  }
  return text;
}

/** `"<value>",` in a resource list; a bucket's statements name the bucket or its objects, `"<value>/*",`. */
const listedLength = (option: AddonScopeOption, value: string): number =>
  value.length + 3 + (option === "s3BucketArns" ? 2 : 0);
/** The condition the cluster autoscaler's scaling statement gets, without the cluster name. */
const CLUSTER_CONDITION = JSON.stringify({
  Condition: { StringEquals: { "aws:ResourceTag/k8s.io/cluster-autoscaler/": "owned" } },
}).length;

/**
 * An upper bound of the add-on's inline policy as the stack scopes it: the published statements, plus each scoping
 * value in every statement that names a resource of its service (a value replaces an example resource there), or in
 * one statement of its own; the cluster name wherever the text names it, or in one condition.
 * test/options/inline-policies-size.test.ts checks it against what the stack's own code sends IAM.
 */
export function estimateAddonDocumentLength(addon: AddonPolicy, scope: ServiceAccountSettings["addonScope"]): number {
  const texts = (ADDON_DOCUMENT_FILES[addon] ?? []).map(publishedText);
  const resources = texts.flatMap((t) => t.resources);
  let length = DOCUMENT_ENVELOPE + texts.reduce((sum, t) => sum + t.length + 1, 0);
  const { required, optional } = ADDON_POLICY_RULES[addon];
  for (const option of [...required, ...optional]) {
    const value: string | string[] | undefined = scope?.[option];
    if (value === undefined) continue;
    if (typeof value === "string" && option === "addonClusterName") {
      const clusterNames = texts.reduce((sum, t) => sum + t.clusterNames, 0);
      length += clusterNames > 0 ? clusterNames * value.length : CLUSTER_CONDITION + value.length;
      continue;
    }
    for (const item of [value].flat()) {
      const service = item.split(":")[2];
      const naming = resources.filter((r) => r.some((arn) => new RegExp(`^arn:[^:]+:${service}:`).test(arn))).length;
      // A statement of its own: {"Effect":"Allow","Action":[...],"Resource":[...]}, its actions already counted.
      length += Math.max(naming, 1) * listedLength(option, item) + (naming === 0 ? 100 : 0);
    }
  }
  return length;
}

/** The entry's own inline policy, minified as the stack sends it (stack/src/inline-policy.ts). */
function workloadPolicyLength(sa: ServiceAccountSettings): number {
  if (sa.policyStatements.length === 0) return 0;
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: sa.policyStatements.map((s) => ({
      Effect: s.effect,
      Action: s.actions,
      Resource: s.resources,
      Sid: s.sid,
      Condition: s.conditions?.length ? conditionBlock(s.conditions) : undefined,
    })),
  }).length;
}

/** Conditions grouped by operator, as the stack groups them. */
function conditionBlock(conditions: { test: string; variable: string; values: string[] }[]) {
  const block: Record<string, Record<string, string[]>> = {};
  for (const c of conditions) block[c.test] = { ...block[c.test], [c.variable]: c.values };
  return block;
}

/** The inline policies of the entry's role and the characters of each (an add-on's from above); none for an existing role. */
export function inlinePolicyLengths(sa: ServiceAccountSettings): { policy: string; length: number }[] {
  if (sa.existingRoleArn !== undefined) return [];
  const lengths = [{ policy: "policyStatements", length: workloadPolicyLength(sa) }];
  for (const addon of addonDocumentsOf(sa)) {
    lengths.push({ policy: addon, length: estimateAddonDocumentLength(addon, sa.addonScope) });
  }
  if (sa.targetRoleArn !== undefined && identityPartsOf(sa).associates) {
    const statement = { Effect: "Allow", Action: ["sts:AssumeRole", "sts:TagSession"], Resource: sa.targetRoleArn };
    lengths.push({
      policy: "targetRoleArn",
      length: JSON.stringify({ Version: "2012-10-17", Statement: [statement] }).length,
    });
  }
  return lengths.filter((l) => l.length > 0);
}
