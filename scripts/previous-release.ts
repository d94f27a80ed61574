/**
 * `npx projen previous-release <release>`: after publishing a release, records what its library registers as the
 * previous release's resources (test/previous-release/resource-identities.json), for each variant of options
 * there, as stacks `dev` (the first) and `prod` (another: derived role names differ per stack). From then on
 * test/previous-release/upgrade-keeps-resources.test.ts holds the next release to them. Commit the file.
 */
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { programSettings } from "../src/components/stack-library";
import type { EksIrsaProjectOptions } from "../src/options/eks-irsa-project-options";
import { validatedSettings } from "../src/options/validation";
import type { StackSettings } from "../stack/src/settings-types";
import type { Registration } from "../stack/test/pulumi-mocks";
import { stackRecord, type StackRecord } from "../stack/test/resource-identities";

/**
 * The stack library's runner of the identities under the test mocks. It loads the program's modules with import(),
 * which the stack compiles as CommonJS and this repository's compiler options (node16) refuse: loaded untyped here,
 * type-checked in stack/ with a stack's own options.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const { registeredAs } = require("../stack/test/declare-identities") as {
  registeredAs(stack: string, stackSettings?: Partial<StackSettings>): Promise<Registration[]>;
};

export const PREVIOUS_RELEASE_FILE = join(__dirname, "..", "test", "previous-release", "resource-identities.json");

/** The stacks each variant is recorded as. */
export const RECORDED_STACKS = ["dev", "prod"] as const;

/** The options a stack is scaffolded with (`projen new --from eks-irsa-template` in a folder `orders-stack`). */
export const SCAFFOLD_OPTIONS = { name: "orders-stack", defaultReleaseBranch: "main" } as const;

export interface PreviousRelease {
  "//": string;
  /** The release (or commit) the stacks were recorded from. */
  release: string;
  /** By variant: options over SCAFFOLD_OPTIONS, and what the program registers for them, by stack. */
  variants: Record<string, { options: Partial<EksIrsaProjectOptions>; stacks: Record<string, StackRecord> }>;
}

export function readPreviousRelease(file = PREVIOUS_RELEASE_FILE): PreviousRelease {
  return JSON.parse(readFileSync(file, "utf-8"));
}

/**
 * What stacks of the committed pre-release tarball (74dc8e7) deploy, which test/e2e/upgrade.test.ts scaffolds and
 * upgrades: kept apart from PREVIOUS_RELEASE_FILE, which moves on with every release.
 */
export const PRE_RELEASE_RECORD = join(
  __dirname,
  "..",
  "test",
  "previous-release",
  "eks-irsa-template-74dc8e7.resource-identities.json",
);

/** The settings this package's program gets from a stack's options, as `src/settings.ts` holds them. */
export function stackSettingsFor(options: Partial<EksIrsaProjectOptions>): StackSettings {
  return programSettings(validatedSettings({ ...SCAFFOLD_OPTIONS, ...options })) as StackSettings;
}

async function main(): Promise<void> {
  const release = process.argv[2];
  if (!release) throw new Error("Usage: npx projen previous-release <the version just released, e.g. 0.2.0>");
  const previous = readPreviousRelease();
  for (const variant of Object.values(previous.variants)) {
    const settings = stackSettingsFor(variant.options);
    variant.stacks = {};
    for (const stack of RECORDED_STACKS) {
      variant.stacks[stack] = stackRecord(await registeredAs(stack, settings), stack);
    }
  }
  writeFileSync(PREVIOUS_RELEASE_FILE, `${JSON.stringify({ ...previous, release }, null, 2)}\n`);
  console.log(`${PREVIOUS_RELEASE_FILE}: the resources of ${release} recorded. Commit it.`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
