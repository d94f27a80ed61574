import { cpSync, readdirSync } from "fs";
import { join } from "path";
import { projenNewArguments, readmeCommands } from "./readme-commands";
import { registryWithRelease, StackWorkspace } from "./workspace";
import { PACKAGE_ROOT, run } from "../../scripts/local-package";

/**
 * The README's starter package, as a platform team follows it: `examples/acme-eks-starter` (a jsii
 * subclass of EksIrsaProject with the team's defaults, eks-irsa-template as a peer) is installed,
 * built with jsii and published; a team scaffolds from it with `projen new --from @acme/eks-starter`,
 * and a clean copy of that stack (as a clone has it) installs with `npm ci` and builds, on Node.js 22.
 */
jest.setTimeout(15 * 60 * 1000);

const STARTER = join(PACKAGE_ROOT, "examples", "acme-eks-starter");
const SECTION = "Your own starter type";

const { temp, registry } = registryWithRelease();
let stack: StackWorkspace;
let scaffoldOutput: string;

test("the platform team installs, builds (jsii) and publishes its starter package", () => {
  const [copy, ...buildAndPublish] = readmeCommands(SECTION, 0);
  expect(copy).toBe("cp -r examples/acme-eks-starter ../acme-eks-starter && cd ../acme-eks-starter");
  const dir = join(temp.make("eks-irsa-starter-"), "acme-eks-starter");
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

test("a clean copy of that stack installs with `npm ci` and builds, on Node.js 22 too", () => {
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
