import { Component, javascript, ProjenrcFile, typescript } from "projen";
import { TASK_PATH } from "./task-path";
import { STACK_DEPENDENCIES, STACK_DEV_DEPENDENCIES, STACK_WORKFLOW_NODE_VERSION, THIS_PACKAGE } from "./versions";

/** Jest's default pattern for TypeScript sources, as projen sets it for ts-jest. */
const TS_TRANSFORM_PATTERN = "^.+\\.[t]sx?$";

/**
 * The stack's toolchain: npm, a pinned TypeScript, the Pulumi SDKs, tests transpiled by swc
 * and type-checked once by the build.
 */
export class StackToolchain extends Component {
  /**
   * The options of the underlying TypeScript app project: our defaults, then the user's
   * options, then what the stack cannot work without.
   */
  public static projectDefaults(options: typescript.TypeScriptProjectOptions): typescript.TypeScriptProjectOptions {
    return {
      packageManager: javascript.NodePackageManager.NPM,
      typescriptVersion: STACK_DEV_DEPENDENCIES.typescript,
      // `.projenrc.ts` runs transpile-only through swc on every `npx projen`; the build type-checks it.
      projenrcTsOptions: { swc: true },
      // The generated sources are formatted this way; the stack's lint (eslint + prettier) keeps yours alike.
      prettier: true,
      prettierOptions: { settings: { printWidth: 120 } },
      // Some packages' declarations (fast-check's) need a newer module resolution than the program's.
      tsconfig: { compilerOptions: { skipLibCheck: true } },
      // Every workflow sets up this Node.js (projen's renderWorkflowSetup) instead of taking the runner's.
      workflowNodeVersion: STACK_WORKFLOW_NODE_VERSION,
      ...options,
      deps: [...Object.values(STACK_DEPENDENCIES), ...(options.deps ?? [])],
      devDeps: [
        // First: a spec of the user's (`eks-irsa-template@file:...`) replaces it.
        THIS_PACKAGE,
        STACK_DEV_DEPENDENCIES.nodeTypes,
        STACK_DEV_DEPENDENCIES.swcCore,
        STACK_DEV_DEPENDENCIES.swcJest,
        STACK_DEV_DEPENDENCIES.fastCheck,
        STACK_DEV_DEPENDENCIES.yaml,
        STACK_DEV_DEPENDENCIES.iamSimulate,
        STACK_DEV_DEPENDENCIES.npmCheckUpdates,
        ...(options.devDeps ?? []),
      ],
      projenrcTs: true,
      // The program and its tests are ours (src/index.ts, test/): projen's hello-world would collide.
      sampleCode: false,
    };
  }

  constructor(project: typescript.TypeScriptProject) {
    super(project);

    const jest = project.jest;
    if (jest) {
      // ts-jest type-checks every test file on every run; swc only transpiles, and the build's
      // `typecheck` keeps the type check.
      jest.config.transform = {
        [TS_TRANSFORM_PATTERN]: new javascript.Transform("@swc/jest", {
          jsc: { parser: { syntax: "typescript" }, target: "es2022" },
          module: { type: "commonjs" },
        }),
      };
      // google-protobuf (Pulumi's RPC layer) keeps reading the `google` global it defines:
      // jest 30's cleanup of test-file globals would warn about it after every file.
      jest.config.testEnvironmentOptions = { globalsCleanup: "off" };
      // What @pulumi/pulumi loads at import time but programs under mocks never use, loaded on first use instead
      // (test/lazy/): closure serialization, tracing, and its automation, dynamic and provider namespaces.
      jest.config.resolver = "<rootDir>/test/lazy/resolver.js";
      // The Pulumi SDK's internal promise stacks, left unformatted unless asked for (test/debug-promise-stacks.ts).
      jest.addSetupFile("<rootDir>/test/debug-promise-stacks.ts");
      // Every test file loads the Pulumi SDKs and runs a program under mocks (0.15 to 0.6 s each): in parallel they
      // finish sooner. jest runs up to 20 files that last under 1 s in band, on one core, unless a worker memory limit
      // is set (@jest/core, testSchedulerHelper.ts `shouldRunInBand`), and its default of cores - 1 workers is one
      // worker on a 2-core runner. The limit recycles a worker whose heap outgrows it after a file.
      jest.config.maxWorkers = "100%";
      jest.config.workerIdleMemoryLimit = "1GB";
      // The test loop runs on every save: coverage is for CI (`npx projen test --coverage`).
      jest.config.collectCoverage = false;
      project.deps.removeDependency("ts-jest");
    }

    // Pulumi runs src/index.ts through ts-node with this tsconfig: swc transpiles it in milliseconds, without the
    // type check (seconds) that `npx projen deploy` and the build do (ts-node reads its options from the "ts-node"
    // key, and swc implies transpileOnly).
    project.tsconfig?.file.addOverride("ts-node", { swc: true });

    if (project.package.packageManager === javascript.NodePackageManager.NPM) {
      project.tasks.addEnvironment("PATH", TASK_PATH);
    }

    const tsconfigs = [project.tsconfigDev.fileName];
    const projenrc = ProjenrcFile.of(project);
    if (projenrc instanceof typescript.Projenrc) {
      tsconfigs.push(projenrc.tsconfig.fileName);
    }
    const typecheck = project.addTask("typecheck", {
      description: "Type-check the program, its tests and .projenrc.ts",
      steps: tsconfigs.map((tsconfig) => ({ exec: `tsc --noEmit -p ${tsconfig}` })),
    });
    project.postCompileTask.spawn(typecheck);
  }
}
