import { rmSync } from "fs";
import { join } from "path";
import { projenNewArguments, readmeCommands } from "./readme-commands";
import { editFile, packRelease, registryWithRelease, StackWorkspace } from "./workspace";

/**
 * The README's upgrade, as a team (or projen's scheduled upgrade workflow) runs it: two releases of
 * this package on the registry, a stack on the first, `npx projen upgrade` without a terminal. In that
 * one run the stack moves to the newest release and its managed files follow the new templates; the
 * team's files stay byte for byte; files the new release no longer generates are deleted.
 */
jest.setTimeout(15 * 60 * 1000);

/** The file the next release stops generating, and the line its templates gain. */
const DROPPED = "test/stack-config.test.ts";
const UPGRADE_NOTE = "// Rendered by the next release of eks-irsa-template.";

/** The next release: a changed managed file and one managed file fewer. */
function nextRelease(packageDir: string): void {
  editFile(packageDir, "stack/src/irsa.ts", (text) => `${UPGRADE_NOTE}\n${text}`);
  // The library is what stack/ holds: a file gone from it is a file the release no longer generates.
  rmSync(join(packageDir, "stack", DROPPED));
}

const { temp, registry } = registryWithRelease();
let stack: StackWorkspace;

beforeAll(() => {
  // A stack on 0.1.0, scaffolded with the flags of the options that are not in the quick start.
  const { from, flags } = projenNewArguments(
    "npx projen new --from eks-irsa-template --identity-type POD_IDENTITY --stack-name prod --region eu-west-1",
  );
  stack = StackWorkspace.scaffold(temp, registry(), from, flags);
});

test("the flags of `projen new` reach .projenrc.ts and the stack", () => {
  const projenrc = stack.read(".projenrc.ts");
  expect(projenrc).toContain("identityType: IdentityType.POD_IDENTITY");
  expect(projenrc).toContain('stackName: "prod"');
  expect(projenrc).toContain('region: "eu-west-1"');
  expect(stack.read("Pulumi.prod.yaml")).toContain("aws:region: eu-west-1");
  expect(stack.read("src/settings.ts")).toContain('identityType: "POD_IDENTITY"');
  expect(stack.read("Pulumi.yaml")).toContain("clusterName:");
});

test("`npx projen upgrade` moves to the newest release and regenerates in one run, keeping the team's files", () => {
  // The team's work: its program, its test, its stack config and its options.
  const projenrc = stack
    .read(".projenrc.ts")
    .replace("new EksIrsaProject({", 'new EksIrsaProject({\n  serviceAccountName: "orders-api",');
  stack.write(".projenrc.ts", projenrc);
  for (const path of ["src/index.ts", "test/index.test.ts", "Pulumi.prod.yaml"]) {
    stack.write(path, `${stack.read(path)}\n${path.endsWith(".yaml") ? "#" : "//"} the team's edit\n`);
  }
  stack.projen();
  const teamFiles = Object.fromEntries(
    ["src/index.ts", "test/index.test.ts", "Pulumi.prod.yaml", ".projenrc.ts"].map((path) => [path, stack.read(path)]),
  );
  expect(stack.exists(DROPPED)).toBe(true);
  expect(stack.read("src/irsa.ts")).not.toContain(UPGRADE_NOTE);

  registry().publish(packRelease(temp, "0.2.0", nextRelease));
  const [upgrade, build] = readmeCommands("Upgrading");
  expect(upgrade).toBe("npx projen upgrade");
  // As in CI and in the upgrade workflow: CI set, no terminal.
  stack.run("npx", ["projen", "upgrade"], { CI: "true" });

  expect(JSON.parse(stack.read("package.json")).devDependencies["eks-irsa-template"]).toBe("^0.2.0");
  expect(JSON.parse(stack.read("node_modules/eks-irsa-template/package.json")).version).toBe("0.2.0");
  expect(stack.read("src/irsa.ts")).toContain(UPGRADE_NOTE);
  expect(stack.read("src/settings.ts")).toContain('name: "orders-api"');
  expect(stack.exists(DROPPED)).toBe(false);
  expect(JSON.parse(stack.read(".projen/files.json")).files).not.toContain(DROPPED);
  for (const [path, content] of Object.entries(teamFiles)) {
    expect(stack.read(path)).toBe(content);
  }

  const settled = stack.tree();
  stack.projen();
  expect(stack.tree()).toEqual(settled);

  expect(build).toBe("npx projen build");
  stack.run("npx", ["projen", "build"]);
});
