/**
 * `npx projen plan` (stack/test/plan.ts) on the add-ons stack variant (test/stack-variants/addons/, run in its jest
 * project), whose entries include an existing role: read, not managed, so no trust policy of this stack's to print.
 */
import { writeFileSync } from "fs";
import { join } from "path";
import { Testing } from "projen";
import { STACK_VARIANTS } from "../../../scripts/stack-variants";
import { newProject, temporaryOutdir } from "../../project-fixture";
import { freshRun, type Printer } from "../fresh-run";

interface PlanCommand {
  plan(args: string[], out: Printer, dir: string): Promise<void>;
}

test("an existing role is printed as read, with no trust policy, and the plan goes on", async () => {
  const files = Testing.synth(newProject(STACK_VARIANTS.addons));
  const dir = temporaryOutdir();
  for (const file of ["Pulumi.yaml", "Pulumi.dev.yaml"]) writeFileSync(join(dir, file), files[file]);
  const { stdout, stderr } = await freshRun((out) =>
    jest.requireActual<PlanCommand>("../../../stack/test/plan").plan(["--stack", "dev"], out, dir),
  );
  expect(stderr).toBe("");
  expect(stdout).toContain("\n  read, not managed: the existing role orders-api, whose trust policy is its owner's\n");
  expect(stdout).toContain("\nAccess matrix");
});
