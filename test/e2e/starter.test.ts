import { cpSync, readdirSync } from "fs";
import { join } from "path";
import { projenNewArguments, readmeCommands } from "./readme-commands";
import { editFile, prepareRelease, registryWithRelease, StackWorkspace } from "./workspace";
import { PACKAGE_ROOT, run } from "../../scripts/local-package";

/**
 * The README's starter package, as a platform team follows it: `examples/acme-eks-starter` (a jsii
 * subclass of EksIrsaProject with the team's defaults, eks-irsa-template as a peer) is installed,
 * built with jsii and published; a team scaffolds from it with `projen new --from @acme/eks-starter`,
 * then the starter and eks-irsa-template release again and `npx projen upgrade` takes the starter's release and the
 * newest eks-irsa-template its peer range allows; a clean copy of that stack (as a clone has it) installs with
 * `npm ci` and builds, on Node.js 22.
 */
jest.setTimeout(15 * 60 * 1000);

const STARTER = join(PACKAGE_ROOT, "examples", "acme-eks-starter");
const SECTION = "Your own starter type";

const { temp, registry } = registryWithRelease();
let starter: string;
let stack: StackWorkspace;
let scaffoldOutput: string;

/** What the next releases change: a line in a managed file (eks-irsa-template 0.1.1), a forced tag (starter 0.2.0). */
const PATCH_NOTE = "// Rendered by eks-irsa-template 0.1.1.";
const STARTER_TAG = '"acme:starter": "0.2.0"';

test("the platform team installs, builds (jsii) and publishes its starter package", () => {
  const [copy, ...buildAndPublish] = readmeCommands(SECTION, 0);
  expect(copy).toBe("cp -r examples/acme-eks-starter ../acme-eks-starter && cd ../acme-eks-starter");
  const dir = (starter = join(temp.make("eks-irsa-starter-"), "acme-eks-starter"));
  // The example as committed: none of a local build's output.
  cpSync(STARTER, dir, { recursive: true, filter: (path) => !/\/(node_modules|lib|dist)$|\.jsii$/.test(path) });

  expect(buildAndPublish).toEqual(["npm install", "npm run build", "npm publish"]);
  for (const command of buildAndPublish) {
    const [program, ...args] = command.split(" ");
    run(dir, program, args, registry().env);
  }

  expect(readdirSync(join(dir, "lib"))).toContain("index.js");
  expect(registry().versions("@acme/eks-starter")).toEqual(["0.1.0"]);
});

test("a team scaffolds from it: the stack has the team's defaults and depends on eks-irsa-template", () => {
  const [makeFolder, projenNew] = readmeCommands(SECTION, 1);
  expect(makeFolder).toBe("mkdir orders-stack && cd orders-stack");
  const { from, flags } = projenNewArguments(projenNew);
  expect(from).toBe("@acme/eks-starter");

  stack = StackWorkspace.scaffold(temp, registry(), from, flags);

  expect(stack.read(".projenrc.ts")).toContain('import { AcmeEksProject } from "@acme/eks-starter";');
  expect(stack.read("src/settings.ts")).toContain('roleName: "acme-orders-stack-app@default"');
  expect(stack.read("Pulumi.staging.yaml")).toContain("aws:region: eu-central-1");
  const devDependencies = JSON.parse(stack.read("package.json")).devDependencies;
  expect(devDependencies).toMatchObject({ "@acme/eks-starter": "^0.1.0", "eks-irsa-template": "^0.1.0" });
  // projen kept the peer: a second synth neither removes it nor changes anything.
  const before = stack.tree();
  scaffoldOutput = stack.projen();
  expect(scaffoldOutput).not.toContain("Removing unmanaged dependencies");
  expect(stack.tree()).toEqual(before);
});

test("`npx projen upgrade` takes the starter's next release and the newest eks-irsa-template its peer allows", () => {
  // eks-irsa-template releases a patch (inside the starter's peer range, ^0.1.0) and a minor (outside it)...
  registry().publish(
    prepareRelease(temp, "0.1.1", (dir) => editFile(dir, "stack/src/irsa.ts", (text) => `${PATCH_NOTE}\n${text}`)),
  );
  registry().publish(prepareRelease(temp, "0.2.0"));
  // ...and the platform team releases its starter with one more forced tag, built and published as before.
  editFile(starter, "package.json", (text) => text.replace('"version": "0.1.0"', '"version": "0.2.0"'));
  editFile(starter, "src/index.ts", (text) =>
    text.replace('"acme:owner": options.name', `"acme:owner": options.name, ${STARTER_TAG}`),
  );
  run(starter, "npm", ["run", "build"], registry().env);
  run(starter, "npm", ["publish"], registry().env);

  // As in CI and in the upgrade workflow: CI set, no terminal.
  stack.run("npx", ["projen", "upgrade"], { CI: "true" });

  expect(JSON.parse(stack.read("package.json")).devDependencies).toMatchObject({
    "@acme/eks-starter": "^0.2.0",
    "eks-irsa-template": "^0.1.1",
  });
  const installed = (name: string) => JSON.parse(stack.read(`node_modules/${name}/package.json`)).version;
  expect([installed("@acme/eks-starter"), installed("eks-irsa-template")]).toEqual(["0.2.0", "0.1.1"]);
  // Regenerated in that run, by both releases.
  expect(stack.read("src/irsa.ts")).toContain(PATCH_NOTE);
  expect(stack.read("src/settings.ts")).toContain(STARTER_TAG);
});

test("a clean copy of the upgraded stack installs with `npm ci` and builds, on Node.js 22 too", () => {
  // The machine's Node.js if it is 22, else Node.js 22 for its OS and CPU from the npm registry (node-<os>-<cpu>).
  let path = process.env.PATH!;
  if (!process.version.startsWith("v22.")) {
    const node22 = temp.make("eks-irsa-node22-");
    const build = `node-${process.platform}-${process.arch}`;
    run(node22, "npm", ["install", "--silent", "--no-save", "--prefix", node22, `${build}@22`]);
    path = `${join(node22, "node_modules", build, "bin")}:${path}`;
  }
  const copy = stack.cleanCopy(temp);

  expect(copy.run("node", ["--version"], { PATH: path })).toMatch(/^v22\./);
  copy.run("npm", ["ci"], { PATH: path });
  copy.run("npx", ["projen", "build"], { PATH: path });
});
