/**
 * stack/ holds the generated stack's library as real source. A few of a stack's files depend on
 * the options instead; stack/ keeps what a default stack renders for them, so that the library
 * type-checks and its tests run here. `npx projen stack:fixture` rewrites them;
 * test/components/stack-library.test.ts fails when they are stale.
 */
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { Testing } from "projen";
import { EksIrsaProject } from "../src";

export const STACK_DIR = join(__dirname, "..", "stack");

/** A default stack's option-dependent files, by their path in stack/. */
export function stackFixtureFiles(): Record<string, string> {
  const outdir = mkdtempSync(join(tmpdir(), "eks-irsa-fixture-"));
  try {
    const files = Testing.synth(new EksIrsaProject({ name: "orders-stack", defaultReleaseBranch: "main", outdir }));
    // The stack compiles src/ with tsconfig.json and type-checks test/ with the same options.
    const { outDir: _outDir, rootDir: _rootDir, ...compilerOptions } = files["tsconfig.json"].compilerOptions;
    return {
      "src/settings.ts": files["src/settings.ts"],
      // The documents of the AWS managed policies a default stack references, which test/access.ts reads.
      "src/aws-managed-policies.json": `${JSON.stringify(files["src/aws-managed-policies.json"], null, 2)}\n`,
      // The stack's README, which test/readme-diagram.test.ts reads.
      "README.md": files["README.md"],
      // The stack's own compiler options, for its sources and tests.
      "tsconfig.json": `${JSON.stringify(
        { compilerOptions: { ...compilerOptions, noEmit: true }, include: ["src/**/*.ts", "test/**/*.ts"] },
        null,
        2,
      )}\n`,
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  for (const [path, content] of Object.entries(stackFixtureFiles())) {
    writeFileSync(join(STACK_DIR, path), content);
  }
}
