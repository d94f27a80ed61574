import { dirname } from "path";

/**
 * The files of this stack that are rendered from its options and that tests read besides src/settings.ts. They are
 * located by module resolution, as the settings are, so that eks-irsa-template's own tests can run these tests
 * against the files of other stacks (with a jest resolver).
 */

/** README.md: its access matrix and diagram, which test/readme-access.test.ts and test/readme-diagram.test.ts check. */
export const README_FILE = require.resolve("../README.md");

/** The documents of the AWS managed policies the stack references, which test/access.ts evaluates. */
export const AWS_MANAGED_POLICIES_FILE = require.resolve("../src/aws-managed-policies.json");

/** The stack's folder: its Pulumi.yaml and Pulumi.<stack>.yaml files, which test/stack-config.test.ts checks. */
export const STACK_DIR = dirname(README_FILE);
