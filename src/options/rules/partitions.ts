import { quote, type ProjectRule } from "./rule";
import { arnParts } from "../iam/arn-format";
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
        : // Stryker disable next-line ArrayDeclaration: equivalent, a string spread in here is no ARN
          []),
      ...sa.policyStatements.flatMap((statement, i) =>
        statement.resources.map((arn): [string, string] => [
          `${pathOf(index, "policyStatements")}[${i}].resources`,
          arn,
        ]),
      ),
    ];
    return arns.flatMap(([at, arn]) => {
      const given = arnParts(arn)?.[1];
      // Only a known partition other than the region's: `${partition}` and a wildcard fit any, and an unknown name
      // is iamResources' problem.
      const other = PARTITION_NAMES.find((name) => name === given && name !== partition);
      if (!other) {
        return [];
      }
      return [
        `${at}: ${quote(arn)} is in partition ${other}, but region ${settings.region} is in ${partition}; write arn:\${partition}:... and the stack fills in the partition it deploys to.`,
      ];
    });
  });
};
