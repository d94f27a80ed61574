import { StackWorkspace } from "./workspace";
import { packThisPackage } from "../../scripts/local-package";

/**
 * `projen new --from` as a new user runs it, from this package as packed for npm, then the
 * generated stack's own build (compile, type check, its Pulumi-mock tests, lint).
 */
jest.setTimeout(15 * 60 * 1000);

let stack: StackWorkspace;

beforeAll(() => {
  stack = StackWorkspace.scaffold(packThisPackage());
});

test("scaffolds a stack whose build and tests pass", () => {
  expect(stack.exists("src/index.ts")).toBe(true);
  expect(stack.read(".projenrc.ts")).toContain("new EksIrsaProject(");
  stack.projen("build");
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
