import { join } from "path";
import { LocalRegistry } from "./local-registry";
import { readmeCommands } from "./readme-commands";
import { packRelease, StackWorkspace, TempFolders } from "./workspace";
import { readPreviousRelease } from "../../scripts/previous-release";

/**
 * A stack scaffolded from the previous release (the package at 74dc8e7, test/previous-release/), upgraded to this
 * one with the README's upgrade notes: it builds, passes its tests, and registers every resource it deployed under
 * the same type and name or an alias to them (its own managed check, given the previous release's record).
 */
jest.setTimeout(15 * 60 * 1000);

/** The previous release as it was packed, without its bundled handlebars (installed from the registry instead). */
const PREVIOUS_TARBALL = join(__dirname, "..", "previous-release", "eks-irsa-template-74dc8e7.tgz");

const temp = new TempFolders();
let registry: LocalRegistry;
let stack: StackWorkspace;

beforeAll(async () => {
  registry = await LocalRegistry.start();
  registry.publish(PREVIOUS_TARBALL);
  registry.publish(packRelease(temp, "0.1.0"));
  stack = StackWorkspace.scaffold(temp, registry, "eks-irsa-template@0.0.0");
});
afterAll(async () => {
  await registry?.stop();
  temp.removeAll();
});

test("a stack of the previous release, upgraded as the notes say, builds and keeps every resource", () => {
  // The previous release's program: resources named <namespace>-<name>, no record of them.
  expect(stack.read("src/workload-identities.ts")).toContain("new WorkloadIdentity(`${sa.namespace}-${sa.name}`");
  expect(stack.exists("resource-identities.json")).toBe(false);
  // Its resources are the ones recorded for the previous release with these options (same project name).
  const previous = readPreviousRelease().variants.default;
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
