import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { AWS_DOCUMENTATION_STATEMENTS } from "../fixtures/aws-documentation-policies";
import { asStatementOptions, type IamJsonStatement } from "../fixtures/iam-json";
import { newProject } from "../project-fixture";

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
      newProject({
        serviceAccounts: [
          { name: "api", namespace: "shop", policyStatements: [asStatementOptions(documented.statement)] },
        ],
      }),
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

describe("the add-on catalog's published policies (stack/src/addon-policies) pass the same rules", () => {
  const dir = join(__dirname, "..", "..", "stack", "src", "addon-policies");
  const documents = readdirSync(dir).filter((file) => file.endsWith(".json"));

  test("the catalog is there", () => {
    expect(documents.length).toBeGreaterThanOrEqual(10);
  });

  test.each(documents)("%s", (file) => {
    // A CloudFormation reference stands for the resource where the stack puts an option's ARN.
    const text = readFileSync(join(dir, file), "utf-8").replace(
      "${KarpenterInterruptionQueue.Arn}",
      "arn:aws:sqs:us-west-2:111122223333:karpenter-orders",
    );
    const document = JSON.parse(text);
    const statements: IamJsonStatement[] = document.Statement ? [document.Statement].flat() : [document];
    const policyStatements = statements.map(asStatementOptions);
    expect(() =>
      newProject({ serviceAccounts: [{ name: "addon", namespace: "kube-system", policyStatements }] }),
    ).not.toThrow();
  });
});
