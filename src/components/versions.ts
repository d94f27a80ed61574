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
  // A real IAM policy evaluation engine: the tests evaluate trust policies against the requests a pod's token or
  // session really makes, and what a role's policies allow (AGPL-3.0, a test-only dependency: nothing of it ships).
  iamSimulate: "@cloud-copilot/iam-simulate@^0.1.173",
} as const;

/** GitHub Actions of the stack's workflows, pinned to a major version. */
export const STACK_GITHUB_ACTIONS = {
  pulumi: "pulumi/actions@v7",
} as const;
