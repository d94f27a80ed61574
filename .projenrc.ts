import { cdk, javascript } from "projen";

const project = new cdk.JsiiProject({
  name: "eks-irsa-template",
  description:
    "A projen project type that scaffolds and keeps in sync Pulumi TypeScript stacks wiring Kubernetes service accounts to IAM roles on Amazon EKS (IRSA and EKS Pod Identity).",
  author: "eks-irsa-template developers",
  authorAddress: "dev@eks-irsa-template.local",
  repositoryUrl: "https://example.com/eks-irsa-template.git",
  defaultReleaseBranch: "main",
  keywords: ["projen", "pulumi", "eks", "irsa", "iam", "kubernetes", "pod-identity"],
  license: "Apache-2.0",

  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  minNodeVersion: "20.0.0",
  // TypeScript 7 has no compiler API (ts-node, jsii): stay on 6.0, which jsii 6 compiles with.
  jsiiVersion: "~6.0.0",
  typescriptVersion: "~6.0.3",

  peerDeps: ["projen@^0.103.25", "constructs@^10.5.0"],
  // handlebars is not a jsii module, so it ships inside our tarball.
  bundledDeps: ["handlebars@^4.7.8"],
  devDeps: ["@types/node@^20", "fast-check@^4", "yaml@^2"],

  jestOptions: {
    // `npx projen test` must be able to fail on a changed snapshot: update them with `npx projen test:update`.
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestConfig: {
      testTimeout: 30_000,
      collectCoverage: false,
      // examples/ import this package by name, as its users do.
      moduleNameMapper: { "^eks-irsa-template$": "<rootDir>/src" },
    },
  },
  // Tests are transpiled by ts-jest without type information; the test task type-checks them first.
  typecheckTests: true,
  tsconfigDev: { compilerOptions: { paths: { "eks-irsa-template": ["../src"] } } },

  // A template repository, not a release pipeline: no GitHub workflows or release automation.
  prettier: true,
  prettierOptions: { settings: { printWidth: 120 } },
  eslintOptions: { dirs: ["src"], devdirs: ["test", "scripts", "bench"] },

  github: false,
  release: false,
  docgen: true,
  sampleCode: false,
});

// Templates ship in the package and are read at synth time relative to lib/.
project.npmignore?.include("/templates/");
// Development-only folders stay out of the package.
for (const folder of ["/scripts/", "/bench/", "/examples/", "/docs/"]) {
  project.npmignore?.exclude(folder);
}

// scripts/ (the scaffold command, shared with the end-to-end tests) and bench/ are type-checked and linted like test/.
for (const folder of ["scripts", "bench"]) {
  new javascript.TypescriptConfig(project, {
    fileName: `${folder}/tsconfig.json`,
    extends: javascript.TypescriptConfigExtends.fromPaths(["../tsconfig.json"]),
    compilerOptions: { noEmit: true, rootDir: ".." },
    include: ["**/*.ts"],
  });
}

// The README's first command: a stack scaffolded from this checkout, as `projen new --from` would.
project.addTask("scaffold", {
  description: "Pack this package and scaffold a stack from it: npx projen scaffold <folder> [projen new flags]",
  steps: [{ exec: "ts-node --transpile-only scripts/scaffold.ts", receiveArgs: true }],
});

project.addTask("docs:validation", {
  description: "Rewrite the bad-input table of docs/validation.md from test/bad-inputs.ts",
  steps: [{ exec: "ts-node --transpile-only scripts/validation-docs.ts" }],
});

// Issue 5: scaffold, synth and test-loop costs, side by side with plain projen (docs/benchmarks.md).
project.addTask("bench", {
  description: "Benchmark synth and the generated stack's test loop against plain projen; writes docs/benchmarks.md",
  steps: [{ exec: "ts-node --transpile-only bench/run.ts", receiveArgs: true }],
});

project.synth();
