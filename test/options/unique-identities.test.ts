import { problemsOf as problemsOfOptions } from "./problems-of";
import { IdentityType, type ServiceAccountOptions } from "../../src";

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

describe("one Pod Identity association per service account", () => {
  const pods = (serviceAccounts: ServiceAccountOptions[]) =>
    problemsOfOptions({ identityType: IdentityType.POD_IDENTITY, serviceAccounts });

  test("an additional account listed twice, the entry's own, or another entry's: refused where it repeats", () => {
    expect(
      pods([
        {
          name: "app",
          namespace: "default",
          additionalServiceAccounts: [
            { namespace: "jobs", name: "worker" },
            { namespace: "jobs", name: "worker" },
            { namespace: "default", name: "app" },
          ],
        },
        { name: "cross", namespace: "billing", additionalServiceAccounts: [{ namespace: "jobs", name: "worker" }] },
      ]),
    ).toEqual([
      "serviceAccounts[0].additionalServiceAccounts[1]: service account jobs/worker is already bound by a Pod Identity association (serviceAccounts[0].additionalServiceAccounts[0]); EKS allows one association per service account, so list it once.",
      "serviceAccounts[0].additionalServiceAccounts[2]: service account default/app is already bound by a Pod Identity association (serviceAccounts[0].name); EKS allows one association per service account, so list it once.",
      "serviceAccounts[1].additionalServiceAccounts[0]: service account jobs/worker is already bound by a Pod Identity association (serviceAccounts[0].additionalServiceAccounts[0]); EKS allows one association per service account, so list it once.",
    ]);
  });

  test("an entry's own account that another entry lists as additional: refused on the entry", () => {
    expect(
      pods([
        { name: "app", namespace: "default", additionalServiceAccounts: [{ namespace: "billing", name: "cross" }] },
        { name: "cross", namespace: "billing" },
      ]),
    ).toEqual([
      "serviceAccounts[1].name: service account billing/cross is already bound by a Pod Identity association (serviceAccounts[0].additionalServiceAccounts[0]); EKS allows one association per service account, so list it once.",
    ]);
  });

  test("IRSA trusts may share an account: roles trust tokens, nothing is associated", () => {
    expect(
      problemsOfOptions({
        serviceAccounts: [
          { name: "app", namespace: "default", additionalServiceAccounts: [{ namespace: "jobs", name: "worker" }] },
          { name: "cross", namespace: "billing", additionalServiceAccounts: [{ namespace: "jobs", name: "worker" }] },
        ],
      }),
    ).toEqual([]);
  });
});
