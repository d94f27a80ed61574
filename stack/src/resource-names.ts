/**
 * Pulumi resource names of the workload identities. A URN is unique by type and name (the parent's type,
 * not its name, is part of it), so every name must be injective over the declared service accounts.
 */

/**
 * `<namespace>/<name>`: the key of a service account and the name of each of its resources. Neither part
 * can hold `/` (a DNS-1123 label and subdomain), so two accounts never share a name, unlike
 * `<namespace>-<name>` (`a-b`/`c` and `a`/`b-c`).
 */
export function identityKey(sa: { namespace: string; name: string }): string {
  return `${sa.namespace}/${sa.name}`;
}

/** A managed policy attachment: the account's key, then the policy ARN as declared (an ARN is one). */
export function policyAttachmentName(key: string, policyArn: string): string {
  return `${key}/${policyArn}`;
}

/**
 * An add-on's inline policy: the account's key, then `addon-` and the add-on in kebab case
 * (`EXTERNAL_DNS` -> `addon-external-dns`). Three segments, so never an account's own inline policy (two).
 */
export function addonPolicyName(key: string, addon: string): string {
  return `${key}/${addonInlinePolicyName(addon)}`;
}

/**
 * IAM names of a role's inline policies. Explicit: Pulumi would derive them from the resource name, and IAM
 * refuses its `/` in a policy name (`[\w+=,.@-]+`). Inline policy names are per role, so fixed names never collide.
 */
export const INLINE_POLICY_NAME = "workload";

/** The IAM name of an add-on's inline policy on the account's role: `addon-<add-on in kebab case>`. */
export function addonInlinePolicyName(addon: string): string {
  return `addon-${addon.toLowerCase().replace(/_/g, "-")}`;
}

/** Pod Identity: the association of an additional service account sharing the role (four segments). */
export function additionalAssociationName(key: string, other: { namespace: string; name: string }): string {
  return `${key}/${identityKey(other)}`;
}

/** The IAM name of the inline policy that lets a role assume its target role (unique per role). */
export const TARGET_ROLE_POLICY_NAME = "target-role";

/** Pod Identity: the inline policy that lets the role assume its target role (`targetRoleArn`). */
export function targetRolePolicyName(key: string): string {
  return `${key}/target-role`;
}

/** The names resources had before names became injective (`<namespace>-<name>...`): aliases where they were unique. */
export const legacyNames = {
  identity: (sa: { namespace: string; name: string }): string => `${sa.namespace}-${sa.name}`,
  /** Suffixes of the identity's name, by resource. */
  serviceAccountPatch: "-sa-annotation",
  inlinePolicy: "-inline",
  association: "-association",
  exampleDeployment: "-example",
  /** A managed policy attachment: the ARN without `arn:<partition>:iam::`, non-alphanumerics as `-`. */
  policyAttachment(arn: string): string {
    const key = arn
      .replace(/^arn:[^:]*:iam::/, "")
      .replace(/[^A-Za-z0-9]+/g, "-")
      .replace(/^-|-$/g, "");
    return `-${key || "policy"}`;
  },
} as const;
