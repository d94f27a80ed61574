import { PROJECT_OPTIONS_FQN } from "./option-schema";
import { quote } from "./rule";
import { closestMatch } from "../closest-match";
import { jsiiType } from "../type-info/jsii-assembly";
import { structProperties } from "../type-info/struct-properties";

/**
 * The enum-valued flags of `projen new` (`--oidc-provider-source CLUSTER_LOOKUP`). projen writes a flag's
 * value into `.projenrc.ts` as the member `OidcProviderSource.<VALUE in upper case, "-" as "_">`
 * (renderArgAsJavaScript in projen's render-options.ts) without checking that it exists: an unknown one
 * evaluates to undefined, and the option silently takes its default. The project's constructor is the
 * first code of this package projen new runs, with the raw flags under `__new__`: refuse them there,
 * before anything of the project is written.
 */
export function projenNewFlagProblems(options: object): string[] {
  const args: Record<string, unknown> | undefined = (options as any).__new__?.args;
  if (!args) {
    return [];
  }
  return [...structProperties(PROJECT_OPTIONS_FQN)].flatMap(([name, property]) => {
    const type = property.type.fqn ? jsiiType(property.type.fqn) : undefined;
    const value = args[name];
    if (type?.kind !== "enum" || value === undefined) {
      return [];
    }
    const members = (type.members ?? []).map((member) => member.name);
    if (members.includes(String(value).toUpperCase().replace(/-/g, "_"))) {
      return [];
    }
    const suggestion = closestMatch(String(value), members);
    return [
      `--${kebabCase(name)}: ${quote(value)} is not a value of ${type.name}${suggestion ? ` (did you mean ${suggestion}?)` : ""}; use one of ${members.join(", ")}.`,
    ];
  });
}

/** An option's name as a flag of projen new (projen's inventory.ts: `decamelize(name, "-")`). */
function kebabCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
}
