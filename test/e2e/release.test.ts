import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from "fs";
import { dirname, join } from "path";
import { TempFolders } from "./workspace";
import { PACKAGE_ROOT, run } from "../../scripts/local-package";

/**
 * A dry run of the release workflow's `npx projen release`, without publishing: the first release is 0.1.0;
 * in a copy of this repository released as v0.1.0 and followed by a `feat:` and a `fix:` commit, the bump picks the next
 * version from the conventional commits (before 1.0, a feature bumps the patch) and writes the changelog,
 * the package is built for npm under that version, and the unbump puts `0.0.0` back.
 */
jest.setTimeout(15 * 60 * 1000);

const temp = new TempFolders();
afterAll(() => temp.removeAll());

test("bump, changelog and the npm package of a release, without publishing", () => {
  const repo = join(temp.make("eks-irsa-release-dry-run-"), "eks-irsa-template");
  for (const path of run(PACKAGE_ROOT, "git", ["ls-files"]).trim().split("\n")) {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    copyFileSync(join(PACKAGE_ROOT, path), join(repo, path));
  }
  symlinkSync(join(PACKAGE_ROOT, "node_modules"), join(repo, "node_modules"));
  const git = (...args: string[]) =>
    run(repo, "git", ["-c", "user.name=release-test", "-c", "user.email=release@test.invalid", ...args]);
  git("init", "--quiet", "--initial-branch=main");
  git("add", ".");
  git("commit", "--quiet", "-m", "feat: workload identities for EKS stacks");

  const projen = (task: string) => run(repo, "npx", ["projen", task], { CI: "true" });
  // The first release, with no tag yet: 0.1.0, the version starter packages depend on (^0.1.0), not projen's 0.0.0.
  projen("bump");
  expect(readFileSync(join(repo, "dist", "version.txt"), "utf-8")).toBe("0.1.0");
  expect(readFileSync(join(repo, "dist", "releasetag.txt"), "utf-8")).toBe("v0.1.0");
  expect(readFileSync(join(repo, "dist", "changelog.md"), "utf-8")).toMatch(
    /## 0\.1\.0 .*\s+### Features\s+\* workload identities for EKS stacks/,
  );
  projen("unbump");
  // The release workflow starts each release from a fresh checkout: no dist/ of the previous one.
  rmSync(join(repo, "dist"), { recursive: true, force: true });

  git("tag", "v0.1.0");
  git("commit", "--quiet", "--allow-empty", "-m", "feat: starter packages");
  git("commit", "--quiet", "--allow-empty", "-m", "fix: upgrades regenerate in one run");

  projen("bump");
  expect(readFileSync(join(repo, "dist", "version.txt"), "utf-8")).toBe("0.1.1");
  expect(readFileSync(join(repo, "dist", "releasetag.txt"), "utf-8")).toBe("v0.1.1");
  const changelog = readFileSync(join(repo, "dist", "changelog.md"), "utf-8");
  expect(changelog).toContain("## [0.1.1]");
  expect(changelog).toMatch(/### Features\s+\* starter packages/);
  expect(changelog).toMatch(/### Bug Fixes\s+\* upgrades regenerate in one run/);
  expect(changelog).not.toContain("workload identities for EKS stacks");
  expect(JSON.parse(readFileSync(join(repo, "package.json"), "utf-8")).version).toBe("0.1.1");

  projen("compile");
  projen("package:js");
  const tarballs = readdirSync(join(repo, "dist", "js"));
  expect(tarballs).toEqual(["eks-irsa-template@0.1.1.jsii.tgz"]);
  const files = run(repo, "tar", ["tzf", join("dist", "js", tarballs[0])]).split("\n");
  expect(files).toEqual(expect.arrayContaining(["package/.jsii", "package/lib/index.js", "package/package.json"]));
  expect(files.some((file) => file.startsWith("package/templates/"))).toBe(true);

  projen("unbump");
  expect(JSON.parse(readFileSync(join(repo, "package.json"), "utf-8")).version).toBe("0.0.0");
});
