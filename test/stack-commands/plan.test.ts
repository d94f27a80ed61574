/**
 * The stack's `npx projen plan` (stack/test/plan.ts): its command line, and what it prints of this repository's
 * default stack (stack/), with the Pulumi.yaml and Pulumi.dev.yaml a default synth writes.
 */
import { writeFileSync } from "fs";
import { join } from "path";
import { Testing } from "projen";
import { freshRun, type Printer } from "./fresh-run";
import { newProject, temporaryOutdir } from "../project-fixture";

/** What stack/test/plan.ts exports, loaded by path (why: ./can-i-command.ts). */
interface PlanCommand {
  HELP: string;
  planArguments(args: string[]): "help" | "plan";
  plan(args: string[], out: Printer, dir: string): Promise<void>;
}
const COMMAND = "../../stack/test/plan";
const { HELP, planArguments } = jest.requireActual<PlanCommand>(COMMAND);

test.each([[[]], [["--stack", "prod"]], [["-s", "prod"]], [["--stack=prod"]]])("%j: plans a stack", (args) => {
  expect(planArguments(args)).toBe("plan");
});

test("--help and -h: the usage, whatever else is given", () => {
  expect(planArguments(["--help"])).toBe("help");
  expect(planArguments(["--stack", "prod", "-h"])).toBe("help");
  expect(HELP).toMatch(/^Usage: npx projen plan \[--stack <name>\]\n/);
});

test.each([
  [["--stak", "prod"], "--stak"],
  [["prod"], "prod"],
  [["--stack", "prod", "--json"], "--json"],
])("%j: refused, naming the argument, rather than a plan of another stack", (args, wrong) => {
  expect(() => planArguments(args)).toThrow(
    `Unknown argument ${wrong}: npx projen plan takes only --stack <name> (or --help).`,
  );
});

/**
 * `npx projen plan <args>` in a folder holding a default stack's Pulumi.yaml and Pulumi.dev.yaml, and `stackFiles`:
 * what it printed.
 */
async function runPlan(args: string[], stackFiles: Record<string, string> = {}): Promise<string> {
  const files = Testing.synth(newProject());
  const dir = temporaryOutdir();
  for (const file of ["Pulumi.yaml", "Pulumi.dev.yaml"]) writeFileSync(join(dir, file), files[file]);
  for (const [file, content] of Object.entries(stackFiles)) writeFileSync(join(dir, file), content);
  const { stdout, stderr } = await freshRun((out) => jest.requireActual<PlanCommand>(COMMAND).plan(args, out, dir));
  expect(stderr).toBe("");
  return stdout;
}

test("--help prints the usage, and no plan", async () => {
  expect(await runPlan(["--help"])).toBe(HELP);
});

describe("the plan of a default stack", () => {
  let printed: string;
  beforeAll(async () => {
    printed = await runPlan(["--stack", "dev"]);
  });

  test("the stack config: Pulumi.dev.yaml's values, placeholders for the required keys it leaves unset", () => {
    expect(printed).toMatch(
      /^Offline plan of stack "dev" \(orders-stack\): src\/index\.ts under test\/pulumi-mocks\.ts\.\n/,
    );
    expect(printed).toContain("\nStack config:\n  oidcProviderArn: arn:aws:iam::123456789012:oidc-provider/");
    expect(printed).toContain("(placeholder: not set in Pulumi.dev.yaml)");
  });

  test("each resource with its dependencies, the trust policy pinning audience and subject", () => {
    expect(printed).toMatch(/\nResources \(\d+\), in the order they were registered:\n/);
    expect(printed).toMatch(
      /\nkubernetes:core\/v1:ServiceAccountPatch default\/app\n {2}depends on: .*aws:iam\/role:Role default\/app/,
    );
    const trust = /\naws:iam\/role:Role default\/app\n.*\n {2}trust policy:\n((?: {4}.*\n)+)/.exec(printed)?.[1];
    expect(JSON.parse(trust ?? "null")).toMatchObject({
      Statement: [
        {
          Action: "sts:AssumeRoleWithWebIdentity",
          Condition: {
            StringEquals: {
              "oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:aud": "sts.amazonaws.com",
              "oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:sub":
                "system:serviceaccount:default:app",
            },
          },
        },
      ],
    });
    expect(printed).toContain("kind: Deployment");
  });

  test("the inline policy's document, the managed policy's ARN, and no provider's inputs (the kubeconfig)", () => {
    const inline = /\naws:iam\/rolePolicy:RolePolicy default\/app\n.*\n {2}policy:\n((?: {4}.*\n)+)/.exec(printed)?.[1];
    expect(JSON.parse(inline ?? "null").Statement[0]).toMatchObject({ Sid: "ReadOwnParameters", Effect: "Allow" });
    expect(printed).toMatch(
      /\naws:iam\/rolePolicyAttachment:RolePolicyAttachment \S+\n.*\n {2}policy ARN: arn:aws:iam::aws:policy\/AWSXRayDaemonWriteAccess\n/,
    );
    expect(printed).toMatch(/\npulumi:providers:kubernetes eks\n {2}depends on: [^\n]*\n\n/);
    expect(printed).not.toContain("kind: Config");
  });

  test("the stack outputs, then the access matrix: who may assume each role, and a verdict per action", () => {
    const outputs = printed.split("\nStack outputs:\n")[1];
    expect(outputs).toContain(
      '\n  roleArns: {\n    "default/app": "arn:aws:iam::123456789012:role/orders-stack-app@default"\n',
    );
    expect(outputs).toContain('\n  serviceAccounts: [\n    "default/app"\n  ]\n');
    const matrix = printed.split("\nAccess matrix (yes / no / unknown for a pod of each service account;")[1];
    expect(matrix).toContain("\ndefault/app (annotation eks.amazonaws.com/role-arn) → role orders-stack-app@default\n");
    expect(matrix).toContain("\n  its pods: yes: token of arn:aws:iam::123456789012:oidc-provider/");
    expect(matrix).toContain(
      "\n  yes     ssm:GetParameter on arn:aws:ssm:*:123456789012:parameter/default/app/*  (workload, Sid ReadOwnParameters)\n",
    );
    expect(matrix).toContain(
      "\n  yes     xray:PutTraceSegments on *  (arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess, Sid AWSXRayDaemonWriteAccess)",
    );
  });
});

test("a stack file's values, other keys and encrypted keys, each said where they come from", async () => {
  const stackFile = [
    "config:",
    "  orders-stack:oidcProviderArn: arn:aws:iam::210987654321:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/0A1B2C",
    "  orders-stack:additionalOidcProviderArns:",
    "    - arn:aws:iam::210987654321:oidc-provider/oidc.eks.eu-west-2.amazonaws.com/id/3D4E5F",
    "  orders-stack:kubeconfig:",
    "    secure: v1:AAAAAAAAAAAAAAAA:BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB",
    // A key of Pod Identity stacks, which this IRSA stack's Pulumi.yaml does not declare.
    "  orders-stack:clusterName: orders",
    "  aws:region: eu-west-1",
    "",
  ].join("\n");
  // A fully qualified stack name: the same stack, whose file and role names use its last part.
  const printed = await runPlan(["--stack", "acme/prod"], { "Pulumi.prod.yaml": stackFile });
  expect(printed).toMatch(/^Offline plan of stack "prod" /);
  // The roles are made in the account of the stack's OIDC provider, in the region of aws:region.
  expect(printed).toContain("are mocked (account 210987654321, region eu-west-1).");
  expect(printed).toContain("eks.amazonaws.com/role-arn: arn:aws:iam::210987654321:role/orders-stack-app@default@prod");
  expect(printed).toContain(
    "\nStack config:\n  oidcProviderArn: arn:aws:iam::210987654321:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/0A1B2C " +
      "(from Pulumi.prod.yaml)\n",
  );
  expect(printed).toContain("\n  also from Pulumi.prod.yaml: additionalOidcProviderArns\n");
  expect(printed).toContain(
    "\n  also in Pulumi.prod.yaml, not declared in Pulumi.yaml, so no identity of this stack reads it (your own code " +
      "may): clusterName\n",
  );
  expect(printed).toContain("\n  encrypted in Pulumi.prod.yaml, so placeholders where needed: kubeconfig\n");
  // As stack prod: its role name, and both providers trusted.
  expect(printed).toContain(
    "\ndefault/app (annotation eks.amazonaws.com/role-arn) → role orders-stack-app@default@prod\n",
  );
  expect(printed).toContain('"oidc.eks.eu-west-2.amazonaws.com/id/3D4E5F:sub": "system:serviceaccount:default:app"');
  expect(printed).not.toContain("BBBBBBBB");
});

test("a stack file that is not valid YAML: the plan fails naming the file", async () => {
  await expect(runPlan(["--stack", "prod"], { "Pulumi.prod.yaml": "config:\n  a: [unclosed\n" })).rejects.toThrow(
    /Pulumi\.prod\.yaml is not valid YAML: /,
  );
});

test("an aws:region that is no region code: the plan fails naming the file, the value and the fix", async () => {
  await expect(
    runPlan(["--stack", "prod"], { "Pulumi.prod.yaml": "config:\n  aws:region: Eu-West-1\n" }),
  ).rejects.toThrow(
    'Pulumi.prod.yaml: aws:region "Eu-West-1" is not an AWS region code: write one as AWS lists them, in lower case',
  );
});

test("keys the program never reads are pointed out: misspelled, or without the project's namespace", async () => {
  const arn = "arn:aws:iam::210987654321:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/0A1B2C";
  const stackFile = ["config:", `  orders-stack:oidcProviderARN: ${arn}`, `  oidcProviderArn: ${arn}`, ""].join("\n");
  const printed = await runPlan(["--stack", "prod"], { "Pulumi.prod.yaml": stackFile });
  // Neither value is used: the placeholder stands in.
  expect(printed).toContain("\n  oidcProviderArn: arn:aws:iam::123456789012:oidc-provider/");
  expect(printed).toContain(
    "\n  note: orders-stack:oidcProviderARN is not a key of Pulumi.yaml: did you mean orders-stack:oidcProviderArn? " +
      "(keys are case-sensitive)\n",
  );
  expect(printed).toContain(
    "\n  note: oidcProviderArn in Pulumi.prod.yaml has no namespace: write orders-stack:oidcProviderArn, as " +
      "`pulumi config set oidcProviderArn <value>` does (plan and can-i read only namespaced keys)\n",
  );
});

test("a stack file of a region in another partition, its OIDC provider still unset: planned there, with a placeholder in that partition", async () => {
  const printed = await runPlan(["--stack", "prod"], { "Pulumi.prod.yaml": "config:\n  aws:region: cn-north-1\n" });
  expect(printed).toContain("are mocked (account 123456789012, region cn-north-1).");
  expect(printed).toMatch(
    /\n {2}oidcProviderArn: arn:aws-cn:iam::123456789012:oidc-provider\/\S+ \(placeholder: not set in Pulumi\.prod\.yaml\)\n/,
  );
  expect(printed).toContain(
    "eks.amazonaws.com/role-arn: arn:aws-cn:iam::123456789012:role/orders-stack-app@default@prod",
  );
});
