/**
 * Scaffolds a stack from this checkout: `npx projen scaffold <folder> [projen new flags]`.
 * Packs the package as npm would publish it, copies the tarball into the stack's vendor/ folder,
 * then runs `projen new --from eks-irsa-template@file:./vendor/<tarball>` in the folder.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import * as YAML from "yaml";
import { packThisPackage, scaffoldStack, VENDOR_FOLDER } from "./local-package";

const [folder, ...flags] = process.argv.slice(2);
if (!folder) {
  console.error("Usage: npx projen scaffold <folder> [--service-account-name app --namespace default ...]");
  process.exit(2);
}
const dir = resolve(folder);
if (existsSync(dir) && readdirSync(dir).length > 0) {
  console.error(`${dir} is not empty: scaffold into a new or empty folder.`);
  process.exit(2);
}
mkdirSync(dir, { recursive: true });

const packDir = mkdtempSync(join(tmpdir(), "eks-irsa-pack-"));
try {
  const tarball = packThisPackage(packDir);
  console.log(`Packed ${tarball}; running projen new in ${dir} (about a minute, npm install included)...`);
  scaffoldStack(tarball, dir, flags);
} catch (error) {
  // projen new's own output says what went wrong; a trace of this script would only bury it.
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  rmSync(packDir, { recursive: true, force: true });
}
if (process.exitCode) {
  process.exit();
}
console.log(
  `The stack installs this package from ${join(dir, VENDOR_FOLDER)}/ (git ignores *.tgz: \`git add -f\` it).`,
);
console.log(
  `Done. Next:\n  cd ${dir}\n  npx projen build      # compile, type-check, run the stack's tests under Pulumi mocks`,
);
console.log(`  ${firstDeployCommand(dir)}   # then: npx projen preview`);

/** The stack's first stack and the config keys it needs, as the scaffold wrote them (its README says what each is). */
function firstDeployCommand(stackDir: string): string {
  const stack = readdirSync(stackDir)
    .map((file) => /^Pulumi\.(.+)\.yaml$/.exec(file)?.[1])
    .find((name) => name !== undefined);
  const declared: Record<string, { default?: unknown }> =
    YAML.parse(readFileSync(join(stackDir, "Pulumi.yaml"), "utf-8"))?.config ?? {};
  const required = Object.entries(declared).filter(([, declaration]) => declaration.default === undefined);
  return [`pulumi stack init ${stack}`, ...required.map(([key]) => `pulumi config set ${key} <${key}>`)].join(" && ");
}
