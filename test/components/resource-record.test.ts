import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { managedLibraryFiles } from "../../src/components/stack-library";
import { newProject, synth, synthWithoutInstall } from "../project-fixture";

describe("resource-identities.json, the stack's record of its deployed resources", () => {
  test("is never written by synth: a regeneration keeps the record it is checked against", () => {
    const project = newProject();
    const record = join(project.outdir, "resource-identities.json");
    // What the stack was last reviewed with, whatever this version would register.
    const reviewed = '{ "stacks": { "dev": { "eks-irsa:index:WorkloadIdentity::default-app": {} } } }\n';
    writeFileSync(record, reviewed);
    synthWithoutInstall(project);
    expect(readFileSync(record, "utf-8")).toBe(reviewed);
    expect(project.tryFindFile("resource-identities.json")).toBeUndefined();
  });

  test("is checked by a managed test and rewritten only by `npx projen resources:record`", () => {
    const files = synth();
    expect(managedLibraryFiles()).toEqual(
      expect.arrayContaining([
        "test/resource-identities.ts",
        "test/resource-identities.test.ts",
        "test/record-resources.ts",
      ]),
    );
    expect(files[".projen/tasks.json"].tasks["resources:record"].steps).toEqual([
      { execArgs: ["ts-node", "--swc", "--project", "test/tsconfig.json", "test/record-resources.ts"] },
    ]);
    expect(files["README.md"]).toContain("`npx projen resources:record`");
  });
});
