import { quote, type ServiceAccountRule } from "./rule";
import { closestMatch, editDistance } from "../closest-match";
import { arnMatchesFormat, arnParts, formatForPeople, hasWildcard } from "../iam/arn-format";
import { resourceArnFormats } from "../iam/iam-catalog";
import { PARTITION_NAMES } from "../iam/partitions";

/**
 * The resources of the inline policy: `*`, or ARNs whose partition is one of AWS's (or `${partition}`),
 * and whose shape is one of the resource ARN formats IAM's catalog has for their service.
 */
export const iamResources: ServiceAccountRule = ({ serviceAccount: sa, path }) =>
  sa.policyStatements.flatMap((statement, i) =>
    statement.resources.flatMap((resource) => {
      const problem = resource.trim() === "" ? undefined : resourceProblem(resource);
      return problem ? [`${path("policyStatements")}[${i}].resources: ${problem}`] : [];
    }),
  );

function resourceProblem(resource: string): string | undefined {
  if (resource === "*") {
    return undefined;
  }
  const parts = arnParts(resource);
  if (!parts) {
    return `${quote(resource)} is not an ARN; write arn:<partition>:<service>:<region>:<account>:<resource>, such as "arn:\${partition}:s3:::my-bucket/*", or "*" for every resource.`;
  }
  const [, partition, service] = parts;
  if (!hasWildcard(partition) && !PARTITION_NAMES.includes(partition)) {
    return `${quote(resource)}: ${quote(partition)} is not an AWS partition; write \${partition} (the stack fills it in) or one of ${PARTITION_NAMES.join(", ")}.`;
  }
  if (hasWildcard(service)) {
    return undefined;
  }
  const formats = resourceArnFormats();
  const serviceFormats = formats.get(service);
  if (!serviceFormats) {
    const suggestion = closestMatch(service, formats.keys());
    return `${quote(resource)}: ${quote(service)} is not a service with resource ARNs in IAM's catalog${suggestion ? `; did you mean ${suggestion}?` : "; write the service part as in the service's documentation, such as s3 or dynamodb."}`;
  }
  if (serviceFormats.some((format) => arnMatchesFormat(resource, format))) {
    return undefined;
  }
  const nearest = [...serviceFormats].sort((a, b) => editDistance(resource, a) - editDistance(resource, b))[0];
  return `${quote(resource)} has none of the shapes of ${service} resource ARNs in IAM's catalog; the closest is ${formatForPeople(nearest)}.`;
}
