import { join } from "path";
import { jsiiType, OWN_ASSEMBLY, packageRoot, type JsiiProperty, type JsiiType } from "./jsii-assembly";

const propertiesByStruct = new Map<string, Map<string, JsiiProperty>>();

/** Every property of a struct, its own and those of the structs it extends, by name. */
export function structProperties(fqn: string): Map<string, JsiiProperty> {
  let properties = propertiesByStruct.get(fqn);
  if (!properties) {
    properties = new Map();
    const type = jsiiType(fqn);
    for (const parent of type?.interfaces ?? []) {
      for (const [name, property] of structProperties(parent)) properties.set(name, property);
    }
    for (const property of type?.properties ?? []) properties.set(property.name, property);
    propertiesByStruct.set(fqn, properties);
  }
  return properties;
}

/** Whether a type is a struct: a plain object of known properties (jsii "datatype" interface). */
export function isStruct(type: JsiiType | undefined): type is JsiiType {
  return type?.kind === "interface" && type.datatype === true;
}

/** The values of an enum at run time, by member name (`NodePackageManager.NPM` is "npm"). */
export function enumValues(type: JsiiType): Map<string, unknown> {
  const runtime = enumObject(type);
  return new Map((type.members ?? []).map((member) => [member.name, runtime?.[member.name] ?? member.name]));
}

function enumObject(type: JsiiType): Record<string, unknown> | undefined {
  if (type.assembly === OWN_ASSEMBLY) {
    // This package's sources run from src/ (tests) or lib/ (the package): its modules sit side by side.
    const file = type.locationInModule!.filename.replace(/^src\//, "").replace(/\.ts$/, "");
    const sourceRoot = join(packageRoot(OWN_ASSEMBLY), __filename.endsWith(".ts") ? "src" : "lib");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(join(sourceRoot, file))[type.name];
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  let scope: any = require(type.assembly);
  for (const part of type.fqn.split(".").slice(1)) scope = scope?.[part];
  return scope;
}
