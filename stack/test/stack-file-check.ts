/**
 * What a stack file (`Pulumi.<stack>.yaml`) holds that `pulumi up` would trip on, found offline in the stack's own
 * tests, so that CI catches it: a key of the program's misspelled, and values its stack config checks refuse (the
 * identity config: the OIDC provider ARNs, the cluster name, the stack reference). Unset keys are not problems: a
 * fresh stack has none set, and `pulumi up` asks for them.
 */
import { readdirSync } from "fs";
import { join } from "path";
import * as pulumi from "@pulumi/pulumi";
import {
  declaredConfig,
  failureMessage,
  offlineConfig,
  offlineMocks,
  readStackFile,
  regionProblem,
  unreadKeys,
} from "./offline-program";
import { promiseOf, startMocks } from "./pulumi-mocks";
import { settings } from "../src/settings";

const STACK_FILE = /^Pulumi\.(.+)\.yaml$/;

/** The stacks that have a config file in `dir`, by name. */
export function stacksWithFiles(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((file) => STACK_FILE.exec(file)?.[1] ?? [])
    .sort();
}

/** The problems of `Pulumi.<stack>.yaml` in `dir` (its project's `Pulumi.yaml` beside it), one sentence each. */
export async function stackFileProblems(dir: string, stack: string): Promise<string[]> {
  const stackFile = `Pulumi.${stack}.yaml`;
  const fromFile = readStackFile(join(dir, stackFile));
  // A misspelled key of the program's leaves its value unused; keys of the team's own are its program's to read.
  const problems = unreadKeys(declaredConfig(dir), stackFile, fromFile).misspelled.map((p) => `${stackFile}: ${p}`);
  // The program's checks depend on the region's partition: without a region code, they would check a guess.
  const badRegion = regionProblem(stackFile, fromFile);
  if (badRegion) return [...problems, badRegion];
  const config = offlineConfig(fromFile);
  await startMocks(config, offlineMocks(config, stack, fromFile.region));
  // Loaded after the mocks, as the program would be; the config each kind of identity reads, as the program reads it.
  const { identityConfigReaders } = await import("../src/workload-identities");
  const { irsa, podIdentity } = identityConfigReaders(settings);
  const reads: (() => pulumi.Output<string>)[] = [
    ...(irsa ? [() => irsa().oidcProviderArn] : []),
    ...(podIdentity ? [() => podIdentity().clusterArn] : []),
  ];
  for (const read of reads) {
    try {
      await promiseOf(read());
    } catch (error) {
      problems.push(`${stackFile}: ${failureMessage(error)}`);
    }
  }
  return problems;
}
