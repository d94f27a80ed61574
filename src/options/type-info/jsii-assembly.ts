import { existsSync, readFileSync } from "fs";
import { dirname, join } from "path";
import { gunzipSync } from "zlib";

/** The part of a jsii type reference this package reads (see @jsii/spec's TypeReference). */
export interface JsiiTypeReference {
  readonly primitive?: "string" | "number" | "boolean" | "any" | "json" | "date";
  readonly fqn?: string;
  readonly collection?: { readonly kind: "array" | "map"; readonly elementtype: JsiiTypeReference };
  readonly union?: { readonly types: JsiiTypeReference[] };
}

export interface JsiiProperty {
  readonly name: string;
  readonly optional?: boolean;
  readonly type: JsiiTypeReference;
}

/** A type of a jsii assembly: a struct (datatype interface), an enum, or another kind. */
export interface JsiiType {
  readonly fqn: string;
  readonly assembly: string;
  readonly name: string;
  readonly kind: "class" | "interface" | "enum";
  readonly datatype?: boolean;
  readonly interfaces?: string[];
  readonly properties?: JsiiProperty[];
  readonly members?: { readonly name: string }[];
  readonly namespace?: string;
  readonly locationInModule?: { readonly filename: string };
}

interface Assembly {
  readonly name: string;
  readonly types: Record<string, JsiiType>;
}

/** This package's name: its own assembly sits beside its package.json. */
export const OWN_ASSEMBLY = "eks-irsa-template";

const assemblies = new Map<string, Assembly>();

/**
 * The jsii assembly (`.jsii`) of a package: this one's (written by `npx projen compile`, shipped in the
 * package), or a dependency's, such as projen's, for the options this package's types inherit.
 */
export function assembly(name: string): Assembly {
  let loaded = assemblies.get(name);
  if (!loaded) {
    loaded = readAssembly(packageRoot(name), name);
    assemblies.set(name, loaded);
  }
  return loaded;
}

/** The type of a fully-qualified name, from the assembly it names. */
export function jsiiType(fqn: string): JsiiType | undefined {
  return assembly(fqn.split(".")[0]).types[fqn];
}

/** The folder of the package `name`, found from this file (ours) or as Node.js resolves it (a dependency). */
export function packageRoot(name: string): string {
  let dir = name === OWN_ASSEMBLY ? __dirname : dirname(require.resolve(name));
  while (dirname(dir) !== dir) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf-8")).name === name) {
      return dir;
    }
    dir = dirname(dir);
  }
  throw new Error(`eks-irsa-template: cannot find the folder of the package ${name}`);
}

/** The assembly in a package folder, written plain or compressed behind a redirect. */
export function readAssembly(root: string, name: string): Assembly {
  const file = join(root, ".jsii");
  if (!existsSync(file)) {
    // Only a checkout of this package can lack it: the published package always ships it.
    throw new Error(
      `eks-irsa-template: ${file} is missing; run "npx projen compile" to write ${name}'s type information.`,
    );
  }
  const parsed = JSON.parse(readFileSync(file, "utf-8"));
  // jsii may compress the assembly and leave a redirect in its place (@jsii/spec: assembly-redirect).
  if (parsed.schema === "jsii/file-redirect") {
    const target = readFileSync(join(root, parsed.filename));
    return JSON.parse((parsed.compression === "gzip" ? gunzipSync(target) : target).toString("utf-8"));
  }
  return parsed;
}
