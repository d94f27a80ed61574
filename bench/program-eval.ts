/**
 * Evaluates a generated stack's Pulumi program under the stack's own mocks and prints how long
 * it took, as JSON on stdout: `{ "evaluationMs": ..., "resources": ... }`.
 *
 * Runs inside the stack, under its ts-node (see program-suite.ts):
 *   node_modules/.bin/ts-node --swc --project test/tsconfig.json <this file> <stack folder>
 * so it loads everything from the stack's node_modules. Timed: from the program's import (the
 * Pulumi SDKs are already loaded) until every resource registration settled, as the stack's
 * test/index.test.ts does it.
 */
import { createRequire } from "module";
import { join, resolve } from "path";
import { performance } from "perf_hooks";

/** The members of the stack's test/pulumi-mocks.ts the evaluation uses. */
interface PulumiMocks {
  readonly OIDC_PROVIDER_ARN: string;
  startMocks(config: Record<string, string>): Promise<void>;
  settled(): Promise<void>;
  registrations(): unknown[];
}

async function main(stackDir: string): Promise<void> {
  const stackRequire = createRequire(join(stackDir, "package.json"));
  // The SDKs the program imports: loaded before the clock starts, so that only the program counts.
  for (const sdk of ["@pulumi/pulumi", "@pulumi/aws", "@pulumi/kubernetes"]) {
    stackRequire(sdk);
  }
  const mocks: PulumiMocks = stackRequire("./test/pulumi-mocks");
  await mocks.startMocks({ oidcProviderArn: mocks.OIDC_PROVIDER_ARN, kubeconfig: "apiVersion: v1\nkind: Config" });

  const start = performance.now();
  stackRequire("./src/index");
  await mocks.settled();
  const evaluationMs = performance.now() - start;

  process.stdout.write(`${JSON.stringify({ evaluationMs, resources: mocks.registrations().length })}\n`);
}

const stackDir = process.argv[2];
if (!stackDir) {
  console.error("Usage: program-eval.ts <stack folder>");
  process.exit(2);
}
main(resolve(stackDir)).then(
  // The mocked runtime keeps handles open: leave once the numbers are out.
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
