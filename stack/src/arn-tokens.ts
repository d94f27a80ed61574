/**
 * `${partition}` / `${accountId}` placeholders in generated ARNs, filled in at run time so
 * the same settings work in any account and partition. Pure, no imports.
 */

export interface ArnTokenValues {
  partition: string;
  accountId: string;
}

/**
 * Replaces exactly `${partition}` and `${accountId}`. Other `${...}` sequences are left alone:
 * they are IAM policy variables such as `${aws:username}` that IAM itself resolves.
 */
export function substituteArnTokens(template: string, values: ArnTokenValues): string {
  return template.replace(/\$\{(partition|accountId)\}/g, (_, key: keyof ArnTokenValues) => values[key]);
}
