import { quote, type ProjectRule } from "./rule";
import { arnParts, hasWildcard } from "../iam/arn-format";
import { PARTITION_NAMES, partitionOfRegion } from "../iam/partitions";

/**
 * ARNs written with a literal partition must be in the partition of the stack's region: an `aws` ARN
 * cannot name a resource of an `aws-cn` account. `${partition}` is always right.
 */
export const partitions: ProjectRule = ({ settings, pathOf }) => {
  const partition = partitionOfRegion(settings.region);
  if (!partition) {
    return [];
  }
  return settings.serviceAccounts.flatMap((sa, index) => {
    const arns: [string, string][] = [
      ...sa.managedPolicyArns.map((arn, i): [string, string] => [`${pathOf(index, "managedPolicyArns")}[${i}]`, arn]),
      ...(sa.permissionsBoundaryArn
        ? [[pathOf(index, "permissionsBoundaryArn"), sa.permissionsBoundaryArn] as [string, string]]
        : []),
      ...sa.policyStatements.flatMap((statement, i) =>
        statement.resources.map((arn): [string, string] => [
          `${pathOf(index, "policyStatements")}[${i}].resources`,
          arn,
        ]),
      ),
    ];
    return arns.flatMap(([at, arn]) => {
      const given = arnParts(arn)?.[1];
      // An unknown partition is iamResources' problem.
      if (given === undefined || hasWildcard(given) || given === partition || !PARTITION_NAMES.includes(given)) {
        return [];
      }
      return [
        `${at}: ${quote(arn)} is in partition ${given}, but region ${settings.region} is in ${partition}; write arn:\${partition}:... and the stack fills in the partition it deploys to.`,
      ];
    });
  });
};
