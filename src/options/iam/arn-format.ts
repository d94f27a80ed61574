/**
 * Whether a resource ARN of a policy can name a resource of the given format from IAM's catalog
 * (`arn:${Partition}:s3:::${BucketName}/${ObjectName}`).
 *
 * The ARN may hold wildcards (`*`, `?`) and variables (IAM's `${aws:username}`, this package's
 * `${partition}` and `${accountId}`), which stand for any text. An ARN's six parts are compared one
 * by one; where the ARN's resource part has a wildcard, only the text before it must agree with the
 * format (so `table/*` and `*` are fine for `table/${TableName}`): a check of the shape that never
 * refuses an ARN that could match.
 */
export function arnMatchesFormat(arn: string, format: string): boolean {
  const given = arnParts(arn);
  const expected = arnParts(format);
  if (!given || !expected) {
    return false;
  }
  for (let i = 1; i < 5; i++) {
    if (!partMatches(given[i], expected[i])) {
      return false;
    }
  }
  return resourceMatches(given[5], expected[5]);
}

/** The six parts of an ARN (the last one keeps its colons), or undefined if it has fewer. */
export function arnParts(arn: string): string[] | undefined {
  const parts = arn.split(":");
  if (parts.length < 6 || parts[0] !== "arn") {
    return undefined;
  }
  return [...parts.slice(0, 5), parts.slice(5).join(":")];
}

/** Wildcards and variables of a policy ARN: `*`, `?`, `${...}`. */
const WILDCARD = /\*|\?|\$\{[^}]*\}/;
/** Placeholders of a catalog format: `${BucketName}`. */
const PLACEHOLDER = /\$\{[^}]*\}/g;

export function hasWildcard(text: string): boolean {
  return WILDCARD.test(text);
}

function partMatches(given: string, expected: string): boolean {
  if (hasWildcard(given)) {
    return hasWildcard(expected) || globToRegExp(given).test(expected);
  }
  // A region or account the format names may be empty in a valid ARN: AWS-owned resources such as
  // public SSM parameters (arn:aws:ssm:us-east-1::parameter/aws/service/...) or AMIs have no account.
  return expected.includes("${") || given === expected;
}

function resourceMatches(given: string, expected: string): boolean {
  const wildcard = given.search(WILDCARD);
  if (wildcard < 0) {
    const pattern = expected.split(PLACEHOLDER).map(escapeRegExp).join(".+");
    return new RegExp(`^${pattern}$`).test(given);
  }
  const prefix = given.slice(0, wildcard);
  const literal = expected.split("${")[0];
  return prefix.startsWith(literal) || literal.startsWith(prefix);
}

function globToRegExp(glob: string): RegExp {
  const pattern = glob
    .split(/(\*|\?|\$\{[^}]*\})/)
    .map((piece) => (piece === "?" ? "." : WILDCARD.test(piece) ? ".*" : escapeRegExp(piece)))
    .join("");
  return new RegExp(`^${pattern}$`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A format as shown in messages: `arn:<Partition>:s3:::<BucketName>`. */
export function formatForPeople(format: string): string {
  return format.replace(/\$\{([^}]*)\}/g, "<$1>");
}
