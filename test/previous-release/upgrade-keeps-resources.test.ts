/**
 * An upgrade from the previous release keeps every resource its stacks deployed: each is registered by this
 * version under the same type and name, or aliased to them, and each IAM role keeps its name, but for the
 * replacements the README's upgrade notes list. The previous release's resources are recorded in
 * resource-identities.json here (README.md: how, and how the record moves on with each release).
 */
import { readFileSync } from "fs";
import { join } from "path";
import {
  readPreviousRelease,
  RECORDED_STACKS,
  registeredAs,
  SCAFFOLD_OPTIONS,
  stackSettingsFor,
} from "../../scripts/previous-release";
import { exampleServiceAccount } from "../../src/options/resolve-stack-settings";
import { recordedResourcesLost } from "../../stack/test/resource-identities";

const previous = readPreviousRelease();

/** What the README's upgrade notes say `pulumi up` replaces, by stack: nothing else may be lost. */
const NOTED_REPLACEMENTS: Record<string, RegExp[]> = {
  dev: [],
  // Derived role names end in @<stack> in every stack but the first: the role is replaced.
  prod: [
    /^eks-irsa:index:WorkloadIdentity\$aws:iam\/role:Role::default-app: IAM role \/(\S+) would be replaced by \/\1@prod /,
  ],
};

describe.each(Object.entries(previous.variants))(`upgrade from ${previous.release}, options %s`, (_, variant) => {
  test.each(RECORDED_STACKS)("stack %s keeps every resource, or the notes say it is replaced", async (stack) => {
    const registered = await registeredAs(stack, stackSettingsFor(variant.options));
    const lost = recordedResourcesLost(variant.stacks[stack], registered, stack);
    expect(lost).toEqual(NOTED_REPLACEMENTS[stack].map((noted) => expect.stringMatching(noted)));
  });
});

test.each(Object.entries(previous.variants))(
  "options %s: the notes' way to keep a role (roleName set to its current name) keeps it in every stack",
  async (_, variant) => {
    for (const stack of RECORDED_STACKS) {
      const roles = Object.values(variant.stacks[stack]).flatMap((resource) => resource.role ?? []);
      expect(roles).toHaveLength(1);
      const options = { ...SCAFFOLD_OPTIONS, ...variant.options };
      const kept = { ...exampleServiceAccount(options), roleName: roles[0].name };
      const registered = await registeredAs(stack, stackSettingsFor({ ...variant.options, serviceAccounts: [kept] }));
      expect(recordedResourcesLost(variant.stacks[stack], registered, stack)).toEqual([]);
    }
  },
);

test("the recorded release is the previous one: every variant recorded as every stack", () => {
  for (const variant of Object.values(previous.variants)) {
    expect(Object.keys(variant.stacks)).toEqual([...RECORDED_STACKS]);
    expect(Object.keys(variant.stacks.dev).length).toBeGreaterThan(0);
  }
});

test("the README's upgrade notes list the replaced role, and how to keep it", () => {
  const readme = readFileSync(join(__dirname, "..", "..", "README.md"), "utf-8");
  const start = readme.indexOf("### Upgrade notes");
  const notes = readme.slice(start, readme.indexOf("\n## ", start));
  expect(notes).toContain("derived role names now end in\n  `@<stack>`. **A role whose name changes is replaced**");
  expect(notes).toContain("To keep a role, set `roleName`");
});
