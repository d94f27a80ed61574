/**
 * `npx projen can-i <namespace>/<serviceaccount> <action> [<resource-arn>]`: may a pod running as that service
 * account do that, once deployed? Offline: the program runs under the mocks (as `npx projen plan`), a real IAM
 * engine evaluates the role's trust policy against the credentials the pod presents, then its permissions.
 *
 * Prints yes, no or unknown, the statement that decided it and the trust step. Exit code: 0 yes, 1 no,
 * 2 unknown (a policy whose document the stack cannot know), 3 a wrong command line.
 *
 * Options:
 *   --stack <name>           read Pulumi.<name>.yaml (default: the first stack)
 *   --context <key>=<value>  a request condition key, as the request would carry it (repeatable),
 *                            e.g. --context aws:SourceVpc=vpc-1234
 *   --as <namespace>/<name>  the credentials of another service account, against the role of the first one
 *                            (would a pod of that account get in?); a pod of it presents what the first one's
 *                            annotations ask for (IRSA audience)
 *   --json                   the answer as JSON
 */
import { type AccessAnswer, accessModel, answer, checkTrust, clusterOf, combineAnswers, findWorkloads } from "./access";
import { offlineConfig, readStackFile, runProgramOffline, stackNameFrom } from "./offline-program";
import { podIdentitySession, webIdentityToken } from "../src/access-model";

const USAGE =
  "Usage: npx projen can-i <namespace>/<serviceaccount> <action> [<resource-arn>] " +
  "[--stack <name>] [--context <key>=<value>]... [--as <namespace>/<serviceaccount>] [--json]\n" +
  "  e.g. npx projen can-i default/app ssm:GetParameter arn:aws:ssm:us-east-1:123456789012:parameter/default/app/x";
const EXIT = { yes: 0, no: 1, unknown: 2, usage: 3 } as const;
const VALUE_OPTIONS = ["--stack", "-s", "--context", "--as"];

class UsageError extends Error {}

interface Command {
  key: string;
  action: string;
  resource: string;
  context: Record<string, string>;
  as?: string;
  json: boolean;
}

function parse(args: string[]): Command {
  const positional: string[] = [];
  const context: Record<string, string> = {};
  let as: string | undefined;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] =
      arg.startsWith("--") && arg.includes("=")
        ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
        : [arg, undefined];
    if (flag === "--json") {
      json = true;
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
  if (!key || !action || extra.length > 0) {
    throw new UsageError("Expected a service account, an action and at most one resource.");
  }
  for (const [what, value] of [["service account", key], ...(as ? [["--as", as]] : [])]) {
    if (!/^[^/\s]+\/[^/\s]+$/.test(value)) {
      throw new UsageError(`${what} ${value}: expected <namespace>/<name>, e.g. default/app.`);
    }
  }
  if (!/^[A-Za-z0-9-]+:[A-Za-z0-9*?]+$/.test(action)) {
    throw new UsageError(`Action ${action}: expected <service>:<action>, e.g. s3:GetObject.`);
  }
  return { key, action, resource, context, as, json };
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  let command: Command;
  try {
    command = parse(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n${USAGE}`);
    return EXIT.usage;
  }
  const stack = stackNameFrom(args, process.env.PLAN_DEFAULT_STACK, "can-i");
  const config = offlineConfig(readStackFile(`Pulumi.${stack}.yaml`));
  await runProgramOffline(config, stack);
  const cluster = clusterOf(config);
  // One workload per credential path: IRSA_AND_POD_IDENTITY has both, each checked.
  const workloads = findWorkloads(command.key, accessModel(cluster));

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
    console.log(
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
    console.log(result.verdict);
    console.log(`  ${result.reason}`);
    console.log(`  trust: ${result.trust}`);
  }
  return EXIT[result.verdict];
}

function fail(error: unknown): void {
  console.error(`can-i failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(EXIT.usage);
}

process.on("unhandledRejection", fail);
main().then((code) => process.exit(code), fail);
