import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { TempFolders } from "./workspace";
import { PACKAGE_ROOT, run } from "../../scripts/local-package";

/**
 * The README's first command, `npx projen scaffold <folder>`: a stack from this checkout whose
 * `package.json` names the tarball copied into the stack, so that it still installs once the
 * folder the package was packed in is gone.
 */
jest.setTimeout(15 * 60 * 1000);

const temp = new TempFolders();
afterAll(() => temp.removeAll());

test("`npx projen scaffold` gives a stack that installs this package from its own vendor/ folder", () => {
  const readme = readFileSync(join(PACKAGE_ROOT, "README.md"), "utf-8");
  expect(readme).toContain("npm ci && npx projen scaffold ../my-stack");
  const stack = join(temp.make("eks-irsa-scaffold-"), "my-stack");

  // --no-post: projen writes the stack without installing it; the install below is the point. The flags reach
  // projen new as typed, a value with spaces in one piece.
  const flags = ["--no-post", "--description", "Orders of the shop", "--identity-type", "POD_IDENTITY"];
  const output = run(PACKAGE_ROOT, "npx", ["projen", "scaffold", stack, ...flags, "--stack-name", "prod"]);
  expect(JSON.parse(readFileSync(join(stack, "package.json"), "utf-8")).description).toBe("Orders of the shop");
  // The next step names the stack's first stack and the config keys it needs (Pod Identity: the cluster).
  expect(output).toContain("  pulumi stack init prod && pulumi config set clusterName <clusterName>   # then:");

  const spec: string = JSON.parse(readFileSync(join(stack, "package.json"), "utf-8")).devDependencies[
    "eks-irsa-template"
  ];
  expect(spec).toMatch(/^file:\.\/vendor\/eks-irsa-template-[\d.]+\.tgz$/);
  expect(existsSync(join(stack, spec.slice("file:".length)))).toBe(true);
  expect(readFileSync(join(stack, ".projenrc.ts"), "utf-8")).toContain(`"eks-irsa-template@${spec}"`);

  run(stack, "npm", ["install", "--prefer-offline", "--ignore-scripts", "--no-audit", "--no-fund"]);
  const installed = JSON.parse(readFileSync(join(stack, "node_modules/eks-irsa-template/package.json"), "utf-8"));
  expect(installed.name).toBe("eks-irsa-template");
});
