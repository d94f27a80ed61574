/**
 * `npx projen plan [--stack <name>]`: runs the program (src/index.ts) under the mocks of the tests,
 * offline and without the Pulumi CLI, and prints what it would register: each resource and its
 * direct dependencies, the IAM policies, the Kubernetes objects as YAML, and the stack outputs.
 *
 * The stack config is read from Pulumi.<stack>.yaml where set there (encrypted values cannot be
 * read offline), else it is a placeholder of TEST_STACK_CONFIG. What the program would look up
 * (another stack's output, the cluster's OIDC issuer, the caller's account) is mocked too.
 */
import { existsSync } from "fs";
import { join } from "path";
import * as pulumi from "@pulumi/pulumi";
import * as YAML from "yaml";
import { accessModel, clusterOf } from "./access";
import { matrixText } from "./access-matrix";
import {
  declaredConfig,
  failureMessage,
  offlineAccount,
  offlineStackConfig,
  type Printer,
  runProgramOffline,
  type StackFileConfig,
  stackNameFrom,
  unreadKeys,
} from "./offline-program";
import { promiseOf, type Registration, registrations } from "./pulumi-mocks";
import { settings } from "../src/settings";

/** The stack shown without `--stack`: the first stack, which the `plan` task names. */
const DEFAULT_STACK = process.env.PLAN_DEFAULT_STACK;

export const HELP = `Usage: npx projen plan [--stack <name>]

Runs the program (src/index.ts) under the mocks of the tests, offline and without the Pulumi CLI, and prints what
it would register: each resource and its dependencies, the IAM policies, the Kubernetes objects, the stack outputs
and the access matrix. The stack config is read from Pulumi.<name>.yaml (default: the first stack).`;

/**
 * "help" for `--help`/`-h`, else "plan". Anything but `--stack <name>` is refused: a mistyped `--stack` must not
 * print the plan of another stack.
 */
export function planArguments(args: string[]): "help" | "plan" {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--help" || arg === "-h") return "help";
    if (arg === "--stack" || arg === "-s") {
      i++;
    } else if (!arg.startsWith("--stack=")) {
      throw new Error(`Unknown argument ${arg}: npx projen plan takes only --stack <name> (or --help).`);
    }
  }
  return "plan";
}

/** The config keys the stack's Pulumi.yaml declares without a default: the program stops without them. */
function describeConfig(
  declared: Record<string, { default?: unknown }>,
  stackFile: string,
  fromFile: StackFileConfig,
  config: Record<string, string>,
): string[] {
  const required = Object.keys(declared).filter((key) => declared[key].default === undefined);
  const lines = required.map((key) => {
    if (fromFile.values[key] !== undefined) return `  ${key}: ${fromFile.values[key]} (from ${stackFile})`;
    const why = fromFile.encrypted.includes(key) ? "encrypted in" : "not set in";
    return `  ${key}: ${config[key]} (placeholder: ${why} ${stackFile})`;
  });
  const others = Object.keys(fromFile.values).filter((key) => !required.includes(key));
  const optional = others.filter((key) => key in declared);
  const undeclared = others.filter((key) => !(key in declared));
  if (optional.length > 0) lines.push(`  also from ${stackFile}: ${optional.join(", ")}`);
  // A key of another identity type or source, left after a switch (oidcProviderArn after a move to Pod Identity).
  if (undeclared.length > 0) {
    lines.push(
      `  also in ${stackFile}, not declared in Pulumi.yaml, so no identity of this stack reads it (your own code ` +
        `may): ${undeclared.join(", ")}`,
    );
  }
  if (fromFile.encrypted.length > 0) {
    lines.push(`  encrypted in ${stackFile}, so placeholders where needed: ${fromFile.encrypted.join(", ")}`);
  }
  const { misspelled, unqualified } = unreadKeys(declared, stackFile, fromFile);
  lines.push(...[...misspelled, ...unqualified].map((note) => `  note: ${note}`));
  return lines;
}

/** "<type> <name>" of a registered resource, or of one the program only read (a StackReference). */
function describeUrn(urn: string, registered: Registration[]): string {
  const found = registered.find((r) => r.urn === urn);
  if (found) return `${found.type} ${found.name}`;
  // urn:pulumi:<stack>::<project>::<parent types$type>::<name>
  const [, , qualifiedType, ...name] = urn.split("::");
  return `${qualifiedType.split("$").pop()} ${name.join("::")}`;
}

/** The value with every secret replaced by "[secret]". */
function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value === null || typeof value !== "object") return value;
  const record = value as Record<string, unknown>;
  if (record[pulumi.runtime.specialSigKey] === pulumi.runtime.specialSecretSig) return "[secret]";
  return Object.fromEntries(Object.entries(record).map(([key, v]) => [key, withoutSecrets(v)]));
}

function indent(text: string, prefix = "    "): string {
  return text
    .trimEnd()
    .split("\n")
    .map((line) => `${prefix}${line}`)
    .join("\n");
}

/** Providers' inputs (a kubeconfig, credentials) are left out. */
const isProvider = (r: Registration): boolean => r.type.startsWith("pulumi:providers:");
const prettyJson = (json: string): string => JSON.stringify(JSON.parse(json), null, 2);

function describeResource(r: Registration, registered: Registration[]): string[] {
  const dependencies = r.dependencies.map((urn) => describeUrn(urn, registered));
  const lines = [`${r.type} ${r.name}`, `  depends on: ${dependencies.join(", ") || "nothing"}`];
  if (r.type === "aws:iam/role:Role" && r.readId !== undefined) {
    // An existing role (existingRoleArn), read by name: its trust policy is its owner's.
    lines.push(`  read, not managed: the existing role ${r.readId}, whose trust policy is its owner's`);
  } else if (r.type === "aws:iam/role:Role") {
    lines.push("  trust policy:", indent(prettyJson(r.inputs.assumeRolePolicy)));
  } else if (r.type === "aws:iam/rolePolicy:RolePolicy") {
    lines.push("  policy:", indent(prettyJson(r.inputs.policy)));
  } else if (r.type === "aws:iam/rolePolicyAttachment:RolePolicyAttachment") {
    lines.push(`  policy ARN: ${r.inputs.policyArn}`);
  } else if (r.type.startsWith("kubernetes:") && r.custom && !isProvider(r)) {
    const { apiVersion, kind, ...rest } = withoutSecrets(r.inputs) as Record<string, unknown>;
    lines.push("  object:", indent(YAML.stringify({ apiVersion, kind, ...rest })));
  } else if (r.custom && !isProvider(r)) {
    lines.push("  inputs:", indent(YAML.stringify(withoutSecrets(r.inputs))));
  }
  return lines;
}

async function describeOutputs(program: Record<string, unknown>): Promise<string[]> {
  const lines: string[] = [];
  for (const [name, value] of Object.entries(program)) {
    const resolved = withoutSecrets(await promiseOf(pulumi.output(value)));
    lines.push(`  ${name}: ${JSON.stringify(resolved, null, 2).replace(/\n/g, "\n  ")}`);
  }
  return lines;
}

/** Prints the plan the command line `args` asks for (what follows `plan`) on `out`, of the stack in `dir`. */
export async function plan(args: string[], out: Printer = console, dir = "."): Promise<void> {
  if (planArguments(args) === "help") {
    out.log(HELP);
    return;
  }
  const stack = stackNameFrom(args, DEFAULT_STACK, "plan");
  const stackFile = `Pulumi.${stack}.yaml`;
  const { fromFile, config } = offlineStackConfig(dir, stackFile);
  out.log(`Offline plan of stack "${stack}" (${settings.projectName}): src/index.ts under test/pulumi-mocks.ts.`);
  const { accountId, region } = offlineAccount(config, fromFile.region);
  out.log(
    `Nothing is contacted: AWS, Kubernetes and other stacks are mocked (account ${accountId}, region ${region}).\n`,
  );
  out.log(existsSync(join(dir, stackFile)) ? "Stack config:" : `Stack config (${stackFile} not found):`);
  out.log(describeConfig(declaredConfig(dir), stackFile, fromFile, config).join("\n"));

  // As that stack: its role names are the ones it would deploy.
  const program = await runProgramOffline(config, stack, fromFile.region);

  const registered = registrations();
  out.log(`\nResources (${registered.length}), in the order they were registered:`);
  for (const r of registered) out.log(`\n${describeResource(r, registered).join("\n")}`);
  out.log("\nStack outputs:");
  out.log((await describeOutputs(program)).join("\n"));

  // What each pod may do: the IAM engine on the registered trust and permission policies (test/access.ts).
  out.log("\nAccess matrix (yes / no / unknown for a pod of each service account; `npx projen can-i` explains one):");
  for (const workload of accessModel(clusterOf(config))) out.log(`\n${matrixText(workload).join("\n")}`);
}

function fail(error: unknown): void {
  console.error(`\nThe plan failed: ${failureMessage(error)}`);
  process.exit(1);
}

// Run as the plan task's script; a test imports plan instead.
if (require.main === module) {
  // An output that fails (a config value the program rejects, for example) rejects outside plan.
  process.on("unhandledRejection", fail);
  plan(process.argv.slice(2)).catch(fail);
}
