import { problemsOf as problemsOfOptions } from "./problems-of";
import type { ServiceAccountOptions } from "../../src";

// src/options/rules/unique-identities.ts: each service account declared once, each created role named once.

const problemsOf = (serviceAccounts: ServiceAccountOptions[]) => problemsOfOptions({ serviceAccounts });

test("entries may share an existing role: the stack creates no role to name twice", () => {
  const existingRoleArn = "arn:aws:iam::123456789012:role/orders-shared";
  expect(
    problemsOf([
      { name: "api", namespace: "shop", existingRoleArn },
      { name: "web", namespace: "shop", existingRoleArn },
    ]),
  ).toEqual([]);
});

test("a role name taken twice is reported against the entry that took it first", () => {
  expect(
    problemsOf([
      { name: "api", namespace: "shop", roleName: "shared" },
      { name: "api", namespace: "shop", roleName: "shared" },
      { name: "web", namespace: "shop", roleName: "Shared" },
    ]),
  ).toEqual([
    "serviceAccounts[1].name: service account shop/api is already declared by serviceAccounts[0]; declare each service account once (to share a role, use additionalServiceAccounts).",
    'serviceAccounts[2].roleName: role name "Shared" is already used by serviceAccounts[0].roleName; IAM role names are unique per account, ignoring case; give one of them another roleName.',
  ]);
});
