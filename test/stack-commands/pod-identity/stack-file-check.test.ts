/**
 * The stack-file check (stack/test/stack-file-check.ts) on the Pod Identity stack variant (run in its jest project):
 * its Pod Identity entries read the cluster, its IRSA ones the OIDC provider, in the partition of the region.
 */
import { writeFileSync } from "fs";
import { join } from "path";
import { Testing } from "projen";
import { STACK_VARIANTS } from "../../../scripts/stack-variants";
import { newProject, temporaryOutdir } from "../../project-fixture";

interface StackFileCheck {
  stackFileProblems(dir: string, stack: string): Promise<string[]>;
}
const { stackFileProblems } = jest.requireActual<StackFileCheck>("../../../stack/test/stack-file-check");

const files = Testing.synth(newProject(STACK_VARIANTS["pod-identity"]));

test.each(["us-east-1", "cn-north-1"])("a fresh stack file in %s: nothing wrong", async (region) => {
  const dir = temporaryOutdir();
  writeFileSync(join(dir, "Pulumi.yaml"), files["Pulumi.yaml"]);
  writeFileSync(join(dir, "Pulumi.dev.yaml"), `config:\n  aws:region: ${region}\n`);
  expect(await stackFileProblems(dir, "dev")).toEqual([]);
});

test("a bad cluster name is a problem, said with the file", async () => {
  const dir = temporaryOutdir();
  writeFileSync(join(dir, "Pulumi.yaml"), files["Pulumi.yaml"]);
  writeFileSync(join(dir, "Pulumi.dev.yaml"), "config:\n  orders-stack:clusterName: -bad\n");
  expect(await stackFileProblems(dir, "dev")).toEqual([
    expect.stringMatching(/^Pulumi\.dev\.yaml: Invalid clusterName: "-bad"\. An EKS cluster name is 1-100 characters/),
  ]);
});
