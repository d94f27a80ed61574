import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { Testing } from "projen";
import * as YAML from "yaml";
import { EksIrsaProject, type EksIrsaProjectOptions } from "../src";

/** The temporary folders of this test file's projects, removed when its tests end, pass or fail. */
const outdirs: string[] = [];
afterAll(() => {
  for (const dir of outdirs.splice(0)) {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A fresh temporary folder for a project, removed after the test file. */
export function temporaryOutdir(prefix = "eks-irsa-unit-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  outdirs.push(dir);
  return dir;
}

/**
 * A project in a fresh temporary folder. `Testing.synth` deletes the project's outdir when done:
 * never let it default to the current directory, which may be this checkout.
 */
export function newProject(options: Partial<EksIrsaProjectOptions> = {}): EksIrsaProject {
  return new EksIrsaProject({
    name: "orders-stack",
    defaultReleaseBranch: "main",
    outdir: temporaryOutdir(),
    ...options,
  });
}

/** Writes the project's files and keeps them, without the `npm install` projen runs after a synth. */
export function synthWithoutInstall(project: EksIrsaProject): void {
  const disabled = process.env.PROJEN_DISABLE_POST;
  process.env.PROJEN_DISABLE_POST = "true";
  try {
    project.synth();
  } finally {
    if (disabled === undefined) {
      delete process.env.PROJEN_DISABLE_POST;
    } else {
      process.env.PROJEN_DISABLE_POST = disabled;
    }
  }
}

/**
 * Synthesizes the project and returns its files by path: JSON parsed (as projen's `Testing.synth`
 * does), and `Pulumi.yaml` parsed too.
 */
export function synth(options: Partial<EksIrsaProjectOptions> = {}): Record<string, any> {
  const files = Testing.synth(newProject(options));
  return { ...files, "Pulumi.yaml": YAML.parse(files["Pulumi.yaml"]) };
}
