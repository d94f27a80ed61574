import { createHash } from "crypto";

/** IAM's limit on role names. */
export const MAX_ROLE_NAME_LENGTH = 64;

const HASH_LENGTH = 8;

/**
 * The default IAM role name of a service account: `<prefix><name>@<namespace>`.
 *
 * `@` can appear in neither a namespace nor a service account name, so two service accounts
 * never share a name, not even `a-b`/`c` and `a`/`b-c`. Names past IAM's 64 characters keep
 * their start and end in a hash of the whole name, so they stay unique and stable across synths.
 */
export function roleNameFor(serviceAccount: { name: string; namespace: string }, prefix = ""): string {
  const fullName = `${prefix}${serviceAccount.name}@${serviceAccount.namespace}`;
  if (fullName.length <= MAX_ROLE_NAME_LENGTH) {
    return fullName;
  }
  const hash = createHash("sha256").update(fullName).digest("hex").slice(0, HASH_LENGTH);
  return `${fullName.slice(0, MAX_ROLE_NAME_LENGTH - HASH_LENGTH - 1)}-${hash}`;
}
