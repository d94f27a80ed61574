/**
 * The stack's check of its own stack files (stack/test/stack-file-check.ts, run by its test/stack-config.test.ts):
 * on the default stack's Pulumi.yaml, with a Pulumi.dev.yaml as a team might have left it.
 */
import { writeFileSync } from "fs";
import { join } from "path";
import { Testing } from "projen";
import { newProject, temporaryOutdir } from "../project-fixture";

/** What stack/test/stack-file-check.ts exports, loaded by path (see ./can-i-command.ts for why). */
interface StackFileCheck {
  stackFileProblems(dir: string, stack: string): Promise<string[]>;
  stacksWithFiles(dir: string): string[];
}
const { stackFileProblems, stacksWithFiles } = jest.requireActual<StackFileCheck>("../../stack/test/stack-file-check");

const PROVIDER = "arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/0A1B2C";
const files = Testing.synth(newProject());

/** A folder with the default stack's Pulumi.yaml and Pulumi.dev.yaml holding these lines (`config:` first). */
function stackWith(...lines: string[]): string {
  const dir = temporaryOutdir();
  writeFileSync(join(dir, "Pulumi.yaml"), files["Pulumi.yaml"]);
  writeFileSync(join(dir, "Pulumi.dev.yaml"), ["config:", ...lines.map((line) => `  ${line}`), ""].join("\n"));
  return dir;
}

test("the stack file as the scaffold writes it: nothing set yet, nothing wrong", async () => {
  const dir = temporaryOutdir();
  for (const file of ["Pulumi.yaml", "Pulumi.dev.yaml"]) writeFileSync(join(dir, file), files[file]);
  expect(stacksWithFiles(dir)).toEqual(["dev"]);
  expect(await stackFileProblems(dir, "dev")).toEqual([]);
});

test.each(["cn-north-1", "us-gov-west-1"])(
  "a fresh stack file of a region in another partition (%s): the placeholders are in that partition, nothing wrong",
  async (region) => {
    expect(await stackFileProblems(stackWith(`aws:region: ${region}`), "dev")).toEqual([]);
  },
);

test("values of a real account and region pass", async () => {
  const more = PROVIDER.replace("0A1B2C", "3D4E5F");
  const dir = stackWith(
    "aws:region: eu-west-1",
    `orders-stack:oidcProviderArn: ${PROVIDER}`,
    "orders-stack:additionalOidcProviderArns:",
    `  - ${more}`,
  );
  expect(await stackFileProblems(dir, "dev")).toEqual([]);
});

test.each([
  [
    "a malformed ARN",
    ["orders-stack:oidcProviderArn: not-an-arn"],
    /^Pulumi\.dev\.yaml: Invalid oidcProviderArn: "not-an-arn" is not an IAM OIDC provider ARN\./,
  ],
  [
    "a provider of another partition than the region's",
    ["aws:region: us-east-1", `orders-stack:oidcProviderArn: ${PROVIDER.replace("arn:aws:", "arn:aws-cn:")}`],
    /^Pulumi\.dev\.yaml: Invalid oidcProviderArn: .* is in partition aws-cn, but this stack deploys to partition aws /,
  ],
  [
    "an additional provider of another account",
    [
      `orders-stack:oidcProviderArn: ${PROVIDER}`,
      `orders-stack:additionalOidcProviderArns: ["${PROVIDER.replace("111122223333", "444455556666")}"]`,
    ],
    /^Pulumi\.dev\.yaml: Invalid additionalOidcProviderArns\[0\]: .* is in account 444455556666 /,
  ],
  [
    "an aws:region that is no region code",
    ["aws:region: us-east1", "orders-stack:oidcProviderArn: not-checked-against-a-guessed-partition"],
    /^Pulumi\.dev\.yaml: aws:region "us-east1" is not an AWS region code: write one as AWS lists them, in lower case/,
  ],
  [
    "a key in another case",
    [`orders-stack:oidcProviderARN: ${PROVIDER}`],
    /^Pulumi\.dev\.yaml: orders-stack:oidcProviderARN is not a key of Pulumi\.yaml: did you mean orders-stack:oidcProviderArn\? /,
  ],
])("%s is a problem, said with the file and the fix", async (_, lines, problem) => {
  expect(await stackFileProblems(stackWith(...lines), "dev")).toEqual([expect.stringMatching(problem)]);
});

test("keys of the team's own, and keys without a namespace, are not the check's to refuse", async () => {
  // The team's program (src/index.ts is theirs) may read keys of its own; `plan` notes an unqualified key instead.
  const dir = stackWith("orders-stack:team: payments", `oidcProviderArn: ${PROVIDER}`);
  expect(await stackFileProblems(dir, "dev")).toEqual([]);
});
