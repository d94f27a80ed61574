/** IAM's limit on role names. */
export const MAX_ROLE_NAME_LENGTH = 64;

/**
 * The derived IAM role name of a service account in the first stack: `<prefix><name>@<namespace>`.
 *
 * `@` can appear in neither a namespace nor a service account name, so two service accounts never share
 * a name, not even `a-b`/`c` and `a`/`b-c`. The program adds `@<stack>` in other stacks and shortens a name
 * past IAM's 64 characters with a stable hash (`src/role-name.ts` of the stack: the one place that does).
 */
export function roleNameFor(serviceAccount: { name: string; namespace: string }, prefix = ""): string {
  return `${prefix}${serviceAccount.name}@${serviceAccount.namespace}`;
}
