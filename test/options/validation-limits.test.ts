import { problemsOf } from "./problems-of";
import type { EksIrsaProjectOptions, ServiceAccountOptions } from "../../src";
import { INLINE_POLICIES_QUOTA, inlinePolicyLengths } from "../../src/options/inline-policies-size";
import { resolveStackSettings } from "../../src/options/resolve-stack-settings";
import { estimateTrustPolicyLength } from "../../src/options/trust-policy-size";
import { validatedSettings } from "../../src/options/validation";

// The rules' limits, from both sides: test/bad-inputs.ts has one case past each limit, these pin where it lies.

/** The problems of one service account entry with these fields. */
const problemsOfEntry = (fields: Partial<ServiceAccountOptions>) =>
  problemsOf({ serviceAccounts: [{ name: "api", namespace: "shop", ...fields }] });

describe("accepted at the limit", () => {
  test.each<[string, Partial<ServiceAccountOptions>]>([
    ["a role name of 64 characters", { roleName: "r".repeat(64) }],
    ["a role path of 512 characters", { rolePath: `/${"p".repeat(510)}/` }],
    ["sessions of one hour", { maxSessionDuration: 3600 }],
    ["sessions of 12 hours", { maxSessionDuration: 43200 }],
    ["tokens of one hour", { tokenExpirationSeconds: 3600 }],
    ["tokens of a day", { tokenExpirationSeconds: 86400 }],
    ["a service account name of 253 characters", { name: "a".repeat(253) }],
    ["a namespace of 63 characters", { namespace: "n".repeat(63) }],
    [
      "denying every action on every resource",
      { policyStatements: [{ effect: "Deny" as never, actions: ["*"], resources: ["*"] }] },
    ],
    [
      "allowing every action on one resource",
      { policyStatements: [{ actions: ["*"], resources: ["arn:aws:s3:::b"] }] },
    ],
    [
      "a resource ARN whose service is a pattern",
      { policyStatements: [{ actions: ["s3:GetObject"], resources: ["arn:aws:s3*:::invoices/*"] }] },
    ],
    ["role tag keys of 1 and of 128 characters", { tags: { k: "v", ["k".repeat(128)]: "v" } }],
    ["a role tag value of 256 characters", { tags: { note: "n".repeat(256) } }],
    [
      "labels: a value of 63 characters, an empty value, keys with capitals, a 253-character prefix, a 63-character name",
      {
        labels: {
          team: "v".repeat(63),
          Tier: "",
          [`${"p".repeat(253)}/${"n".repeat(63)}`]: "x",
        },
      },
    ],
    ["annotations of 256 KiB in all", { annotations: { note: "n".repeat(256 * 1024 - 4) } }],
    ["50 role tags", { tags: Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`tag${i}`, "x"])) }],
    ['a role tag key with "aws:" past its start', { tags: { "example.com:aws:owner": "data" } }],
    [
      "condition keys: global, of a service, in any case, with a tag name, and of a prefix outside IAM's catalog",
      {
        policyStatements: [
          {
            actions: ["s3:GetObject"],
            resources: ["*"],
            conditions: [
              "aws:SourceVpce",
              "s3:prefix",
              "AWS:sourcevpce",
              // The catalog writes the tag name as ${TagKey}, <key>, tag-key, or nothing after the slash.
              "aws:PrincipalTag/team",
              "s3:ExistingObjectTag/team",
              "glacier:ResourceTag/team",
              "saml:aud",
            ].map((variable) => ({
              test: "StringEquals",
              variable,
              values: ["x"],
            })),
          },
        ],
      },
    ],
    [
      "an example Deployment image of 255 characters",
      { exampleDeployment: true, exampleDeploymentImage: "a".repeat(255) },
    ],
    [
      "action patterns with ? for one character, and consecutive wildcards",
      { policyStatements: [{ actions: ["s3:Get?bject", "s3:List**"], resources: ["*"] }] },
    ],
    [
      "allowing one action on every resource",
      { policyStatements: [{ actions: ["s3:ListAllMyBuckets"], resources: ["*"] }] },
    ],
  ])("%s", (_limit, fields) => {
    expect(problemsOfEntry(fields)).toEqual([]);
  });

  test("a role name prefix of 32 characters from IAM's alphabet", () => {
    expect(problemsOf({ roleNamePrefix: "Team_a+b=c,d.e@f-0123456789abcde" })).toEqual([]);
    expect(problemsOf({ roleNamePrefix: "p".repeat(33) })).toEqual([
      `roleNamePrefix: "${"p".repeat(33)}" cannot start an IAM role name; use at most 32 letters, digits or '+=,.@_-'.`,
    ]);
  });

  test("a trust policy of exactly 2048 characters, and refused at 2049", () => {
    const entry = (nameLength: number): ServiceAccountOptions => ({
      name: "api",
      namespace: "shop",
      additionalServiceAccounts: [
        ...Array.from({ length: 36 }, (_, i) => ({ name: `worker-${i}`, namespace: "batch" })),
        { name: "w".repeat(nameLength), namespace: "batch" },
      ],
    });
    const length = (nameLength: number) =>
      estimateTrustPolicyLength(
        resolveStackSettings({ name: "o", defaultReleaseBranch: "main", serviceAccounts: [entry(nameLength)] })
          .serviceAccounts[0],
      );
    const fits = Array.from({ length: 200 }, (_, n) => n + 1).find((n) => length(n) === 2048)!;
    expect(fits).toBeDefined();
    expect(problemsOf({ serviceAccounts: [entry(fits)] })).toEqual([]);
    expect(problemsOf({ serviceAccounts: [entry(fits + 1)] })).toEqual([
      "serviceAccounts[0].additionalServiceAccounts: the role's trust policy would be about 2049 characters, over IAM's quota \"Role trust policy length\" (2048 characters by default); trust fewer service accounts per role, or raise the quota in Service Quotas first.",
    ]);
  });

  test("inline policies of exactly 10,240 characters together, and refused at 10,241", () => {
    // 40 resources; the first is padded until the role's one inline policy is exactly at the quota.
    const entry = (padding: number): ServiceAccountOptions => ({
      name: "api",
      namespace: "shop",
      policyStatements: [
        {
          actions: ["ssm:GetParameter"],
          resources: Array.from(
            { length: 40 },
            (_, i) => `arn:\${partition}:ssm:eu-west-1:\${accountId}:parameter/p${i}/`,
          ).map((arn, i) => (i === 0 ? `${arn}${"x".repeat(padding)}` : `${arn}${"x".repeat(190)}`)),
        },
      ],
    });
    const total = (padding: number) =>
      inlinePolicyLengths(
        resolveStackSettings({ name: "o", defaultReleaseBranch: "main", serviceAccounts: [entry(padding)] })
          .serviceAccounts[0],
      ).reduce((sum, policy) => sum + policy.length, 0);
    const fits = Array.from({ length: 2000 }, (_, n) => n).find((n) => total(n) === INLINE_POLICIES_QUOTA)!;
    expect(fits).toBeDefined();
    expect(problemsOf({ serviceAccounts: [entry(fits)] })).toEqual([]);
    expect(problemsOf({ serviceAccounts: [entry(fits + 1)] })).toEqual([
      expect.stringMatching(/^serviceAccounts\[0\]\.policyStatements: .* would hold about 10241 characters /),
    ]);
  });
});

describe("refused", () => {
  test.each<[string, Partial<ServiceAccountOptions>, string]>([
    [
      "sessions of a fractional second",
      { maxSessionDuration: 3600.5 },
      "maxSessionDuration: 3600.5 is not a whole number of seconds",
    ],
    ["sessions just over 12 hours", { maxSessionDuration: 43201 }, "maxSessionDuration: 43201 is out of range"],
    [
      "tokens of a fractional second",
      { tokenExpirationSeconds: 3600.5 },
      "tokenExpirationSeconds: 3600.5 is not a whole number of seconds",
    ],
    [
      "a service account name of 254 characters",
      { name: "a".repeat(254) },
      "is not a valid Kubernetes service account name",
    ],
    ["a namespace of 64 characters", { namespace: "n".repeat(64) }, "is not a valid Kubernetes namespace"],
  ])("%s", (_limit, fields, problem) => {
    const problems = problemsOfEntry(fields);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(problem);
  });

  test("namespace together with serviceAccounts", () => {
    expect(problemsOf({ namespace: "shop", serviceAccounts: [{ name: "api", namespace: "shop" }] })).toEqual([
      "serviceAccountName/namespace: they describe the single service account of a stack without `serviceAccounts`; with `serviceAccounts` set, move them into an entry of it.",
    ]);
  });

  test("the same service account twice under one role name is one problem, not two", () => {
    const twice = { name: "api", namespace: "shop", roleName: "shared" };
    expect(problemsOf({ serviceAccounts: [twice, twice] })).toEqual([
      "serviceAccounts[1].name: service account shop/api is already declared by serviceAccounts[0]; declare each service account once (to share a role, use additionalServiceAccounts).",
    ]);
  });

  test("a role name used three times names its first use each time", () => {
    const problems = problemsOf({
      serviceAccounts: ["a", "b", "c"].map((name) => ({ name, namespace: "shop", roleName: "shared" })),
    });
    expect(problems).toEqual(
      [1, 2].map(
        (i) =>
          `serviceAccounts[${i}].roleName: role name "shared" is already used by serviceAccounts[0].roleName; IAM role names are unique per account, ignoring case; give one of them another roleName.`,
      ),
    );
  });
});

describe("the error", () => {
  test("counts one problem in the singular, and lists each problem on its own line", () => {
    const options: EksIrsaProjectOptions = { name: "orders-stack", defaultReleaseBranch: "main", region: "mars" };
    expect(() => validatedSettings(options)).toThrow(
      new Error(
        "eks-irsa-template: 1 problem in the project options; nothing was written:\n" +
          '  - region: "mars" is not an AWS region code; use one such as us-east-1 or eu-central-1.',
      ),
    );
  });

  test("valid options raise nothing", () => {
    const options: EksIrsaProjectOptions = { name: "orders-stack", defaultReleaseBranch: "main" };
    expect(() => validatedSettings(options)).not.toThrow();
  });
});

describe("refused just past the limit", () => {
  test.each<[string, Record<string, string>, string]>([
    ["a label value of 64 characters", { team: "v".repeat(64) }, "is not a valid label value"],
    ["a label key whose name is 64 characters", { [`example.com/${"n".repeat(64)}`]: "x" }, "is not a valid label key"],
    ["a label key whose prefix is 254 characters", { [`${"p".repeat(254)}/team`]: "x" }, "is not a valid label key"],
    ["a label key with an empty prefix", { "/team": "x" }, "is not a valid label key"],
  ])("%s", (_limit, labels, rule) => {
    expect(problemsOfEntry({ labels })).toEqual([expect.stringContaining(rule)]);
  });

  test("annotations of 256 KiB and one byte", () => {
    expect(problemsOfEntry({ annotations: { note: "n".repeat(256 * 1024 - 3) } })).toEqual([
      "serviceAccounts[0].annotations: the annotations are 262145 bytes; Kubernetes allows 262144 in all, so move large data elsewhere (a ConfigMap).",
    ]);
  });
});
