/**
 * AWS partitions and how region codes map to them (botocore's endpoints.json: each partition's
 * regionRegex). The stack fills `${partition}` from the OIDC provider ARN or the caller's account.
 */
const PARTITIONS: readonly { name: string; regions: RegExp }[] = [
  { name: "aws-cn", regions: /^cn-/ },
  { name: "aws-us-gov", regions: /^us-gov-/ },
  { name: "aws-iso", regions: /^us-iso-/ },
  { name: "aws-iso-b", regions: /^us-isob-/ },
  { name: "aws-iso-e", regions: /^eu-isoe-/ },
  { name: "aws-iso-f", regions: /^us-isof-/ },
  { name: "aws-eusc", regions: /^eusc-/ },
  { name: "aws", regions: /^(af|ap|ca|eu|il|me|mx|sa|us)-/ },
];

export const PARTITION_NAMES = PARTITIONS.map((p) => p.name).sort();

/** The partition of a region code, or undefined for a code no partition has. */
export function partitionOfRegion(region: string): string | undefined {
  return PARTITIONS.find((p) => p.regions.test(region))?.name;
}
