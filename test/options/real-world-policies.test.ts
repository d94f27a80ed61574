import type { PolicyStatementOptions } from "../../src";
import { AWS_DOCUMENTATION_STATEMENTS, type DocumentedStatement } from "../fixtures/aws-documentation-policies";
import { newProject } from "../project-fixture";

/** A statement in IAM's JSON grammar as the project type's options. */
function asOptions({ statement }: DocumentedStatement): PolicyStatementOptions {
  const list = (value: string | string[]) => (Array.isArray(value) ? value : [value]);
  return {
    sid: statement.Sid,
    effect: statement.Effect as PolicyStatementOptions["effect"],
    actions: list(statement.Action),
    resources: list(statement.Resource),
    conditions: Object.entries(statement.Condition ?? {}).flatMap(([test, keys]) =>
      Object.entries(keys).map(([variable, values]) => ({ test, variable, values: list(values) })),
    ),
  };
}

test("the fixture holds at least 20 statements from AWS's documentation, each with its page", () => {
  expect(AWS_DOCUMENTATION_STATEMENTS.length).toBeGreaterThanOrEqual(20);
  for (const { source } of AWS_DOCUMENTATION_STATEMENTS) {
    expect(source).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
  }
});

test.each(AWS_DOCUMENTATION_STATEMENTS.map((documented, i) => [i, documented.source, documented] as const))(
  "statement %i of %s is accepted",
  (_i, _source, documented) => {
    expect(() =>
      newProject({ serviceAccounts: [{ name: "api", namespace: "shop", policyStatements: [asOptions(documented)] }] }),
    ).not.toThrow();
  },
);

test("IAM's case-insensitive service prefixes and action names, wildcards that match and ARNs without an account are accepted", () => {
  const statement = {
    actions: ["S3:GetObject", "s3:getobject", "DynamoDB:Get*", "sqs:?eceiveMessage", "kms:*"],
    resources: [
      "arn:${partition}:s3:::invoices/*",
      "arn:aws:dynamodb:*:${accountId}:table/*",
      // AWS-owned: a public SSM parameter has no account.
      "arn:aws:ssm:us-east-1::parameter/aws/service/ami-amazon-linux-latest/*",
      "*",
    ],
  };
  expect(() =>
    newProject({ serviceAccounts: [{ name: "api", namespace: "shop", policyStatements: [statement] }] }),
  ).not.toThrow();
});
