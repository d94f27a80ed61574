import { spawnSync } from "child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

/**
 * `npx projen` as users run it: projen's CLI runs the default task, which runs `.projenrc.ts` with
 * ts-node (swc, transpile-only, as in a generated stack). The project type is imported from src/.
 */
const ROOT = join(__dirname, "..", "..");
const PROJEN = join(ROOT, "node_modules", "projen", "bin", "projen");
const TS_NODE = join(ROOT, "node_modules", ".bin", "ts-node");

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "eks-irsa-projenrc-"));
  mkdirSync(join(dir, ".projen"));
  const tasks = { tasks: { default: { name: "default", steps: [{ exec: `${TS_NODE} --swc .projenrc.ts` }] } } };
  writeFileSync(join(dir, ".projen", "tasks.json"), JSON.stringify(tasks));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function runProjen(projenrc: string) {
  writeFileSync(
    join(dir, ".projenrc.ts"),
    `import { EksIrsaProject } from ${JSON.stringify(join(ROOT, "src"))};\n${projenrc}\n`,
  );
  const start = Date.now();
  const result = spawnSync(process.execPath, [PROJEN, "--no-post"], { cwd: dir, encoding: "utf-8" });
  return { ...result, output: result.stdout + result.stderr, millis: Date.now() - start };
}

const OPTIONS = 'name: "orders-stack", defaultReleaseBranch: "main"';

test("a misspelled option fails npx projen with the problems as a message, no trace, no dump, no file written", () => {
  const run = runProjen(
    `new EksIrsaProject({ ${OPTIONS}, serviceAcounts: [{ name: "api", namepsace: "shop" }] } as any).synth();`,
  );

  expect(run.status).not.toBe(0);
  expect(run.output).toContain(
    "eks-irsa-template: 1 problem in the project options; nothing was written:\n" +
      '  - serviceAcounts: "serviceAcounts" is not an option of EksIrsaProject, so its value would be ignored; did you mean serviceAccounts?\n',
  );
  // Said once, without Node.js's view of an uncaught error: source excerpt, stack frames, own properties, version.
  expect(run.output.split("did you mean serviceAccounts?")).toHaveLength(2);
  expect(run.output).not.toMatch(/^\s+at /m);
  expect(run.output).not.toContain("problems:");
  expect(run.output).not.toContain("Node.js v");
  expect(run.output).not.toContain(".synth();");
  expect(readdirSync(dir).sort()).toEqual([".projen", ".projenrc.ts"]);
});

test("the refusal takes no longer than a synth of valid options", () => {
  const good = runProjen(`new EksIrsaProject({ ${OPTIONS} }).synth();`);
  expect(good.status).toBe(0);
  const bad = runProjen(`new EksIrsaProject({ ${OPTIONS}, serviceAcounts: [] } as any).synth();`);
  expect(bad.status).not.toBe(0);
  // The default task stays transpile-only: the check reads the jsii assembly, it does not type-check.
  expect(bad.millis).toBeLessThan(good.millis * 2 + 2000);
});

test("code that catches the error gets it whole, and npx projen goes on", () => {
  const run = runProjen(
    [
      "try {",
      `  new EksIrsaProject({ ${OPTIONS}, region: "Frankfurt", stackName: "a b" });`,
      "} catch (error: any) {",
      "  console.log(`caught ${error.name} with ${error.problems.length} problems`);",
      "}",
    ].join("\n"),
  );
  expect(run.status).toBe(0);
  expect(run.output).toContain("caught OptionsValidationError with 2 problems");
});

test("an error that is not a refusal of the input keeps its stack trace", () => {
  const run = runProjen(`new EksIrsaProject({ ${OPTIONS} });\nthrow new Error("a bug in .projenrc.ts");`);
  expect(run.status).not.toBe(0);
  expect(run.output).toContain("Error: a bug in .projenrc.ts");
  expect(run.output).toMatch(/^\s+at /m);
});
