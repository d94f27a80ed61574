import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { StackWorkspace } from "./workspace";
import { packThisPackage, run } from "../../scripts/local-package";

/**
 * Upgrading the package under a stack, as a team does: managed files follow the new templates,
 * the team's files stay byte for byte, files the new version no longer generates are removed.
 */
jest.setTimeout(15 * 60 * 1000);

/** The file the "next release" stops generating, and the line its templates gain. */
const DROPPED = "test/stack-config.test.ts";
const UPGRADE_NOTE = "// Rendered by the next release of eks-irsa-template.";

/**
 * The next release: this package with a changed template and one managed file fewer, built
 * from its tarball the way a release is, under version 0.0.1.
 */
function packNextRelease(tarball: string): string {
  const dir = mkdtempSync(join(tmpdir(), "eks-irsa-next-"));
  run(dir, "tar", ["xzf", tarball]);
  const edit = (path: string, change: (text: string) => string) => {
    const file = join(dir, "package", path);
    const before = readFileSync(file, "utf-8");
    const after = change(before);
    if (after === before) {
      throw new Error(`the next release's edit of ${path} changed nothing`);
    }
    writeFileSync(file, after);
  };
  edit("stack/src/irsa.ts", (text) => `${UPGRADE_NOTE}\n${text}`);
  // The library is what stack/ holds: a file gone from it is a file the release no longer generates.
  rmSync(join(dir, "package", "stack", DROPPED));
  edit("package.json", (text) => text.replace('"version": "0.0.0"', '"version": "0.0.1"'));
  return join(dir, run(join(dir, "package"), "npm", ["pack", "--silent", "--pack-destination", dir]).trim());
}

test("an upgrade rewrites managed files, removes dropped ones and leaves the team's files byte for byte", () => {
  const current = packThisPackage();
  const next = packNextRelease(current);
  const stack = StackWorkspace.scaffold(current);
  expect(stack.exists(DROPPED)).toBe(true);

  // The team's work: its program, its test, its stack config and its options.
  const userFiles: Record<string, string> = {};
  for (const path of ["src/index.ts", "test/index.test.ts", "Pulumi.dev.yaml"]) {
    userFiles[path] = `${stack.read(path)}\n${path.endsWith(".yaml") ? "#" : "//"} the team's edit\n`;
  }
  userFiles[".projenrc.ts"] = stack
    .read(".projenrc.ts")
    .replace(current, next)
    .replace("new EksIrsaProject({", 'new EksIrsaProject({\n  serviceAccountName: "orders-api",');
  for (const [path, content] of Object.entries(userFiles)) {
    stack.write(path, content);
  }

  // The first run installs the next release (projen installs after it synthesizes); the second renders with it.
  stack.projen();
  stack.projen();

  for (const [path, content] of Object.entries(userFiles)) {
    expect(stack.read(path)).toBe(content);
  }
  expect(stack.read("src/irsa.ts")).toContain(UPGRADE_NOTE);
  expect(stack.read("src/settings.ts")).toContain('name: "orders-api"');
  expect(stack.exists(DROPPED)).toBe(false);
  expect(JSON.parse(stack.read(".projen/files.json")).files).not.toContain(DROPPED);

  const settled = stack.tree();
  stack.projen();
  expect(stack.tree()).toEqual(settled);
  stack.projen("test");
});
