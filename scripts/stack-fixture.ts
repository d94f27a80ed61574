/**
 * stack/ holds the generated stack's library as real source. A few of a stack's files depend on
 * the options instead; stack/ keeps what a default stack renders for them, so that the library
 * type-checks and its tests run here, and test/stack-variants/ what the stacks of scripts/stack-variants.ts
 * render, for the tests that read them (a jest project per variant). `npx projen stack:fixture` rewrites them;
 * test/components/stack-library.test.ts fails when they are stale.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { dirname, join, relative } from "path";
import { Testing } from "projen";
import { STACK_VARIANTS, STACK_VARIANTS_DIR, type StackVariantOptions } from "./stack-variants";
import { EksIrsaProject } from "../src";

export const STACK_DIR = join(__dirname, "..", "stack");

/** What a stack of these options renders, by path in the stack. */
function synthStack(options: StackVariantOptions): Record<string, any> {
  const outdir = mkdtempSync(join(tmpdir(), "eks-irsa-fixture-"));
  try {
    return Testing.synth(
      new EksIrsaProject({ name: "orders-stack", defaultReleaseBranch: "main", ...options, outdir }),
    );
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** The option-dependent files the stack's tests read: its settings, the managed policy documents, its README. */
function optionDependentFiles(files: Record<string, any>): Record<string, string> {
  return {
    "src/settings.ts": files["src/settings.ts"],
    // The documents of the AWS managed policies the stack references, which test/access.ts reads.
    "src/aws-managed-policies.json": `${JSON.stringify(files["src/aws-managed-policies.json"], null, 2)}\n`,
    // The stack's README, which test/readme-diagram.test.ts and test/readme-access.test.ts read.
    "README.md": files["README.md"],
  };
}

/** A default stack's option-dependent files, by their path in stack/. */
export function stackFixtureFiles(): Record<string, string> {
  const files = synthStack({});
  // The stack compiles src/ with tsconfig.json and type-checks test/ with the same options.
  const { outDir: _outDir, rootDir: _rootDir, ...compilerOptions } = files["tsconfig.json"].compilerOptions;
  return {
    ...optionDependentFiles(files),
    // The stack's own compiler options, for its sources and tests.
    "tsconfig.json": `${JSON.stringify(
      { compilerOptions: { ...compilerOptions, noEmit: true }, include: ["src/**/*.ts", "test/**/*.ts"] },
      null,
      2,
    )}\n`,
  };
}

/**
 * A variant's option-dependent files, by their path in test/stack-variants/<variant>/. Its settings import their
 * types from stack/src/, where the library is, so that they type-check where they are.
 */
export function stackVariantFiles(variant: string): Record<string, string> {
  const files = optionDependentFiles(synthStack(STACK_VARIANTS[variant]));
  const types = relative(join(STACK_VARIANTS_DIR, variant, "src"), join(STACK_DIR, "src", "settings-types"));
  return { ...files, "src/settings.ts": files["src/settings.ts"].replace('"./settings-types"', `"${types}"`) };
}

if (require.main === module) {
  const write = (dir: string, files: Record<string, string>) => {
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
  };
  write(STACK_DIR, stackFixtureFiles());
  for (const variant of Object.keys(STACK_VARIANTS)) {
    write(join(STACK_VARIANTS_DIR, variant), stackVariantFiles(variant));
  }
}
