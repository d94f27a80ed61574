import { spawnSync } from "child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

/**
 * The part of `projen new --from eks-irsa-template` that runs this package, in a process of its own:
 * projen's `Projects.createProject`, as its CLI calls it once the installs are done (cli/cmds/new.ts),
 * with the CLI's way of printing an error that ends it (`console.error(e)`, seen from projen 0.103's yargs). The installs are
 * simulated as projen leaves them: a package.json naming projen and this package, and node_modules
 * (here a link to this checkout, which the globalSetup compiles).
 */
const ROOT = join(__dirname, "..", "..");
const PROJEN = join(ROOT, "node_modules", "projen");
const COMMAND = ["new", "--from", "eks-irsa-template", "--oidc-provider-source"];

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "eks-irsa-new-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function simulateInstalls(): void {
  writeFileSync(
    join(dir, "package.json"),
    JSON.stringify({ devDependencies: { projen: "^0.103.25", "eks-irsa-template": "^0.0.0" } }),
  );
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(ROOT, join(dir, "node_modules", "eks-irsa-template"));
}

function projenNew(options: Record<string, unknown>, argv: string[]) {
  const driver = [
    `process.argv = [process.argv[0], ${JSON.stringify(join(PROJEN, "bin", "projen"))}, ...${JSON.stringify(argv)}];`,
    `const { Projects } = require(${JSON.stringify(PROJEN)});`,
    "try {",
    `  Projects.createProject({ dir: process.cwd(), projectFqn: "eks-irsa-template.EksIrsaProject", projectOptions: ${JSON.stringify(options)}, post: false });`,
    "} catch (e) { console.error(e); process.exit(1); }",
  ].join("\n");
  const result = spawnSync(process.execPath, ["-e", driver], { cwd: dir, encoding: "utf-8" });
  return { ...result, output: result.stdout + result.stderr };
}

const OPTIONS = { name: "orders-stack", defaultReleaseBranch: "main" };

describe("enum-valued flags of projen new", () => {
  test("an unknown value is refused with the allowed ones, and the folder is left as found", () => {
    simulateInstalls();
    const run = projenNew({ ...OPTIONS, oidcProviderSource: "cluster" }, [...COMMAND, "cluster"]);

    expect(run.status).toBe(1);
    expect(run.output).toContain(
      '  - --oidc-provider-source: "cluster" is not a value of OidcProviderSource; use one of STACK_CONFIG, CLUSTER_LOOKUP, STACK_REFERENCE.\n',
    );
    expect(run.output).toContain(
      `projen new created nothing: it removed what it had written (package.json, node_modules), so ${dir} is as it was. Fix the above, then run the same command again: npx projen new --from eks-irsa-template --oidc-provider-source cluster.`,
    );
    // The message alone: no stack frames, no source excerpt, no brackets or properties of Node.js's inspection.
    expect(run.output).toMatch(/^eks-irsa-template: 1 problem in the project options; nothing was written:\n/);
    expect(run.output).not.toMatch(/^\s+at /m);
    expect(run.output).not.toContain("throw");
    expect(run.output).not.toContain("name:");
    expect(readdirSync(dir)).toEqual([]);
  });

  test("a value in any case, with - for _, is the member projen writes", () => {
    simulateInstalls();
    const run = projenNew({ ...OPTIONS, oidcProviderSource: "cluster-lookup" }, [...COMMAND, "cluster-lookup"]);

    expect(run.output).not.toContain("problem");
    expect(run.status).toBe(0);
    expect(readFileSync(join(dir, ".projenrc.ts"), "utf-8")).toContain("OidcProviderSource.CLUSTER_LOOKUP");
  });
});

describe("a README.md written by hand", () => {
  test("projen new removes what it wrote, says what to do, and the command it names then works", () => {
    writeFileSync(join(dir, "README.md"), "# My notes\n");
    simulateInstalls();
    const argv = ["new", "--from", "eks-irsa-template"];
    const refused = projenNew(OPTIONS, argv);

    expect(refused.status).toBe(1);
    expect(refused.output).toMatch(
      /^README.md was written by hand, .*, delete README.md.\nprojen new created nothing: it removed what it had written/,
    );
    expect(refused.output).toContain(
      `projen new created nothing: it removed what it had written (package.json, node_modules), so ${dir} is as it was. Fix the above, then run the same command again: npx projen new --from eks-irsa-template.`,
    );
    expect(readdirSync(dir)).toEqual(["README.md"]);
    expect(readFileSync(join(dir, "README.md"), "utf-8")).toBe("# My notes\n");

    // The fix the message gives, then the same command (projen new installs again first).
    mkdirSync(join(dir, "docs"));
    renameSync(join(dir, "README.md"), join(dir, "docs", "notes.md"));
    simulateInstalls();
    const again = projenNew(OPTIONS, argv);
    expect(again.status).toBe(0);
    expect(readFileSync(join(dir, "README.md"), "utf-8")).toContain("orders-stack");
  });

  test("a package.json of the user's own is kept, and the message says so", () => {
    writeFileSync(join(dir, "README.md"), "# My notes\n");
    simulateInstalls();
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "mine", devDependencies: { projen: "*" } }));
    const refused = projenNew(OPTIONS, ["new", "--from", "eks-irsa-template"]);

    expect(refused.status).toBe(1);
    expect(refused.output).toContain(
      "projen new created nothing: package.json and node_modules stay, since package.json holds more than projen new installed. Fix the above, then run the same command again: npx projen new --from eks-irsa-template.",
    );
    expect(readdirSync(dir).sort()).toEqual(["README.md", "node_modules", "package.json"]);
  });
});
