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

/** The problems of a value of an option or field of the given type, named at `path`. */
export function checkValue(value: unknown, type: JsiiTypeReference, path: string): string[] {
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
    return checkUnion(value, type.union.types, path);
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

/**
 * A value for one of several types (options inherited from projen: `jestConfig.maxWorkers` takes a string or a
 * number). A value of one member's kind is checked as that member, so that what is wrong inside a list or an object
 * is named; a value of no member's kind is told every kind the option takes.
 */
function checkUnion(value: unknown, members: JsiiTypeReference[], path: string): string[] {
  const attempts = members.map((member) => checkValue(value, member, path));
  if (attempts.some((problems) => problems.length === 0)) {
    return [];
  }
  const sameKind = members.findIndex((member) => isOfKind(value, member));
  if (sameKind >= 0) {
    return attempts[sameKind];
  }
  return [`${path}: ${quote(value)} is ${kindOf(value)}, but the option takes ${members.map(describe).join(" or ")}.`];
}

/** Whether a value has the kind of a type (a problem may remain inside it). */
function isOfKind(value: unknown, type: JsiiTypeReference): boolean {
  if (type.primitive) {
    return typeof value === type.primitive;
  }
  if (type.collection?.kind === "array") {
    return Array.isArray(value);
  }
  // An enum's members are strings (its problem then suggests the closest member).
  if (type.fqn && jsiiType(type.fqn)?.kind === "enum") {
    return typeof value === "string";
  }
  // A map or a struct (a class accepts any value, so its union never gets here).
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A type as a message names it: "a string", "a list ([ ... ])", "MergifyConditionalOperator ({ ... })". */
function describe(type: JsiiTypeReference): string {
  if (type.primitive) {
    return `a ${type.primitive}`;
  }
  if (type.collection) {
    return type.collection.kind === "array" ? "a list ([ ... ])" : "a map ({ key: value })";
  }
  const named = type.fqn ? jsiiType(type.fqn) : undefined;
  if (named?.kind === "enum") {
    return `a member of ${named.name}`;
  }
  return `${named?.name ?? type.fqn} ({ ... })`;
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
