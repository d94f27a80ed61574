/**
 * The program run offline, as `npx projen plan` and `npx projen can-i` run it: src/index.ts under the mocks of the
 * tests, with the values of `Pulumi.<stack>.yaml` where set there (encrypted values cannot be read offline) and a
 * placeholder of TEST_STACK_CONFIG elsewhere. What the program would look up (another stack's output, the
 * cluster's OIDC issuer, the caller's account) is mocked too.
 */
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import * as YAML from "yaml";
import {
  ACCOUNT_ID,
  type MockOptions,
  oidcProviderArnIn,
  settled,
  startMocks,
  TEST_STACK_CONFIG,
} from "./pulumi-mocks";
import { settings } from "../src/settings";

const DEFAULT_OIDC_PROVIDER_OUTPUT = "oidcProviderArn";

/** Where the offline commands (plan, can-i) print: the console, or what a test collects. */
export interface Printer {
  log(text: string): void;
  error(text: string): void;
}

export interface StackFileConfig {
  /** Plain values by key (`<project>:<key>` in the file); lists and objects as JSON, as Pulumi hands them over. */
  values: Record<string, string>;
  /** Keys whose value is encrypted (`pulumi config set --secret`). */
  encrypted: string[];
  /** `aws:region`, the AWS provider's region, if the file sets it. */
  region?: string;
  /** Keys without a namespace (`oidcProviderArn:`), which Pulumi does not read as the project's. */
  unqualified: string[];
}

/** Region prefixes of the partitions (botocore's endpoints.json, each partition's regionRegex), `aws` last. */
const REGION_PARTITIONS: readonly [RegExp, string][] = [
  [/^cn-/, "aws-cn"],
  [/^us-gov-/, "aws-us-gov"],
  [/^us-iso-/, "aws-iso"],
  [/^us-isob-/, "aws-iso-b"],
  [/^eu-isoe-/, "aws-iso-e"],
  [/^us-isof-/, "aws-iso-f"],
  [/^eusc-/, "aws-eusc"],
  [/^(af|ap|ca|eu|il|me|mx|sa|us)-/, "aws"],
];
/** A region code as AWS writes them: lower case, `<area>-<direction>-<number>`. */
const REGION_CODE = /^[a-z]{2,4}(-[a-z]+)+-\d+$/;
const ACCOUNT_OF_PROVIDER = /^arn:[^:]+:iam::(\d{12}):oidc-provider\//;

/**
 * Where the program runs offline, as a deploy would: the region of `aws:region` (default us-east-1) and its partition
 * (what aws:index/getPartition answers), and the account of `oidcProviderArn` when the stack file sets it (the
 * roles are made in the account whose OIDC provider they trust), else the mocks' account.
 */
export function offlineAccount(
  config: Record<string, string>,
  region = "us-east-1",
): Required<Pick<MockOptions, "accountId" | "partition" | "region">> {
  const accountId = ACCOUNT_OF_PROVIDER.exec(config.oidcProviderArn ?? "")?.[1] ?? ACCOUNT_ID;
  return { accountId, partition: partitionOf(region), region };
}

/** The partition of a region code, as aws:index/getPartition answers for a provider of that region. */
function partitionOf(region: string): string {
  return REGION_PARTITIONS.find(([prefix]) => prefix.test(region))?.[1] ?? "aws";
}

/**
 * The stack file's `aws:region`, if it is no region code of a partition: the AWS provider refuses it at `pulumi up`,
 * and offline its partition would be a guess.
 */
export function regionProblem(stackFile: string, fromFile: StackFileConfig): string | undefined {
  const region = fromFile.region;
  if (region === undefined || (REGION_CODE.test(region) && REGION_PARTITIONS.some(([prefix]) => prefix.test(region)))) {
    return undefined;
  }
  return (
    `${stackFile}: aws:region ${JSON.stringify(region)} is not an AWS region code: write one as AWS lists them, ` +
    "in lower case, such as us-east-1 or eu-central-1 (`pulumi config set aws:region <region>`)"
  );
}

/**
 * The mocks the program runs under offline, as stack `stack` in `region`: the account and partition of
 * offlineAccount, and, whatever stack the config references, an output holding the mocks' OIDC provider in them.
 */
export function offlineMocks(config: Record<string, string>, stack: string, region?: string): MockOptions {
  const where = offlineAccount(config, region);
  const outputName = config.oidcProviderOutputName || DEFAULT_OIDC_PROVIDER_OUTPUT;
  const provider = oidcProviderArnIn(where.partition, where.accountId);
  return { ...where, stack, stackOutputs: { [config.oidcProviderStackReference]: { [outputName]: provider } } };
}

/**
 * The stack of `--stack <name>` / `-s <name>` / `--stack=<name>`, else `defaultStack`. A fully qualified name
 * (`<org>/<stack>`, `<org>/<project>/<stack>`) names the same stack: its config file and `pulumi.getStack()` use the
 * last part.
 */
export function stackNameFrom(args: string[], defaultStack: string | undefined, task: string): string {
  const at = args.findIndex((arg) => arg === "--stack" || arg === "-s");
  const inline = args.find((arg) => arg.startsWith("--stack="));
  const name = (inline?.slice("--stack=".length) ?? (at >= 0 ? args[at + 1] : defaultStack))?.split("/").pop();
  if (!name) throw new Error(`--stack needs a stack name, for example: npx projen ${task} --stack dev`);
  return name;
}

/**
 * What a failure of the program says: its message, without the `error serializing property "<name>": ` prefixes the
 * Pulumi SDK adds for each input an error passed through (runtime/rpc.ts), which name the inputs, not the problem
 * (a config value's own error names its key).
 */
export function failureMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^(error serializing property "[^"]*": )+/, "");
}

export function readStackFile(path: string): StackFileConfig {
  const result: StackFileConfig = { values: {}, encrypted: [], unqualified: [] };
  if (!existsSync(path)) return result;
  let config: Record<string, unknown>;
  try {
    config = YAML.parse(readFileSync(path, "utf-8"))?.config ?? {};
  } catch (error) {
    throw new Error(`${path} is not valid YAML: ${error instanceof Error ? error.message : String(error)}`);
  }
  const prefix = `${settings.projectName}:`;
  if (typeof config["aws:region"] === "string") result.region = config["aws:region"];
  for (const [fullKey, value] of Object.entries(config)) {
    if (!fullKey.includes(":")) result.unqualified.push(fullKey);
    if (!fullKey.startsWith(prefix) || value === null || value === undefined) continue;
    const key = fullKey.slice(prefix.length);
    if (typeof value === "object" && "secure" in value) {
      result.encrypted.push(key);
    } else {
      result.values[key] = typeof value === "string" ? value : JSON.stringify(value);
    }
  }
  return result;
}

/** The config keys `Pulumi.yaml` in `dir` declares, each with its default if it has one. */
export function declaredConfig(dir: string): Record<string, { default?: unknown }> {
  return YAML.parse(readFileSync(join(dir, "Pulumi.yaml"), "utf-8"))?.config ?? {};
}

/**
 * Keys of a stack file that look meant for the program and that it does not read: a key of `Pulumi.yaml` in another
 * case (config keys are case-sensitive), and keys without a namespace, which `plan` and `can-i` do not read (Pulumi
 * writes `<project>:<key>`). Other keys are left alone: the team's own program may read keys of its own.
 */
export function unreadKeys(
  declared: Record<string, unknown>,
  stackFile: string,
  fromFile: StackFileConfig,
): { misspelled: string[]; unqualified: string[] } {
  const project = settings.projectName;
  const misspelled = [...Object.keys(fromFile.values), ...fromFile.encrypted].flatMap((key) => {
    const meant =
      key in declared ? undefined : Object.keys(declared).find((name) => name.toLowerCase() === key.toLowerCase());
    return meant
      ? [`${project}:${key} is not a key of Pulumi.yaml: did you mean ${project}:${meant}? (keys are case-sensitive)`]
      : [];
  });
  const unqualified = fromFile.unqualified.map(
    (key) =>
      `${key} in ${stackFile} has no namespace: write ${project}:${key}, as \`pulumi config set ${key} <value>\` does ` +
      "(plan and can-i read only namespaced keys)",
  );
  return { misspelled, unqualified };
}

/**
 * The stack file `stackFile` of `dir` and the config the program runs with offline (plan, can-i); refused when its
 * `aws:region` is no region code, since the run would then guess its partition.
 */
export function offlineStackConfig(
  dir: string,
  stackFile: string,
): { fromFile: StackFileConfig; config: Record<string, string> } {
  const fromFile = readStackFile(join(dir, stackFile));
  const badRegion = regionProblem(stackFile, fromFile);
  if (badRegion) throw new Error(badRegion);
  return { fromFile, config: offlineConfig(fromFile) };
}

/**
 * The stack config the program runs with: the stack file's values over the placeholders, whose OIDC provider is in
 * the partition of the file's region (a provider of another partition is refused).
 */
export function offlineConfig(fromFile: StackFileConfig): Record<string, string> {
  const provider = oidcProviderArnIn(partitionOf(fromFile.region ?? "us-east-1"), ACCOUNT_ID);
  return { ...TEST_STACK_CONFIG, oidcProviderArn: provider, ...fromFile.values };
}

/**
 * Runs src/index.ts under the mocks with `config`, as stack `stack` (role names are per stack) in `region`; resolves
 * with its exports once every registration settled.
 */
export async function runProgramOffline(
  config: Record<string, string>,
  stack: string,
  region?: string,
): Promise<Record<string, unknown>> {
  await startMocks(config, offlineMocks(config, stack, region));
  // The program registers its resources when loaded, so only after the mocks are in place.
  const program: Record<string, unknown> = await import("../src/index");
  await settled();
  return program;
}
