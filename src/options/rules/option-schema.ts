import { quote } from "./rule";
import { closestMatch } from "../closest-match";
import { jsiiType, OWN_ASSEMBLY, type JsiiTypeReference } from "../type-info/jsii-assembly";
import { enumValues, isStruct, structProperties } from "../type-info/struct-properties";

/** The options' struct in the jsii assembly: every name it and its fields know comes from there. */
export const PROJECT_OPTIONS_FQN = `${OWN_ASSEMBLY}.EksIrsaProjectOptions`;

/** projen new passes how it was called under this key (projen's render-options.ts). */
const PROJEN_NEW_KEY = "__new__";

/**
 * The options against the types this package declares (and the projen options they extend), read
 * from the jsii assembly: unknown names, at the top level and in every struct (a misspelled option
 * would otherwise be ignored, since `.projenrc.ts` runs transpile-only), values of the wrong kind, and
 * enum values that are not members.
 */
export function optionSchemaProblems(options: object): string[] {
  return checkStruct(options, PROJECT_OPTIONS_FQN, "", "an option of EksIrsaProject");
}

function checkStruct(value: object, fqn: string, prefix: string, owner: string): string[] {
  const properties = structProperties(fqn);
  return Object.entries(value).flatMap(([name, field]) => {
    const path = `${prefix}${name}`;
    if (prefix === "" && name === PROJEN_NEW_KEY) {
      return [];
    }
    const property = properties.get(name);
    if (!property) {
      const suggestion = closestMatch(name, properties.keys());
      const fix = suggestion
        ? `did you mean ${suggestion}?`
        : "remove it, or correct its name (every option is listed in the package's API.md).";
      return [`${path}: ${quote(name)} is not ${owner}, so its value would be ignored; ${fix}`];
    }
    return checkValue(field, property.type, path);
  });
}

function checkValue(value: unknown, type: JsiiTypeReference, path: string): string[] {
  if (value === undefined) {
    return [];
  }
  if (type.primitive) {
    return checkPrimitive(value, type.primitive, path);
  }
  if (type.collection) {
    return checkCollection(value, type.collection, path);
  }
  if (type.union) {
    const attempts = type.union.types.map((member) => checkValue(value, member, path));
    return attempts.some((problems) => problems.length === 0) ? [] : attempts[0];
  }
  const named = type.fqn ? jsiiType(type.fqn) : undefined;
  if (named?.kind === "enum") {
    const values = enumValues(named);
    if ([...values.values()].includes(value)) {
      return [];
    }
    const members = [...values.keys()];
    const suggestion = typeof value === "string" ? closestMatch(value, members) : undefined;
    const hint = suggestion ? ` (did you mean ${named.name}.${suggestion}?)` : "";
    return [
      `${path}: ${quote(value)} is not a member of ${named.name}${hint}; use one of ${members.map((m) => `${named.name}.${m}`).join(", ")}.`,
    ];
  }
  if (isStruct(named)) {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      return [`${path}: ${quote(value)} is not an object; expected ${named.name} ({ ... }).`];
    }
    return checkStruct(value, named.fqn, `${path}.`, `a field of ${named.name}`);
  }
  // Classes and behavioural interfaces (a parent project, a GitHub instance) are objects of their own.
  return [];
}

function checkPrimitive(
  value: unknown,
  primitive: NonNullable<JsiiTypeReference["primitive"]>,
  path: string,
): string[] {
  if (primitive !== "string" && primitive !== "number" && primitive !== "boolean") {
    return [];
  }
  if (typeof value === primitive) {
    return primitive === "number" && !Number.isFinite(value) ? [`${path}: ${value} is not a finite number.`] : [];
  }
  const fix = {
    string: "write it in quotes",
    number: "write a number, without quotes",
    boolean: "write true or false, without quotes",
  }[primitive];
  return [`${path}: ${quote(value)} is ${kindOf(value)}, but the option takes a ${primitive}; ${fix}.`];
}

function checkCollection(
  value: unknown,
  collection: NonNullable<JsiiTypeReference["collection"]>,
  path: string,
): string[] {
  if (collection.kind === "array") {
    if (!Array.isArray(value)) {
      return [`${path}: ${quote(value)} is ${kindOf(value)}, but the option takes a list ([ ... ]).`];
    }
    return value.flatMap((element, i) => checkValue(element, collection.elementtype, `${path}[${i}]`));
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return [`${path}: ${quote(value)} is ${kindOf(value)}, but the option takes a map ({ key: value }).`];
  }
  return Object.entries(value).flatMap(([key, element]) =>
    checkValue(element, collection.elementtype, `${path}[${quote(key)}]`),
  );
}

/** What a value is, as a message says it: "null", "a list", "an object", "a string". */
function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}
