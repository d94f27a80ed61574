/**
 * The stack's `npx projen can-i` (stack/test/can-i.ts) on this repository's default stack (stack/, rendered from the
 * default options): its answers, their exit codes and its command line.
 */

import { writeFileSync } from "fs";
import { join } from "path";
import { canI, canIIn, HELP, NO_STACK_FILE } from "./can-i-command";
import { temporaryOutdir } from "../project-fixture";

const PARAMETER = "arn:aws:ssm:us-east-1:123456789012:parameter/default/app/x";

describe("answers, as the issue's done-when asks them of a default stack", () => {
  test("yes, exit 0: the inline statement that allows it and the trust step", async () => {
    const run = await canI("default/app", "ssm:GetParameter", PARAMETER);
    expect(run).toMatchObject({ code: 0, stderr: NO_STACK_FILE });
    const [verdict, reason, trust] = run.stdout.split("\n");
    expect(verdict).toBe("yes");
    expect(reason).toBe("  allowed by workload, Sid ReadOwnParameters");
    expect(trust).toMatch(
      /^ {2}trust: token of arn:aws:iam::123456789012:oidc-provider\/\S+ with aud sts\.amazonaws\.com, /,
    );
    expect(trust).toContain("sub system:serviceaccount:default:app: may assume role");
  });

  test("no, exit 1: an action no statement allows", async () => {
    const run = await canI("default/app", "ssm:PutParameter", PARAMETER);
    expect(run.code).toBe(1);
    expect(run.stdout.split("\n")[0]).toBe("no");
  });

  test("yes by an AWS managed policy, named as the reason", async () => {
    const run = await canI("default/app", "xray:PutTraceSegments");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^yes\n {2}allowed by arn:aws:iam::aws:policy\/AWSXRayDaemonWriteAccess/);
  });

  test("--as another namespace's account: no, exit 1, its token cannot assume the role", async () => {
    const run = await canI("default/app", "ssm:GetParameter", PARAMETER, "--as", "kube-system/app");
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^no\n {2}its credentials cannot assume the role\n/);
    expect(run.stdout).toContain("sub system:serviceaccount:kube-system:app: may not assume role");
  });

  test("--as the account itself: its own token gets in, the permissions decide", async () => {
    const run = await canI("default/app", "ssm:GetParameter", PARAMETER, "--as", "default/app");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^yes\n {2}allowed by workload, Sid ReadOwnParameters\n {2}trust: .*: may assume role /);
  });

  test("options as --name=value and -s <stack>", async () => {
    const run = await canI("default/app", "ssm:GetParameter", PARAMETER, "--as=kube-system/app", "-s", "dev");
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("sub system:serviceaccount:kube-system:app: may not assume role");
    const json = await canI("default/app", "xray:PutTraceSegments", "--context=aws:SourceVpc=vpc-1234", "--json");
    expect(JSON.parse(json.stdout).verdict).toBe("yes");
  });

  test("--as with --json: the account whose credentials were presented", async () => {
    const run = await canI("default/app", "ssm:GetParameter", PARAMETER, "--as", "kube-system/app", "--json");
    expect(JSON.parse(run.stdout)).toMatchObject({
      serviceAccount: "default/app",
      asServiceAccount: "kube-system/app",
      verdict: "no",
      reason: "its credentials cannot assume the role",
    });
  });

  test("--json: the same answer as one JSON object", async () => {
    const run = await canI("default/app", "ssm:GetParameter", PARAMETER, "--json");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      serviceAccount: "default/app",
      action: "ssm:GetParameter",
      resource: PARAMETER,
      role: expect.stringMatching(/^arn:aws:iam::123456789012:role\//),
      verdict: "yes",
      reason: "allowed by workload, Sid ReadOwnParameters",
    });
  });

  test("a resource with * asks whether some resource it covers is allowed (the engine's request wildcards)", async () => {
    const parameters = "arn:aws:ssm:us-east-1:123456789012:parameter";
    expect((await canI("default/app", "ssm:GetParameter", `${parameters}/default/*`)).code).toBe(0);
    expect((await canI("default/app", "ssm:GetParameter", `${parameters}/other/*`)).code).toBe(1);
  });

  test("--list: who may assume the role, and every action and resource its policies name, with the verdict", async () => {
    const run = await canI("default/app", "--list");
    expect(run.code).toBe(0);
    const [header, assumable, pods, ...rows] = run.stdout.split("\n");
    expect(header).toBe("default/app (annotation eks.amazonaws.com/role-arn) → role orders-stack-app@default");
    expect(assumable).toMatch(
      /^ {2}assumable by tokens of arn:aws:iam::123456789012:oidc-provider\/\S+: sub system:serviceaccount:default:app, aud sts\.amazonaws\.com$/,
    );
    expect(pods).toMatch(/^ {2}its pods: yes: /);
    expect(rows).toContain(
      "  yes     ssm:GetParametersByPath on arn:aws:ssm:*:123456789012:parameter/default/app/*  (workload, Sid ReadOwnParameters)",
    );
    expect(rows).toHaveLength(11);
  });

  test("--list --json: the same rows, as JSON", async () => {
    const run = await canI("default/app", "--list", "--json");
    expect(run.code).toBe(0);
    const listed = JSON.parse(run.stdout);
    expect(listed.serviceAccount).toBe("default/app");
    expect(listed.workloads).toHaveLength(1);
    expect(listed.workloads[0].role).toBe("arn:aws:iam::123456789012:role/orders-stack-app@default");
    expect(listed.workloads[0].rows).toContainEqual(
      expect.objectContaining({
        action: "xray:PutTraceSegments",
        resource: "*",
        policy: "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess",
        verdict: "yes",
      }),
    );
    expect(listed.workloads[0].rows).toHaveLength(11);
  });

  test("a service account the stack does not bind: no answer, exit 3, the bound ones listed", async () => {
    const run = await canI("default/other", "ssm:GetParameter");
    expect(run).toMatchObject({ code: 3, stdout: "" });
    expect(run.stderr).toBe(
      `${NO_STACK_FILE}\n` +
        "can-i failed: No service account default/other is bound to a role by this stack. " +
        "Bound service accounts: default/app.",
    );
  });
});

describe("a stack file of another account and region: the roles are made where its OIDC provider is", () => {
  const ACCOUNT = "111122223333";
  /** A folder holding Pulumi.dev.yaml with these keys (the project of stack/ is orders-stack). */
  const stackIn = (lines: string[]): string => {
    const dir = temporaryOutdir();
    writeFileSync(join(dir, "Pulumi.dev.yaml"), ["config:", ...lines.map((line) => `  ${line}`)].join("\n"));
    return dir;
  };
  const provider = (partition: string, account: string, host: string) =>
    `arn:${partition}:iam::${account}:oidc-provider/${host}/id/EXAMPLED539D4633E53DE1B71EXAMPLE`;

  test("yes, exit 0, for a parameter of that account; no for the mocks' placeholder account", async () => {
    const dir = stackIn([
      "aws:region: eu-west-1",
      `orders-stack:oidcProviderArn: ${provider("aws", ACCOUNT, "oidc.eks.eu-west-1.amazonaws.com")}`,
    ]);
    const parameter = (account: string) => `arn:aws:ssm:eu-west-1:${account}:parameter/default/app/x`;
    const yes = await canIIn(dir, "default/app", "ssm:GetParameter", parameter(ACCOUNT));
    expect(yes).toMatchObject({ code: 0, stderr: "" });
    expect(yes.stdout).toMatch(
      /^yes\n {2}allowed by workload, Sid ReadOwnParameters\n {2}trust: token of arn:aws:iam::111122223333:/,
    );
    const listed = JSON.parse((await canIIn(dir, "default/app", "--list", "--json")).stdout);
    expect(listed.workloads[0].role).toBe("arn:aws:iam::111122223333:role/orders-stack-app@default");
    expect((await canIIn(dir, "default/app", "ssm:GetParameter", parameter("123456789012"))).code).toBe(1);
  });

  test("a region of another partition: the stack's partition is that region's, as aws:index/getPartition answers", async () => {
    const dir = stackIn([
      "aws:region: cn-north-1",
      `orders-stack:oidcProviderArn: ${provider("aws-cn", ACCOUNT, "oidc.eks.cn-north-1.amazonaws.com.cn")}`,
    ]);
    const run = await canIIn(
      dir,
      "default/app",
      "ssm:GetParameter",
      `arn:aws-cn:ssm:cn-north-1:${ACCOUNT}:parameter/default/app/x`,
    );
    expect(run).toMatchObject({ code: 0, stderr: "" });
    const listed = JSON.parse((await canIIn(dir, "default/app", "--list", "--json")).stdout);
    expect(listed.workloads[0].role).toBe("arn:aws-cn:iam::111122223333:role/orders-stack-app@default");
  });

  test.each(["US-EAST-1", "eu-wst", "xx-east-1"])(
    "aws:region %s, which is no region code: no answer, exit 3, naming the file, the value and the fix",
    async (region) => {
      const run = await canIIn(stackIn([`aws:region: ${region}`]), "default/app", "ssm:GetParameter");
      expect(run).toMatchObject({ code: 3, stdout: "" });
      expect(run.stderr).toBe(
        `can-i failed: Pulumi.dev.yaml: aws:region "${region}" is not an AWS region code: write one as AWS lists ` +
          "them, in lower case, such as us-east-1 or eu-central-1 (`pulumi config set aws:region <region>`)",
      );
    },
  );
});

describe("the command line", () => {
  test("--help and -h print every option and the exit codes, exit 0", async () => {
    for (const flag of ["--help", "-h"]) {
      expect(await canI(flag)).toEqual({ code: 0, stdout: HELP, stderr: "" });
    }
    for (const option of [
      "--stack <name>, -s <name>",
      "--context <key>=<value>",
      "--as <namespace>/<name>",
      "--list",
      "--json",
    ]) {
      expect(HELP).toContain(`\n  ${option} `);
    }
    expect(HELP).toContain("Exit code: 0 yes (and for --list), 1 no, 2 unknown");
    expect(HELP.split("\n").slice(0, 2)).toEqual([
      "Usage: npx projen can-i <namespace>/<serviceaccount> <action> [<resource-arn>] [--stack <name>] " +
        "[--context <key>=<value>]... [--as <namespace>/<serviceaccount>] [--json]",
      "       npx projen can-i <namespace>/<serviceaccount> --list [--stack <name>] [--json]",
    ]);
  });

  test.each([
    [["default/app"], "Expected a service account, an action and at most one resource."],
    [
      ["default/app", "s3:GetObject", "arn:aws:s3:::b/k", "extra"],
      "Expected a service account, an action and at most one resource.",
    ],
    [["app", "s3:GetObject"], "service account app: expected <namespace>/<name>, e.g. default/app."],
    [["default/app", "GetObject"], "Action GetObject: expected <service>:<action>, e.g. s3:GetObject."],
    [["default/app", "s3:Get*"], "Action s3:Get*: name one action, without wildcards, e.g. s3:GetObject."],
    [["default/app", "s3:GetObject", "--as", "app"], "--as app: expected <namespace>/<name>, e.g. default/app."],
    [
      ["default/app", "s3:GetObject", "--context", "vpc"],
      "--context vpc: expected <key>=<value>, e.g. aws:SourceVpc=vpc-1234.",
    ],
    [["default/app", "s3:GetObject", "--as"], "--as needs a value."],
    [["default/app", "s3:GetObject", "--verbose"], "Unknown option --verbose."],
    [
      ["default/app", "s3:GetObject", "--list"],
      "--list takes a service account only, no action, resource, --as or --context.",
    ],
    [
      ["default/app", "--list", "--as", "kube-system/app"],
      "--list takes a service account only, no action, resource, --as or --context.",
    ],
    [[], "Expected a service account, an action and at most one resource."],
    [["a/b/c", "s3:GetObject"], "service account a/b/c: expected <namespace>/<name>, e.g. default/app."],
    [["default/app", "a:b:c"], "Action a:b:c: expected <service>:<action>, e.g. s3:GetObject."],
    [
      ["default/app", "s3:GetObject", "--context", "=vpc"],
      "--context =vpc: expected <key>=<value>, e.g. aws:SourceVpc=vpc-1234.",
    ],
    [
      ["default/app", "--list", "--context", "aws:SourceVpc=vpc-1"],
      "--list takes a service account only, no action, resource, --as or --context.",
    ],
  ])("%j: exit 3, what is wrong and the usage", async (args, message) => {
    const run = await canI(...args);
    expect(run).toMatchObject({ code: 3, stdout: "" });
    expect(run.stderr).toBe(`${message}\n${HELP.split("\n\n")[0]}`);
  });
});
