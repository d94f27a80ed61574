import { rmSync } from "fs";
import { join } from "path";
import { projenNewArguments, readmeCommands } from "./readme-commands";
import { editFile, prepareRelease, registryWithRelease, StackWorkspace } from "./workspace";
import { PRE_RELEASE_RECORD, readPreviousRelease } from "../../scripts/previous-release";

/**
 * The README's upgrades, as one stack lives them, through a registry serving three releases: the previous release
 * (the package at 74dc8e7, test/previous-release/), this package as 0.1.0 (the first release, the quick start's), then
 * a next release, 0.2.0, whose managed templates differ. A stack scaffolded from the previous release is upgraded to
 * 0.1.0 with the README's steps for stacks made before the first release: it builds and registers every resource it
 * deployed under the same type and name or an alias to them. Then `npx projen upgrade` without a terminal, as CI and
 * projen's upgrade workflow run it: in that one run the stack moves to 0.2.0 and its managed files follow the new
 * templates; the team's files stay byte for byte; files the new release no longer generates are deleted.
 */
jest.setTimeout(15 * 60 * 1000);

/** The previous release as it was packed, without its bundled handlebars (installed from the registry instead). */
const PREVIOUS_TARBALL = join(__dirname, "..", "previous-release", "eks-irsa-template-74dc8e7.tgz");

/** The file the next release stops generating, and the line its templates gain. */
const DROPPED = "test/stack-config.test.ts";
const UPGRADE_NOTE = "// Rendered by the next release of eks-irsa-template.";

/** The next release: a changed managed file and one managed file fewer. */
function nextRelease(packageDir: string): void {
  editFile(packageDir, "stack/src/irsa.ts", (text) => `${UPGRADE_NOTE}\n${text}`);
  // The library is what stack/ holds: a file gone from it is a file the release no longer generates.
  rmSync(join(packageDir, "stack", DROPPED));
}

// The previous release is published first: 0.1.0, published last, is the registry's `latest`.
const { temp, registry } = registryWithRelease([PREVIOUS_TARBALL]);
let stack: StackWorkspace;

test("the flags of `projen new` reach .projenrc.ts and the stack's files", () => {
  const { from, flags } = projenNewArguments(
    "npx projen new --from eks-irsa-template --identity-type POD_IDENTITY --stack-name prod --region eu-west-1",
  );
  // --no-post: projen new still installs the package (it reads the project type from its .jsii) and synthesizes the
  // stack from the flags; it skips only the stack's own install, which the flags do not reach (the build of a
  // scaffolded stack is the quick start's and the upgrades' below).
  const scaffolded = StackWorkspace.scaffold(temp, registry(), from, [...flags, "--no-post"]);
  expect(scaffolded.exists("node_modules/@pulumi")).toBe(false);

  const projenrc = scaffolded.read(".projenrc.ts");
  expect(projenrc).toContain("identityType: IdentityType.POD_IDENTITY");
  expect(projenrc).toContain('stackName: "prod"');
  expect(projenrc).toContain('region: "eu-west-1"');
  expect(scaffolded.read("Pulumi.prod.yaml")).toContain("aws:region: eu-west-1");
  expect(scaffolded.read("src/settings.ts")).toContain('identityType: "POD_IDENTITY"');
  expect(scaffolded.read("Pulumi.yaml")).toContain("clusterName:");
});

test("a stack of the previous release, upgraded as the notes say, builds and keeps every resource", () => {
  stack = StackWorkspace.scaffold(temp, registry(), "eks-irsa-template@0.0.0");
  // The previous release's program: resources named <namespace>-<name>, no record of them.
  expect(stack.read("src/workload-identities.ts")).toContain("new WorkloadIdentity(`${sa.namespace}-${sa.name}`");
  expect(stack.exists("resource-identities.json")).toBe(false);
  // Its resources are the ones recorded for the previous release with these options (same project name).
  // The record of that tarball's commit, which no later release's record replaces.
  const record = readPreviousRelease(PRE_RELEASE_RECORD);
  expect(record.release).toBe("74dc8e7");
  const previous = record.variants.default;
  const plan = stack.run("npx", ["projen", "plan"]);
  for (const identity of Object.keys(previous.stacks.dev)) {
    const [qualifiedType, ...name] = identity.split("::");
    expect(plan).toContain(`\n${qualifiedType.split("$").pop()} ${name.join("::")}\n`);
  }
  // What a stack records on its first test run, as the previous release would have: its own check holds the
  // upgraded program to it.
  stack.write("resource-identities.json", JSON.stringify({ stacks: { dev: previous.stacks.dev } }, null, 2));

  // The notes' edit of .projenrc.ts: the package named without the spec projen new was given.
  const projenrc = stack.read(".projenrc.ts");
  const unpinned = projenrc.replace(/"eks-irsa-template@[^"]*"/, '"eks-irsa-template"');
  expect(unpinned).not.toBe(projenrc);
  stack.write(".projenrc.ts", unpinned);
  const commands = readmeCommands("Upgrading from a stack made before the first release");
  for (const command of commands) {
    const [program, ...args] = command.split(" ");
    stack.run(program, args);
  }
  expect(commands.at(-1)).toBe("npx projen build");
  expect(JSON.parse(stack.read("node_modules/eks-irsa-template/package.json")).version).toBe("0.1.0");
  expect(stack.read("src/workload-identities.ts")).toContain("new WorkloadIdentity({");
  expect(stack.passedTests("test/resource-identities.test.ts")).toContain(
    "stack dev › keeps every recorded resource: same type and name or an alias to them, every role its IAM name",
  );
  // From now on the one-step upgrade works: its task, and what it runs without a terminal, are there.
  expect(JSON.parse(stack.read("package.json")).devDependencies).toHaveProperty("npm-check-updates");
});

test("`npx projen upgrade` moves to the newest release and regenerates in one run, keeping the team's files", () => {
  // The team's work: its program, its test, its stack config and its options (a region, which managed files show).
  const projenrc = stack
    .read(".projenrc.ts")
    .replace("new EksIrsaProject({", 'new EksIrsaProject({\n  region: "eu-west-1",');
  stack.write(".projenrc.ts", projenrc);
  for (const path of ["src/index.ts", "test/index.test.ts", "Pulumi.dev.yaml"]) {
    stack.write(path, `${stack.read(path)}\n${path.endsWith(".yaml") ? "#" : "//"} the team's edit\n`);
  }
  stack.projen();
  const teamFiles = Object.fromEntries(
    ["src/index.ts", "test/index.test.ts", "Pulumi.dev.yaml", ".projenrc.ts", "resource-identities.json"].map(
      (path) => [path, stack.read(path)],
    ),
  );
  expect(stack.exists(DROPPED)).toBe(true);
  expect(stack.read("src/irsa.ts")).not.toContain(UPGRADE_NOTE);

  registry().publish(prepareRelease(temp, "0.2.0", nextRelease));
  const [upgrade, build] = readmeCommands("Upgrading");
  expect(upgrade).toBe("npx projen upgrade");
  // As in CI and in the upgrade workflow: CI set, no terminal.
  stack.run("npx", ["projen", "upgrade"], { CI: "true" });

  expect(JSON.parse(stack.read("package.json")).devDependencies["eks-irsa-template"]).toBe("^0.2.0");
  expect(JSON.parse(stack.read("node_modules/eks-irsa-template/package.json")).version).toBe("0.2.0");
  expect(stack.read("src/irsa.ts")).toContain(UPGRADE_NOTE);
  expect(stack.read("README.md")).toContain("(region `eu-west-1`)");
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
