import { join } from "path";
import { STACK_VARIANTS, STACK_VARIANTS_DIR } from "../../scripts/stack-variants";

const STACK_DIR = join(__dirname, "..", "..", "stack");
const resolve = jest.requireActual<(request: string, options: object) => string>("./resolver.js");
const jestConfig = jest.requireActual("../../package.json").jest;

/** What the resolver answers for a module the default resolver finds at `path`, in the project of `variant`. */
const resolvedIn = (variant: string, path: string): string =>
  resolve("./any", { basedir: STACK_DIR, rootDir: join(STACK_VARIANTS_DIR, variant), defaultResolver: () => path });

describe.each(Object.keys(STACK_VARIANTS))("the jest project of stack variant %s", (variant) => {
  const variantDir = join(STACK_VARIANTS_DIR, variant);

  test("resolves the stack's rendered files to the variant's", () => {
    for (const file of ["src/settings.ts", "src/aws-managed-policies.json", "README.md"]) {
      expect(resolvedIn(variant, join(STACK_DIR, file))).toBe(join(variantDir, file));
    }
  });

  test("resolves the library, its tests and everything else as jest does", () => {
    for (const path of [
      join(STACK_DIR, "src", "workload-identities.ts"),
      join(STACK_DIR, "test", "pulumi-mocks.ts"),
      join(__dirname, "..", "..", "node_modules", "@pulumi", "pulumi", "index.js"),
      "fs",
    ]) {
      expect(resolvedIn(variant, path)).toBe(path);
    }
  });

  test("hands the Pulumi SDK the stack's lazy stand-ins, as the stack's own resolver does", () => {
    const sdk = join(__dirname, "..", "..", "node_modules", "@pulumi", "pulumi");
    const fromSdk = resolve("./dynamic", {
      basedir: sdk,
      rootDir: join(STACK_VARIANTS_DIR, variant),
      defaultResolver: () => join(sdk, "dynamic", "index.js"),
    });
    expect(fromSdk).toBe(join(STACK_DIR, "test", "lazy", "pulumi-dynamic.ts"));
  });

  test("is a project of the repository's jest config, rooted in the variant's folder with this resolver", () => {
    const project = jestConfig.projects.find(
      (p: { displayName?: string }) => p.displayName === `stack variant ${variant}`,
    );
    expect(project).toMatchObject({
      rootDir: `test/stack-variants/${variant}`,
      resolver: "<rootDir>/../resolver.js",
      testMatch: expect.arrayContaining(["<rootDir>/../../../stack/test/readme-access.test.ts"]),
    });
  });
});
