/**
 * The example Deployment's container script (stack/src/example-deployment.ts), run by a real POSIX shell with a
 * stand-in `aws` that prints a given caller identity and a stand-in `sleep`: it stays up for a session of the expected
 * role, and fails, saying why, for anything else.
 */
import { spawnSync } from "child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import {
  EXPECTED_ACCOUNT_VARIABLE,
  EXPECTED_ROLE_VARIABLE,
  IDENTITY_CHECK_SCRIPT,
} from "../../stack/src/example-deployment";

let bin: string;
beforeAll(() => {
  bin = mkdtempSync(join(tmpdir(), "eks-irsa-identity-check-"));
  // `aws sts get-caller-identity --query Arn --output text` prints $CALLER_ARN, or fails without credentials.
  writeFileSync(
    join(bin, "aws"),
    '#!/bin/sh\n[ -n "$CALLER_ARN" ] || { echo "Unable to locate credentials" >&2; exit 253; }\necho "$CALLER_ARN"\n',
  );
  // `exec sleep infinity`: ends at once, saying it was reached.
  writeFileSync(join(bin, "sleep"), '#!/bin/sh\necho "sleeping $1"\n');
  for (const tool of ["aws", "sleep"]) chmodSync(join(bin, tool), 0o755);
});
afterAll(() => rmSync(bin, { recursive: true, force: true }));

function run(callerArn: string, expectedRole = "orders-api@shop", expectedAccount = "123456789012") {
  const result = spawnSync("/bin/sh", ["-c", IDENTITY_CHECK_SCRIPT], {
    env: {
      PATH: `${bin}:/usr/bin:/bin`,
      CALLER_ARN: callerArn,
      [EXPECTED_ROLE_VARIABLE]: expectedRole,
      [EXPECTED_ACCOUNT_VARIABLE]: expectedAccount,
    },
    encoding: "utf-8",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test("a session of the expected role: printed, then the pod stays up", () => {
  const arn = "arn:aws:sts::123456789012:assumed-role/orders-api@shop/botocore-session-1700000000";
  expect(run(arn)).toEqual({ code: 0, stdout: `${arn}\nsleeping infinity\n`, stderr: "" });
  // Pod Identity names its sessions after the pod; another partition's ARN has the same shape.
  expect(run("arn:aws-cn:sts::123456789012:assumed-role/orders-api@shop/eks-prod-api-5d9f-abc").code).toBe(0);
});

test.each([
  ["the node's role", "arn:aws:sts::123456789012:assumed-role/eks-node-group-role/i-0abc"],
  ["a role whose name starts like it", "arn:aws:sts::123456789012:assumed-role/orders-api@shop-admin/session"],
  ["a user, not a role session", "arn:aws:iam::123456789012:user/orders-api@shop"],
  ["a role of the same name in another account", "arn:aws:sts::999988887777:assumed-role/orders-api@shop/session"],
])("%s: fails, saying which role it expected", (_, arn) => {
  expect(run(arn)).toEqual({
    code: 1,
    stdout: `${arn}\n`,
    stderr:
      "expected a session of role orders-api@shop of account 123456789012: this pod did not get the role's credentials\n",
  });
});

test("no credentials at all: fails with the CLI's own error", () => {
  expect(run("")).toMatchObject({ code: 1, stderr: "Unable to locate credentials\n" });
});
