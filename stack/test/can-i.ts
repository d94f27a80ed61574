/**
 * `npx projen can-i <namespace>/<serviceaccount> <action> [<resource-arn>]`: may a pod running as that service
 * account do that, once deployed? Offline: the program runs under the mocks (as `npx projen plan`), a real IAM
 * engine evaluates the role's trust policy against the credentials the pod presents, then its permissions.
 * HELP below is what `--help` prints: the options and the exit codes.
 */
import { existsSync } from "fs";
import { join } from "path";
import { type AccessAnswer, accessModel, answer, checkTrust, clusterOf, combineAnswers, findWorkloads } from "./access";
import { assumableBy, matrixRows, matrixText } from "./access-matrix";
import { failureMessage, offlineStackConfig, type Printer, runProgramOffline, stackNameFrom } from "./offline-program";
import { type ClusterIdentity, podIdentitySession, webIdentityToken, type WorkloadAccess } from "../src/access-model";

const USAGE =
  "Usage: npx projen can-i <namespace>/<serviceaccount> <action> [<resource-arn>] " +
  "[--stack <name>] [--context <key>=<value>]... [--as <namespace>/<serviceaccount>] [--json]\n" +
  "       npx projen can-i <namespace>/<serviceaccount> --list [--stack <name>] [--json]\n" +
  "  e.g. npx projen can-i default/app ssm:GetParameter arn:aws:ssm:us-east-1:123456789012:parameter/default/app/x";
export const HELP = `${USAGE}

Whether a pod running as the service account may do the action on the resource, once deployed. Offline: the
program runs under the mocks of the tests, a real IAM policy engine evaluates its role's trust policy against the
credentials the pod presents, then the role's policies and permissions boundary. A resource with * (no resource is
*) asks whether some resource it covers is allowed: the engine's request wildcards.

Options:
  --stack <name>, -s <name>  read Pulumi.<name>.yaml (default: the first stack)
  --context <key>=<value>    a request condition key, as the request would carry it (repeatable),
                             e.g. --context aws:SourceVpc=vpc-1234
  --as <namespace>/<name>    the credentials of another service account, against the role of the first one
                             (would a pod of that account get in?); it presents what the first one's annotations
                             ask for (IRSA audience)
  --list                     instead of one answer, what the account's pods may do: who may assume its role, and
                             every action and resource the role's policies name with its verdict (the access
                             matrix of npx projen plan)
  --json                     the answer (or the list) as JSON
  --help, -h                 this text

Exit code: 0 yes (and for --list), 1 no, 2 unknown (a policy whose document the stack cannot know), 3 no answer (a
wrong command line, a service account the stack does not bind, a program that fails offline). npx projen exits 1 for every code
but 0: --json's verdict tells no from unknown.`;
/** The exit codes HELP lists. */
const EXIT = { yes: 0, no: 1, unknown: 2, noAnswer: 3 } as const;
const VALUE_OPTIONS = ["--stack", "-s", "--context", "--as"];

class UsageError extends Error {}

/** A question (may it do this?), the list of what it may do, or --help. */
type Command =
  | {
      kind: "ask";
      key: string;
      action: string;
      resource: string;
      context: Record<string, string>;
      as?: string;
      json: boolean;
    }
  | { kind: "list"; key: string; json: boolean }
  | { kind: "help" };

function parse(args: string[]): Command {
  const positional: string[] = [];
  const context: Record<string, string> = {};
  let as: string | undefined;
  let json = false;
  let list = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] =
      arg.startsWith("--") && arg.includes("=")
        ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
        : [arg, undefined];
    if (flag === "--help" || flag === "-h") {
      return { kind: "help" };
    } else if (flag === "--json") {
      json = true;
    } else if (flag === "--list") {
      list = true;
    } else if (VALUE_OPTIONS.includes(flag)) {
      const value = inline ?? args[++i];
      if (value === undefined) throw new UsageError(`${flag} needs a value.`);
      if (flag === "--context") {
        const at = value.indexOf("=");
        if (at <= 0) throw new UsageError(`--context ${value}: expected <key>=<value>, e.g. aws:SourceVpc=vpc-1234.`);
        context[value.slice(0, at)] = value.slice(at + 1);
      } else if (flag === "--as") {
        as = value;
      }
    } else if (arg.startsWith("-")) {
      throw new UsageError(`Unknown option ${arg}.`);
    } else {
      positional.push(arg);
    }
  }
  const [key, action, resource = "*", ...extra] = positional;
  const expected = "Expected a service account, an action and at most one resource.";
  if (!key) throw new UsageError(expected);
  for (const [what, value] of [["service account", key], ...(as ? [["--as", as]] : [])]) {
    if (!/^[^/\s]+\/[^/\s]+$/.test(value)) {
      throw new UsageError(`${what} ${value}: expected <namespace>/<name>, e.g. default/app.`);
    }
  }
  if (list) {
    if (positional.length > 1 || as || Object.keys(context).length > 0) {
      throw new UsageError("--list takes a service account only, no action, resource, --as or --context.");
    }
    return { kind: "list", key, json };
  }
  if (!action || extra.length > 0) throw new UsageError(expected);
  if (/[*?]/.test(action)) {
    // A request is one action; the policies' wildcards are matched against it.
    throw new UsageError(`Action ${action}: name one action, without wildcards, e.g. s3:GetObject.`);
  }
  if (!/^[A-Za-z0-9-]+:[A-Za-z0-9]+$/.test(action)) {
    throw new UsageError(`Action ${action}: expected <service>:<action>, e.g. s3:GetObject.`);
  }
  return { kind: "ask", key, action, resource, context, as, json };
}

/** Answers the command line `args` (what follows `can-i`) on `out`, of the stack in `dir`; resolves with the exit code. */
export async function canI(args: string[], out: Printer = console, dir = "."): Promise<number> {
  try {
    return await answerCommand(args, out, dir);
  } catch (error) {
    out.error(error instanceof UsageError ? `${error.message}\n${USAGE}` : failure(error));
    return EXIT.noAnswer;
  }
}

async function answerCommand(args: string[], out: Printer, dir: string): Promise<number> {
  const command = parse(args);
  if (command.kind === "help") {
    out.log(HELP);
    return 0;
  }
  const stack = stackNameFrom(args, process.env.PLAN_DEFAULT_STACK, "can-i");
  const stackFile = `Pulumi.${stack}.yaml`;
  // A mistyped --stack must not pass unnoticed: the answer is then the placeholders'.
  if (!existsSync(join(dir, stackFile))) {
    out.error(`Note: ${stackFile} not found: the stack config is the tests' placeholders.`);
  }
  const { fromFile, config } = offlineStackConfig(dir, stackFile);
  await runProgramOffline(config, stack, fromFile.region);
  const cluster = clusterOf(config);
  // One workload per credential path: IRSA_AND_POD_IDENTITY has both, each checked.
  const workloads = findWorkloads(command.key, accessModel(cluster));
  if (command.kind === "list") {
    printList(command.key, workloads, command.json, out);
    return 0;
  }
  return ask(command, workloads, cluster, out);
}

/** `--list`: what the account's pods may do, as `npx projen plan`'s access matrix shows it. */
function printList(key: string, workloads: WorkloadAccess[], json: boolean, out: Printer): void {
  if (!json) {
    out.log(workloads.map((workload) => matrixText(workload).join("\n")).join("\n\n"));
    return;
  }
  const listed = workloads.map((workload) => ({
    role: workload.role.arn,
    ...(workload.targetRole && { targetRole: workload.targetRole.arn }),
    assumableBy: assumableBy(workload),
    rows: matrixRows(workload),
  }));
  out.log(JSON.stringify({ serviceAccount: key, workloads: listed }, null, 2));
}

async function ask(
  command: Extract<Command, { kind: "ask" }>,
  workloads: WorkloadAccess[],
  cluster: ClusterIdentity,
  out: Printer,
): Promise<number> {
  const answers: AccessAnswer[] = [];
  for (const workload of workloads) {
    const permissions = await answer(workload, command.action, command.resource, command.context);
    if (!command.as) {
      answers.push(permissions);
      continue;
    }
    const [namespace, name] = command.as.split("/");
    const credentials =
      workload.credentials.kind === "IRSA"
        ? { ...webIdentityToken(cluster, { namespace, name }), audience: workload.credentials.audience }
        : podIdentitySession(
            cluster,
            { namespace, name },
            {
              sessionTags: Object.keys(workload.credentials.sessionTags).length > 0,
            },
          );
    const trust = checkTrust(workload, credentials);
    if (trust.allowed === false) {
      answers.push({ verdict: "no", reason: "its credentials cannot assume the role", trust: trust.explanation });
    } else if (trust.allowed === undefined && permissions.verdict !== "no") {
      answers.push({ verdict: "unknown", reason: "unknown: the trust is not known", trust: trust.explanation });
    } else {
      answers.push({ ...permissions, trust: trust.explanation });
    }
  }
  const result: AccessAnswer & { asServiceAccount?: string } = {
    ...combineAnswers(answers),
    ...(command.as && { asServiceAccount: command.as }),
  };

  if (command.json) {
    out.log(
      JSON.stringify(
        {
          serviceAccount: command.key,
          action: command.action,
          resource: command.resource,
          role: workloads[0].role.arn,
          ...(workloads[0].targetRole && { targetRole: workloads[0].targetRole.arn }),
          ...result,
        },
        null,
        2,
      ),
    );
  } else {
    out.log([result.verdict, `  ${result.reason}`, `  trust: ${result.trust}`].join("\n"));
  }
  return EXIT[result.verdict];
}

function failure(error: unknown): string {
  return `can-i failed: ${failureMessage(error)}`;
}

// Run as the can-i task's script; a test imports canI instead.
if (require.main === module) {
  // An output that fails (a config value the program rejects, for example) rejects outside canI.
  process.on("unhandledRejection", (error) => {
    console.error(failure(error));
    process.exit(EXIT.noAnswer);
  });
  void canI(process.argv.slice(2)).then((code) => process.exit(code));
}
