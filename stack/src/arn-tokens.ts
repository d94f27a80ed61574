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

/** The parts of an ARN, `arn:<partition>:<service>:<region>:<account>:<resource>`, that the stack reads. */
export function arnParts(arn: string): { partition: string; region: string; accountId: string } {
  const [, partition = "", , region = "", accountId = ""] = arn.split(":");
  return { partition, region, accountId };
}

/**
 * `arn` if it is in `partition`, the stack's (the partition of aws:region), else an error naming `label`, both
 * partitions and `fix`: a role trusts, and assumes, only what is in its own partition.
 */
export function inStackPartition(arn: string, partition: string, label: string, fix: string): string {
  const own = arnParts(arn).partition;
  if (own !== partition) {
    throw new Error(
      `${label}: ${JSON.stringify(arn)} is in partition ${own}, but this stack deploys to partition ${partition} ` +
        `(the partition of aws:region); ${fix}.`,
    );
  }
  return arn;
}
