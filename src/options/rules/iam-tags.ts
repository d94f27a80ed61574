import { quote, type ServiceAccountRule } from "./rule";

// IAM User Guide, "Tagging IAM resources" (tag naming rules and quotas).
const MAX_TAGS = 50;
const MAX_KEY_LENGTH = 128;
const MAX_VALUE_LENGTH = 256;
const TAG_CHARACTER = /[\p{L}\p{Z}\p{N}_.:/=+\-@]/u;

/** The role's tags, by IAM's rules. */
export const iamTags: ServiceAccountRule = ({ serviceAccount: sa, path }) => {
  const entries = Object.entries(sa.tags);
  const problems: string[] = [];
  if (entries.length > MAX_TAGS) {
    problems.push(`${path("tags")}: ${entries.length} tags; IAM allows at most ${MAX_TAGS} per role, so keep fewer.`);
  }
  const seen = new Map<string, string>();
  for (const [key, value] of entries) {
    const at = `${path("tags")}[${quote(key)}]`;
    if ([...key].length < 1 || [...key].length > MAX_KEY_LENGTH) {
      problems.push(`${at}: the key is ${[...key].length} characters; IAM allows 1 to ${MAX_KEY_LENGTH}.`);
    }
    if (/^aws:/i.test(key)) {
      problems.push(`${at}: keys starting with "aws:" are reserved for AWS; choose another prefix.`);
    }
    const badKey = badCharacters(key);
    if (badKey) {
      problems.push(`${at}: the key has characters IAM does not allow in tags (${badKey}); ${ALLOWED}.`);
    }
    if ([...value].length > MAX_VALUE_LENGTH) {
      problems.push(`${at}: the value is ${[...value].length} characters; IAM allows at most ${MAX_VALUE_LENGTH}.`);
    }
    const badValue = badCharacters(value);
    if (badValue) {
      problems.push(
        `${at}: the value ${quote(value)} has characters IAM does not allow in tags (${badValue}); ${ALLOWED}.`,
      );
    }
    // IAM compares tag keys case-insensitively: two keys that differ only in case are one tag.
    const earlier = seen.get(key.toLowerCase());
    if (earlier !== undefined) {
      problems.push(`${at}: IAM tag keys ignore case, so this is the same key as ${quote(earlier)}; keep one of them.`);
    }
    seen.set(key.toLowerCase(), key);
  }
  return problems;
};

const ALLOWED = "use letters, digits, spaces and _ . : / = + - @";

function badCharacters(text: string): string | undefined {
  const bad = [...new Set([...text].filter((c) => !TAG_CHARACTER.test(c)))];
  return bad.length > 0 ? bad.map((c) => quote(c)).join(", ") : undefined;
}
