import { quote, type ServiceAccountRule } from "./rule";
import { closestMatch } from "../closest-match";
import { CONDITION_OPERATORS, parseConditionOperator } from "../iam/condition-operators";
import { globalConditionKeys, serviceConditionKeys, servicePrefixes } from "../iam/iam-catalog";

/**
 * The conditions of the inline policy: an operator of IAM's list (with `IfExists` and the
 * `ForAllValues:`/`ForAnyValue:` qualifiers), a context key (known to IAM's catalog where its prefix is
 * `aws:` or a service's), and at least one value, of the operator's kind.
 */
export const iamConditions: ServiceAccountRule = ({ serviceAccount: sa, path }) =>
  sa.policyStatements.flatMap((statement, i) =>
    (statement.conditions ?? []).flatMap((condition, j) => {
      const at = `${path("policyStatements")}[${i}].conditions[${j}]`;
      const problems: string[] = [];
      const operator = parseConditionOperator(condition.test);
      if (!operator) {
        const suggestion = closestMatch(
          condition.test.replace(/^For(All|Any)Values?:|IfExists$/g, ""),
          CONDITION_OPERATORS,
        );
        problems.push(
          `${at}.test: ${quote(condition.test)} is not an IAM condition operator${suggestion ? ` (did you mean ${suggestion}?)` : ""}; use one such as StringEquals, StringLike, ArnLike, Bool or NumericLessThan, with IfExists or a ForAllValues:/ForAnyValue: qualifier where needed.`,
        );
      }
      problems.push(...keyProblems(condition.variable, `${at}.variable`));
      if (condition.values.length === 0) {
        problems.push(`${at}.values: the condition has no value; list the values the key is compared with.`);
      } else if (operator) {
        condition.values
          .filter((value) => !operator.acceptsValue(value))
          .forEach((value) => problems.push(`${at}.values: ${quote(value)} ${operator.valueRule}.`));
      }
      return problems;
    }),
  );

function keyProblems(key: string, at: string): string[] {
  if (key.trim() === "") {
    return [`${at}: the condition key is empty; name the context key, such as "aws:SourceVpce" or "s3:prefix".`];
  }
  const prefix = /^([^:]+):./.exec(key)?.[1];
  if (!prefix) {
    return [`${at}: ${quote(key)} is not a condition key; write prefix:Key, such as "aws:SourceVpce" or "s3:prefix".`];
  }
  // Keys of other prefixes (an OIDC provider's `<issuer>:sub`, SAML's `saml:aud`) are not in the catalog.
  const lower = prefix.toLowerCase();
  const known =
    lower === "aws"
      ? globalConditionKeys()
      : servicePrefixes().includes(lower)
        ? [...globalConditionKeys(), ...serviceConditionKeys(lower)]
        : undefined;
  if (!known || known.some((candidate) => keyMatches(key, candidate))) {
    return [];
  }
  const suggestion = closestMatch(key, known);
  return [
    `${at}: ${quote(key)} is not a condition key of ${prefix} in IAM's catalog${suggestion ? `; did you mean ${quote(suggestion)}?` : "; see the service's condition keys in the Service Authorization Reference."}`,
  ];
}

/**
 * Condition keys are case-insensitive. The catalog writes the variable part of a key as `${TagKey}`,
 * `<key>`, `tag-key` or nothing after the last slash (`aws:PrincipalTag/tag-key`, `glacier:ResourceTag/`).
 */
function keyMatches(key: string, candidate: string): boolean {
  const pattern = candidate
    .replace(/\/(tag-key)?$/i, "/${TagKey}")
    .split(/\$\{[^}]*\}|<[^>]*>/)
    .map((piece) => piece.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join(".+");
  return new RegExp(`^${pattern}$`, "i").test(key);
}
