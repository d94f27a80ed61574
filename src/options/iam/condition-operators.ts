/**
 * IAM's condition operators (IAM User Guide, "IAM JSON policy elements: Condition operators"), and the
 * kind of value each compares with. Policy variables (`${aws:username}`) stand for any value.
 */
const KINDS = {
  String: [
    "StringEquals",
    "StringNotEquals",
    "StringEqualsIgnoreCase",
    "StringNotEqualsIgnoreCase",
    "StringLike",
    "StringNotLike",
  ],
  Numeric: [
    "NumericEquals",
    "NumericNotEquals",
    "NumericLessThan",
    "NumericLessThanEquals",
    "NumericGreaterThan",
    "NumericGreaterThanEquals",
  ],
  Date: [
    "DateEquals",
    "DateNotEquals",
    "DateLessThan",
    "DateLessThanEquals",
    "DateGreaterThan",
    "DateGreaterThanEquals",
  ],
  Bool: ["Bool"],
  Binary: ["BinaryEquals"],
  IpAddress: ["IpAddress", "NotIpAddress"],
  Arn: ["ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike"],
  Null: ["Null"],
} as const;

type Kind = keyof typeof KINDS;

export const CONDITION_OPERATORS: string[] = Object.values(KINDS).flat();

const VARIABLE = /\$\{[^}]+\}/;
const IPV4_CIDR = /^(\d{1,3})(\.\d{1,3}){3}(\/\d{1,2})?$/;
const IPV6_CIDR = /^[0-9a-fA-F:]*:[0-9a-fA-F:.]*(\/\d{1,3})?$/;

const VALUE_RULES: Record<Kind, { test: (value: string) => boolean; rule: string }> = {
  String: { test: () => true, rule: "" },
  Numeric: { test: (v) => /^-?\d+(\.\d+)?$/.test(v), rule: "is not a number, which a Numeric operator compares with" },
  // ISO 8601 dates and times, or seconds since the epoch.
  Date: {
    test: (v) => /^\d+$/.test(v) || !Number.isNaN(Date.parse(v)),
    rule: "is not a date (ISO 8601, such as 2026-01-01T00:00:00Z, or epoch seconds), which a Date operator compares with",
  },
  Bool: { test: (v) => /^(true|false)$/i.test(v), rule: 'is not "true" or "false", which Bool compares with' },
  Binary: { test: (v) => /^[A-Za-z0-9+/]+={0,2}$/.test(v), rule: "is not base64, which BinaryEquals compares with" },
  IpAddress: {
    test: (v) => IPV4_CIDR.test(v) || IPV6_CIDR.test(v),
    rule: "is not an IP address or CIDR block (such as 203.0.113.0/24), which IpAddress and NotIpAddress compare with",
  },
  Arn: { test: (v) => v.startsWith("arn:") || v === "*", rule: "is not an ARN, which the Arn operators compare with" },
  Null: {
    test: (v) => /^(true|false)$/i.test(v),
    rule: 'is not "true" (the key is absent) or "false" (present), which Null compares with',
  },
};

export interface ConditionOperator {
  readonly acceptsValue: (value: string) => boolean;
  readonly valueRule: string;
}

/**
 * An operator as IAM reads it: a base operator, optionally `IfExists` after it and a
 * `ForAllValues:`/`ForAnyValue:` qualifier before it (neither with Null); undefined if IAM has no such operator.
 */
export function parseConditionOperator(text: string): ConditionOperator | undefined {
  const parts = /^(ForAllValues:|ForAnyValue:)?(.+?)(IfExists)?$/.exec(text);
  const base = parts?.[2];
  const kind = (Object.keys(KINDS) as Kind[]).find((k) => (KINDS[k] as readonly string[]).includes(base ?? ""));
  if (!kind || (kind === "Null" && (parts?.[1] || parts?.[3]))) {
    return undefined;
  }
  const { test, rule } = VALUE_RULES[kind];
  return { acceptsValue: (value) => VARIABLE.test(value) || test(value), valueRule: rule };
}
