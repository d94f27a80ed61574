import { createHash } from "crypto";
import type { ServiceAccountSettings } from "./settings-types";

/** IAM's limit on role names. */
export const MAX_ROLE_NAME_LENGTH = 64;

const HASH_LENGTH = 8;

/**
 * A role name IAM accepts: as is up to 64 characters, else its start and a stable hash of the whole
 * name, so that distinct names stay distinct and a name is the same on every run.
 */
export function fitRoleName(fullName: string): string {
  if (fullName.length <= MAX_ROLE_NAME_LENGTH) return fullName;
  const hash = createHash("sha256").update(fullName).digest("hex").slice(0, HASH_LENGTH);
  return `${fullName.slice(0, MAX_ROLE_NAME_LENGTH - HASH_LENGTH - 1)}-${hash}`;
}

/**
 * The IAM role name of a service account in a stack. Role names are global to an AWS account, so a
 * derived name (`<prefix><name>@<namespace>`) gets `@<stack>` in every stack but the first: two stacks of
 * one project in one account never collide, and the first stack keeps the names it always had. Neither a
 * namespace nor a name nor a stack name can hold `@`, so the names of different stacks stay distinct.
 * A given roleName is used as is, in every stack.
 */
export function roleNameInStack(
  sa: Pick<ServiceAccountSettings, "roleName" | "roleNamePerStack">,
  stack: string,
  firstStack: string,
): string {
  const qualified = sa.roleNamePerStack && stack !== firstStack ? `${sa.roleName}@${stack}` : sa.roleName;
  return fitRoleName(qualified);
}
