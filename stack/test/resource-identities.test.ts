/**
 * A regeneration keeps the stack's deployed resources: every resource in resource-identities.json is still registered
 * under its identity or an alias to it, and every recorded IAM role keeps its name (src/resource-identities.ts).
 */
import { declareIdentities, FIRST_STACK, registeredAs, serviceAccountSettings } from "./declare-identities";
import { registrations } from "./pulumi-mocks";
import {
  readRecord,
  RECORD_COMMAND,
  RECORD_FILE,
  recordedResourcesLost,
  recordWithNewResources,
  stackRecord,
  stacksOfThisProject,
  writeRecord,
} from "./resource-identities";

/** Where nothing may be written: a missing record fails there instead (as a missing jest snapshot does under --ci). */
const IN_CI = Boolean(process.env.CI) && process.env.CI !== "false";

const record = readRecord();
const stacks = [...new Set([...Object.keys(record?.stacks ?? {}), ...stacksOfThisProject()])];

describe.each(stacks)("stack %s", (stack) => {
  test("keeps every recorded resource: same type and name or an alias to them, every role its IAM name", async () => {
    const registered = await registeredAs(stack);
    const recorded = record?.stacks[stack];
    if (!recorded) {
      if (IN_CI) {
        throw new Error(
          `${RECORD_FILE} has no record of stack "${stack}". Run \`npx projen test\` (or \`${RECORD_COMMAND}\`) ` +
            `outside CI and commit ${RECORD_FILE}.`,
        );
      }
      // First run for this stack: what it registers now is what later regenerations must keep.
      writeRecord({ ...readRecord()?.stacks, [stack]: stackRecord(registered, stack) });
      return;
    }
    const lost = recordedResourcesLost(recorded, registered, stack);
    if (lost.length > 0) {
      throw new Error(
        `\`pulumi up\` of stack "${stack}" would delete or replace resources it deployed:\n  ${lost.join("\n  ")}\n` +
          `A resource renamed in this stack's library needs a Pulumi alias to its old name (report it to ` +
          `eks-irsa-template). If the change is yours and deliberate (you removed or renamed an entry, or changed ` +
          `its identityType, and \`npx projen preview\` shows what you expect), record the resources as they are ` +
          `now: ${RECORD_COMMAND}`,
      );
    }
    // What the stack registers since it was recorded is guarded from now on, as a new jest snapshot is written.
    const extended = IN_CI ? undefined : recordWithNewResources(recorded, registered, stack);
    if (extended) writeRecord({ ...readRecord()?.stacks, [stack]: extended });
  });
});

describe("the check", () => {
  // Checked as this project's first stack, whose derived role names have no @<stack> (a starter's may be "staging"),
  // and as another one.
  const first = FIRST_STACK;
  const other = `not-${first}`;
  const api = serviceAccountSettings({ managedPolicyArns: ["arn:${partition}:iam::aws:policy/ReadOnlyAccess"] });
  const recordOf = async (sa: typeof api, stack = first) => {
    await declareIdentities({ serviceAccounts: [sa] }, { mocks: { stack } });
    return stackRecord(registrations(), stack);
  };
  const lostAfter = async (before: typeof api, after: typeof api, stack = first) => {
    const recorded = await recordOf(before, stack);
    await declareIdentities({ serviceAccounts: [after] }, { mocks: { stack } });
    return recordedResourcesLost(recorded, registrations(), stack);
  };

  test("passes when nothing changed", async () => {
    expect(await lostAfter(api, api)).toEqual([]);
  });

  test("reports every resource of a renamed account: deleted, not aliased", async () => {
    const lost = await lostAfter(api, { ...api, name: "api2", roleName: api.roleName });
    expect(lost).toContainEqual(
      expect.stringMatching(/^eks-irsa:index:WorkloadIdentity\$aws:iam\/role:Role::shop\/api: .*deleted/),
    );
    expect(lost).toContainEqual(expect.stringMatching(/RolePolicyAttachment::shop\/api\/arn:.*deleted/));
  });

  test("reports a removed policy attachment", async () => {
    const lost = await lostAfter(api, { ...api, managedPolicyArns: [] });
    expect(lost).toEqual([expect.stringMatching(/^.*RolePolicyAttachment::shop\/api\/.*ReadOnlyAccess: .*deleted$/)]);
  });

  test("reports a role whose IAM name or path changes: replaced, with how to keep it", async () => {
    expect(await lostAfter(api, { ...api, roleName: "renamed" })).toEqual([
      `eks-irsa:index:WorkloadIdentity$aws:iam/role:Role::shop/api: IAM role /${api.roleName} would be replaced by ` +
        `/renamed (IAM cannot rename a role); keep it with roleName: "${api.roleName}" on its entry in .projenrc.ts`,
    ]);
    expect(await lostAfter(api, { ...api, rolePath: "/team/" })).toEqual([
      expect.stringContaining("would be replaced"),
    ]);
  });

  test("accepts the names of before through their aliases, and keeps the aliases", async () => {
    const recorded = await recordOf(api);
    // What a stack deployed with the names of before recorded: each alias as the identity.
    const before = Object.fromEntries(
      Object.values(recorded).flatMap((resource) => (resource.aliases ?? []).map((alias) => [alias, {}])),
    );
    expect(Object.keys(before)).toContain("eks-irsa:index:WorkloadIdentity$aws:iam/role:Role::shop-api");
    expect(recordedResourcesLost(before, registrations(), first)).toEqual([]);
    // An alias the record holds must stay: a stack not deployed since the rename still has that name.
    const withoutAliases = registrations().map((r) => ({ ...r, aliases: [] }));
    expect(recordedResourcesLost(recorded, withoutAliases, first)).toContainEqual(
      `eks-irsa:index:WorkloadIdentity$aws:iam/role:Role::shop/api: no longer aliases ` +
        `eks-irsa:index:WorkloadIdentity$aws:iam/role:Role::shop-api: a stack not deployed since that rename would delete it`,
    );
  });

  test("resources registered since the record are added to it; recorded ones are kept as they are", async () => {
    const recorded = await recordOf({ ...api, managedPolicyArns: [] });
    await declareIdentities({ serviceAccounts: [api] }, { mocks: { stack: first } });
    const extended = recordWithNewResources(recorded, registrations(), first)!;
    const added = Object.keys(extended).filter((id) => !(id in recorded));
    expect(added).toEqual([
      expect.stringMatching(/RolePolicyAttachment::shop\/api\/arn:\$\{partition\}:iam::aws:policy\/ReadOnlyAccess$/),
    ]);
    expect(extended).toMatchObject(recorded);
    expect(recordWithNewResources(extended, registrations(), first)).toBeUndefined();
    // A resource that answers to a recorded identity through an alias is not new.
    const before = Object.fromEntries(
      Object.values(extended).flatMap((resource) => (resource.aliases ?? []).map((alias) => [alias, {}])),
    );
    expect(Object.keys(recordWithNewResources(before, registrations(), first) ?? {})).not.toContain(
      "eks-irsa:index:WorkloadIdentity$aws:iam/role:Role::shop/api",
    );
  });

  test("a retained resource no longer declared is dropped from the stack, not deleted; one of its type left is a rename", async () => {
    const agent = "aws:eks/addon:Addon::eks-pod-identity-agent";
    const recorded = { [agent]: { retained: true as const }, "aws:iam/role:Role::gone": {} };
    expect(recordedResourcesLost(recorded, [], first)).toEqual([
      "aws:iam/role:Role::gone: no resource is registered under this identity or an alias to it: it would be deleted",
    ]);
    // The add-on under another name and no alias: Pulumi would create it beside the one left in place.
    const renamed = { ...registrations()[0], type: "aws:eks/addon:Addon", name: "agent", parent: "", aliases: [] };
    renamed.urn = `urn:pulumi:${first}::orders-stack::aws:eks/addon:Addon::agent`;
    expect(recordedResourcesLost({ [agent]: { retained: true } }, [renamed], first)).toEqual([
      `${agent}: no resource is registered under this identity or an alias to it: it would be deleted`,
    ]);
    // Another add-on the record knows is not a rename of this one.
    const recordedOther = { [agent]: { retained: true as const }, "aws:eks/addon:Addon::agent": {} };
    expect(recordedResourcesLost(recordedOther, [renamed], first)).toEqual([]);
  });

  test("records made before the retained mark get it from the program, recorded entries otherwise kept", async () => {
    const adopted = serviceAccountSettings({ createServiceAccount: false });
    const recorded = await recordOf(adopted);
    const patch = Object.keys(recorded).find((id) => id.includes("ServiceAccountPatch"))!;
    expect(recorded[patch]).toMatchObject({ retained: true });
    const unmarked = { ...recorded, [patch]: { ...recorded[patch], retained: undefined } };
    await declareIdentities({ serviceAccounts: [adopted] }, { mocks: { stack: first } });
    expect(recordWithNewResources(unmarked, registrations(), first)).toEqual(recorded);
  });

  test("a role's name is per stack: the record of one stack is checked as that stack", async () => {
    // Derived names get @<stack> in every stack but the first (src/role-name.ts): recorded and checked per stack.
    const recorded = await recordOf(api, other);
    expect(Object.values(recorded).find((r) => r.role)?.role?.name).toBe(`${api.roleName}@${other}`);
    await declareIdentities({ serviceAccounts: [api] }, { mocks: { stack: other } });
    expect(recordedResourcesLost(recorded, registrations(), other)).toEqual([]);
  });
});
