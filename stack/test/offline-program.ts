/**
 * The program run offline, as `npx projen plan` and `npx projen can-i` run it: src/index.ts under the mocks of the
 * tests, with the values of `Pulumi.<stack>.yaml` where set there (encrypted values cannot be read offline) and a
 * placeholder of TEST_STACK_CONFIG elsewhere. What the program would look up (another stack's output, the
 * cluster's OIDC issuer, the caller's account) is mocked too.
 */
import { existsSync, readFileSync } from "fs";
import * as YAML from "yaml";
import { OIDC_PROVIDER_ARN, settled, startMocks, TEST_STACK_CONFIG } from "./pulumi-mocks";
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
}

/** The value of `--stack <name>` / `-s <name>` / `--stack=<name>`, else `defaultStack`. */
export function stackNameFrom(args: string[], defaultStack: string | undefined, task: string): string {
  const at = args.findIndex((arg) => arg === "--stack" || arg === "-s");
  const inline = args.find((arg) => arg.startsWith("--stack="));
  const name = inline?.slice("--stack=".length) ?? (at >= 0 ? args[at + 1] : defaultStack);
  if (!name) throw new Error(`--stack needs a stack name, for example: npx projen ${task} --stack dev`);
  return name;
}

export function readStackFile(path: string): StackFileConfig {
  const result: StackFileConfig = { values: {}, encrypted: [] };
  if (!existsSync(path)) return result;
  const config: Record<string, unknown> = YAML.parse(readFileSync(path, "utf-8"))?.config ?? {};
  const prefix = `${settings.projectName}:`;
  for (const [fullKey, value] of Object.entries(config)) {
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

/** The stack config the program runs with: the stack file's values over the placeholders. */
export function offlineConfig(fromFile: StackFileConfig): Record<string, string> {
  return { ...TEST_STACK_CONFIG, ...fromFile.values };
}

/**
 * Runs src/index.ts under the mocks with `config`, as stack `stack` (role names are per stack); resolves with its
 * exports once every registration settled.
 */
export async function runProgramOffline(
  config: Record<string, string>,
  stack: string,
): Promise<Record<string, unknown>> {
  // Whatever stack the config references, its output is the mocks' OIDC provider ARN.
  const outputName = config.oidcProviderOutputName || DEFAULT_OIDC_PROVIDER_OUTPUT;
  await startMocks(config, {
    stack,
    stackOutputs: { [config.oidcProviderStackReference]: { [outputName]: OIDC_PROVIDER_ARN } },
  });
  // The program registers its resources when loaded, so only after the mocks are in place.
  const program: Record<string, unknown> = await import("../src/index");
  await settled();
  return program;
}
