import { problemsOf } from "./problems-of";
import { IdentityType } from "../../src";
import { PARTITION_NAMES } from "../../src/options/iam/partitions";

// src/options/rules/role-source.ts and pod-identity-options.ts: a role the stack binds or targets, in any partition.

test.each(PARTITION_NAMES)("an existing role and a target role in the %s partition are accepted", (partition) => {
  expect(
    problemsOf({
      serviceAccounts: [
        { name: "api", namespace: "shop", existingRoleArn: `arn:${partition}:iam::123456789012:role/orders-api` },
        {
          name: "worker",
          namespace: "shop",
          identityType: IdentityType.POD_IDENTITY,
          targetRoleArn: `arn:${partition}:iam::210987654321:role/workloads/orders-worker`,
        },
      ],
    }),
  ).toEqual([]);
});

test("a partition AWS does not have is refused, naming the option and the expected shape", () => {
  expect(
    problemsOf({
      serviceAccounts: [
        { name: "api", namespace: "shop", existingRoleArn: "arn:aws-moon:iam::123456789012:role/orders-api" },
      ],
    }),
  ).toEqual([
    'serviceAccounts[0].existingRoleArn: "arn:aws-moon:iam::123456789012:role/orders-api" is not an IAM role ARN; expected arn:<partition>:iam::<account>:role/<path><name>, for example arn:aws:iam::123456789012:role/orders-api.',
  ]);
});
