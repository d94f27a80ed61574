import { projenNewArguments, readmeCommands } from "./readme-commands";
import { registryWithRelease, StackWorkspace } from "./workspace";
import { STACK_VARIANTS } from "../../scripts/stack-variants";
import { toTypeScriptLiteral } from "../../src/rendering/typescript-literal";

/**
 * The README's quick start, literally: this package, packed as npm publishes it, is served by a
 * registry on loopback, and `npx projen new --from eks-irsa-template` (no version, no path)
 * scaffolds a stack whose build passes. Then what only a real stack shows: the offline plan,
 * a synth that changes nothing, user files kept, bad options refused, options changed.
 */
jest.setTimeout(15 * 60 * 1000);

const { temp, registry } = registryWithRelease();
let stack: StackWorkspace;

test("the README's quick start scaffolds a stack from the registry whose build passes", () => {
  const [makeFolder, projenNew, build, commitRecord] = readmeCommands("Quick start");
  expect(makeFolder).toBe("mkdir orders-stack && cd orders-stack");
  const { from, flags } = projenNewArguments(projenNew);
  expect(from).toBe("eks-irsa-template");

  stack = StackWorkspace.scaffold(temp, registry(), from, flags);

  // The flags of `projen new` reach .projenrc.ts and the stack.
  const projenrc = stack.read(".projenrc.ts");
  expect(projenrc).toContain('serviceAccountName: "orders-api"');
  expect(projenrc).toContain('namespace: "shop"');
  expect(stack.read("src/settings.ts")).toContain('name: "orders-api"');
  // projen new lists this type's other options as commented examples (they are marked @featured).
  for (const option of [
    "serviceAccounts",
    "stackName",
    "region",
    "identityType",
    "oidcProviderSource",
    "roleNamePrefix",
    "podIdentityAgent",
  ]) {
    expect(projenrc).toMatch(new RegExp(`^ {2}// ${option}: .*/\\* `, "m"));
  }
  // Installed from the registry, under its version: no path, no tarball.
  expect(JSON.parse(stack.read("package.json")).devDependencies["eks-irsa-template"]).toBe("^0.1.0");
  expect(stack.read("package-lock.json")).toContain(`${registry().url}eks-irsa-template/-/eks-irsa-template-0.1.0.tgz`);

  expect(build).toBe("npx projen build");
  stack.run("npx", ["projen", "build"]);
  // The first build records the stack's resources (outside CI), which the block then commits.
  expect(stack.exists("resource-identities.json")).toBe(true);
  expect(commitRecord).toMatch(/^git add resource-identities\.json && git commit /);
});

test("`npx projen plan` prints the resources, their dependencies, the trust policy and the access matrix, offline", () => {
  const plan = stack.projen("plan");
  expect(plan).toContain("aws:iam/role:Role shop/orders-api");
  expect(plan).toMatch(
    /kubernetes:core\/v1:ServiceAccountPatch shop\/orders-api\n {2}depends on: .*aws:iam\/role:Role shop\/orders-api/,
  );
  expect(plan).toContain('"Action": "sts:AssumeRoleWithWebIdentity"');
  expect(plan).toContain('"system:serviceaccount:shop:orders-api"');
  expect(plan).toContain("kind: Deployment");
  // The access matrix, evaluated by the IAM engine installed in the stack.
  expect(plan).toContain(
    "\nshop/orders-api (annotation eks.amazonaws.com/role-arn) → role orders-stack-orders-api@shop\n",
  );
  expect(plan).toMatch(
    /\n {2}yes {5}ssm:GetParameter on \S+:parameter\/shop\/orders-api\/\* {2}\(workload, Sid ReadOwnParameters\)\n/,
  );
});

test("`npx projen can-i` answers offline: yes exits 0, no exits 1, a managed policy's action names the policy", () => {
  const parameter = "arn:aws:ssm:us-east-1:123456789012:parameter/shop/orders-api/x";
  const yes = stack.attemptProjen("can-i", "shop/orders-api", "ssm:GetParameter", parameter);
  expect(yes.status).toBe(0);
  // The stack's Pulumi.dev.yaml is read: no note about placeholders.
  expect(yes.stderr).not.toContain("not found");
  expect(yes.stdout).toMatch(
    /^yes\n {2}allowed by workload, Sid ReadOwnParameters\n {2}trust: token of .* may assume role /,
  );
  const no = stack.attemptProjen("can-i", "shop/orders-api", "ssm:PutParameter", parameter);
  expect(no.status).toBe(1);
  expect(no.stdout).toMatch(/^no\n {2}implicitly denied: no identity policy allows it\n/);
  // `*` reaches the script as typed: the task passes its arguments on without a shell, which would glob it.
  const managed = stack.attemptProjen("can-i", "shop/orders-api", "xray:PutTraceSegments", "*");
  expect(managed.status).toBe(0);
  expect(managed.stdout).toMatch(/^yes\n {2}allowed by arn:aws:iam::aws:policy\/AWSXRayDaemonWriteAccess, /);
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
    projenrc
      .replace('serviceAccountName: "orders-api"', 'serviceAccountName: "Orders_API"')
      .replace("new EksIrsaProject({", 'new EksIrsaProject({\n  region: "Frankfurt",'),
  );
  const before = stack.tree();

  let failure = "";
  try {
    stack.projen();
  } catch (error) {
    failure = String(error);
  }
  const after = stack.tree();
  stack.write(".projenrc.ts", projenrc);

  expect(failure).toMatch(/2 problems in the project options; nothing was written:\n {2}- /);
  expect(failure).toContain('- serviceAccountName: "Orders_API" is not a valid Kubernetes service account name');
  expect(failure).toContain('- region: "Frankfurt" is not an AWS region code');
  expect(after).toEqual(before);
});

test("declaring three service accounts in .projenrc.ts regenerates the stack, which builds and tests each", () => {
  // The accounts of the "three-accounts" stack variant, whose stack tests `npx jest` runs without scaffolding.
  const { serviceAccounts } = STACK_VARIANTS["three-accounts"];
  const projenrc = stack
    .read(".projenrc.ts")
    .replace(/new EksIrsaProject\(\{[\s\S]*?\n\}\);/, (call) =>
      call
        .replace(/^ {2}(serviceAccountName|namespace): .*\n/gm, "")
        .replace(
          "new EksIrsaProject({",
          `new EksIrsaProject({\n  serviceAccounts: ${toTypeScriptLiteral(serviceAccounts, "  ")},`,
        ),
    );
  stack.write(".projenrc.ts", projenrc);

  stack.projen();

  expect(stack.read(".projenrc.ts")).toBe(projenrc);
  const roleNames = [...stack.read("src/settings.ts").matchAll(/roleName: "([^"]+)"/g)].map((m) => m[1]);
  expect(new Set(roleNames).size).toBe(3);
  // orders-api is gone from the options: its recorded resources would be deleted, which the stack's check refuses
  // until the change is accepted.
  expect(() => stack.run("npx", ["jest", "test/resource-identities.test.ts"])).toThrow(
    /Role::shop\/orders-api: no resource is registered under this identity or an alias to it/,
  );
  stack.projen("resources:record");
  stack.projen("build");
  // The stack's own tests checked each declared service account, by name.
  const passed = stack.passedTests("test/workload-identities.test.ts");
  for (const key of serviceAccounts!.map((sa) => `${sa.namespace}/${sa.name}`)) {
    expect(passed).toContainEqual(expect.stringContaining(key));
  }
});
