import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { gzipSync } from "zlib";
import { jsiiType, readAssembly } from "../../../src/options/type-info/jsii-assembly";
import { structProperties } from "../../../src/options/type-info/struct-properties";

describe("the jsii assemblies the option names come from", () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "eks-irsa-jsii-"))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const assembly = { name: "example", types: { "example.Options": { fqn: "example.Options", kind: "interface" } } };

  test("a plain .jsii is read as it is", () => {
    writeFileSync(join(dir, ".jsii"), JSON.stringify(assembly));
    expect(readAssembly(dir, "example")).toEqual(assembly);
  });

  test("a compressed assembly is read through jsii's redirect", () => {
    writeFileSync(
      join(dir, ".jsii"),
      JSON.stringify({ schema: "jsii/file-redirect", compression: "gzip", filename: ".jsii.gz" }),
    );
    writeFileSync(join(dir, ".jsii.gz"), gzipSync(JSON.stringify(assembly)));
    expect(readAssembly(dir, "example")).toEqual(assembly);
  });

  test("a checkout without its assembly says how to write it", () => {
    expect(() => readAssembly(dir, "example")).toThrow('run "npx projen compile"');
  });

  test("the project's options include this package's and those inherited from projen, through every parent", () => {
    const names = [...structProperties("eks-irsa-template.EksIrsaProjectOptions").keys()];
    // Ours, TypeScriptProjectOptions', NodeProjectOptions', NodePackageOptions', ProjectOptions'.
    expect(names).toEqual(
      expect.arrayContaining(["serviceAccounts", "tsconfig", "jestOptions", "packageManager", "name"]),
    );
    expect(jsiiType("projen.javascript.NodePackageManager")?.kind).toBe("enum");
  });
});
