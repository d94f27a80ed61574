/** Resource and role names: injective over the declared accounts, per stack for roles, aliased when renamed. */
import * as fc from "fast-check";
import { declareIdentities, serviceAccountSettings } from "./declare-identities";
import { promiseOf, registrationOf, registrations } from "./pulumi-mocks";
import { identityKey } from "../src/resource-names";
import { fitRoleName, MAX_ROLE_NAME_LENGTH, roleNameInStack } from "../src/role-name";
import { settings } from "../src/settings";

const label = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,20}[a-z0-9])?$/);
const subdomain = fc.stringMatching(/^[a-z0-9]([-a-z0-9.]{0,30}[a-z0-9])?$/);
const stackName = fc.stringMatching(/^[A-Za-z0-9_.-]{1,30}$/);

describe("resource names", () => {
  test("a-b/c and a/b-c get resources of their own, each under its own name", async () => {
    const pair = [
      serviceAccountSettings({ namespace: "a-b", name: "c", managedPolicyArns: ["arn:aws:iam::aws:policy/P"] }),
      serviceAccountSettings({ namespace: "a", name: "b-c", managedPolicyArns: ["arn:aws:iam::aws:policy/P"] }),
    ];
    const identities = await declareIdentities({ identityType: "IRSA", serviceAccounts: pair });
    expect(Object.keys(identities)).toEqual(["a-b/c", "a/b-c"]);
    const urns = registrations().map((r) => r.urn);
    expect(new Set(urns).size).toBe(urns.length);
    expect((await registrationOf(identities["a/b-c"].role)).name).toBe("a/b-c");
  });

  test("every inline policy has an explicit name that IAM accepts (resource names hold `/`, which IAM refuses)", async () => {
    const sa = serviceAccountSettings({
      policyStatements: [{ effect: "Allow", actions: ["s3:GetObject"], resources: ["arn:aws:s3:::b/*"] }],
      addonPolicies: ["EXTERNAL_DNS"],
      addonScope: { route53HostedZoneArns: ["arn:aws:route53:::hostedzone/Z123"] },
    });
    await declareIdentities({ identityType: "IRSA", serviceAccounts: [sa] });
    const inlinePolicies = registrations().filter((r) => r.type === "aws:iam/rolePolicy:RolePolicy");
    expect(inlinePolicies.map((r) => r.inputs.name).sort()).toEqual(["addon-external-dns", "workload"]);
    for (const policy of inlinePolicies) {
      // IAM's PutRolePolicy: PolicyName, 1 to 128 of [\w+=,.@-].
      expect(policy.inputs.name).toMatch(/^[\w+=,.@-]{1,128}$/);
    }
  });

  test(`identityKey is injective (${200} cases)`, () => {
    fc.assert(
      fc.property(label, subdomain, label, subdomain, (ns1, n1, ns2, n2) => {
        fc.pre(ns1 !== ns2 || n1 !== n2);
        return identityKey({ namespace: ns1, name: n1 }) !== identityKey({ namespace: ns2, name: n2 });
      }),
      { numRuns: 200 },
    );
  });

  test("renamed resources keep their state: aliases to the <namespace>-<name> names of before", async () => {
    const sa = serviceAccountSettings({
      policyStatements: [{ effect: "Allow", actions: ["s3:GetObject"], resources: ["arn:aws:s3:::b/*"] }],
      managedPolicyArns: ["arn:${partition}:iam::aws:policy/AWSXRayDaemonWriteAccess"],
      exampleDeployment: { image: "aws-cli", replicas: 1 },
    });
    const identity = (await declareIdentities({ identityType: "IRSA", serviceAccounts: [sa] }))["shop/api"];
    const aliasesOf = async (resource: Parameters<typeof registrationOf>[0]) =>
      (await registrationOf(resource)).aliasNames;
    expect(await aliasesOf(identity)).toEqual(["shop-api"]);
    expect(await aliasesOf(identity.serviceAccount!)).toEqual(["shop-api"]);
    expect(await aliasesOf(identity.role)).toEqual(["shop-api"]);
    expect(await aliasesOf(identity.serviceAccountPatch!)).toEqual(["shop-api-sa-annotation"]);
    expect(await Promise.all(identity.policies.map(aliasesOf))).toEqual([
      ["shop-api-inline"],
      ["shop-api-aws-policy-AWSXRayDaemonWriteAccess"],
    ]);
    expect(await aliasesOf(identity.exampleDeployment!)).toEqual(["shop-api-example"]);
  });

  test("no alias where the old name was shared by two accounts (a-b/c and a/b-c were both a-b-c)", async () => {
    const identities = await declareIdentities({
      identityType: "IRSA",
      serviceAccounts: [
        serviceAccountSettings({ namespace: "a-b", name: "c" }),
        serviceAccountSettings({ namespace: "a", name: "b-c" }),
        serviceAccountSettings({ namespace: "shop", name: "api" }),
      ],
    });
    expect((await registrationOf(identities["a-b/c"].role)).aliasNames).toEqual([]);
    expect((await registrationOf(identities["a/b-c"].role)).aliasNames).toEqual([]);
    expect((await registrationOf(identities["shop/api"].role)).aliasNames).toEqual(["shop-api"]);
  });
});

describe("role names", () => {
  const sa = serviceAccountSettings();

  test("the first stack keeps <prefix><name>@<namespace>; every other stack adds @<stack>", async () => {
    const roleName = async (stack: string) => {
      const identities = await declareIdentities({ serviceAccounts: [sa] }, { mocks: { stack } });
      return promiseOf(identities["shop/api"].role.name);
    };
    // Other stacks' names: never the first stack's, whatever this stack named it (prod, staging...).
    const [other, another] = [`${settings.firstStackName}-other`, `${settings.firstStackName}-another`];
    expect(await roleName(settings.firstStackName)).toBe(sa.roleName);
    expect(await roleName(other)).toBe(`${sa.roleName}@${other}`);
    expect(await roleName(another)).not.toBe(await roleName(other));
  });

  test("a given roleName is the same in every stack", () => {
    const given = { roleName: "orders-api", roleNamePerStack: false };
    expect(roleNameInStack(given, "prod", "dev")).toBe("orders-api");
  });

  test(`two stacks never share a derived role name, and every name fits IAM (${500} cases)`, () => {
    fc.assert(
      fc.property(label, subdomain, stackName, stackName, (namespace, name, a, b) => {
        fc.pre(a !== b);
        const derived = { roleName: `orders-stack-${name}@${namespace}`, roleNamePerStack: true };
        const [inA, inB] = [roleNameInStack(derived, a, "dev"), roleNameInStack(derived, b, "dev")];
        return inA !== inB && inA.length <= MAX_ROLE_NAME_LENGTH && /^[\w+=,.@-]+$/.test(inA);
      }),
      { numRuns: 500 },
    );
  });

  test("a name past 64 characters keeps its start and ends in a stable hash", () => {
    const long = `orders-stack-${"a".repeat(60)}@default`;
    const fitted = fitRoleName(long);
    expect(fitted).toHaveLength(MAX_ROLE_NAME_LENGTH);
    expect(fitted.startsWith("orders-stack-aaaa")).toBe(true);
    expect(fitted).toMatch(/-[0-9a-f]{8}$/);
    expect(fitRoleName(long)).toBe(fitted);
    expect(fitRoleName(`${long}x`)).not.toBe(fitted);
  });

  test("two accounts that IAM would give one role (names differ in case only) stop the program", async () => {
    await expect(
      declareIdentities({
        serviceAccounts: [
          serviceAccountSettings({ name: "api", roleName: "Orders", roleNamePerStack: false }),
          serviceAccountSettings({ name: "web", roleName: "orders", roleNamePerStack: false }),
        ],
      }),
    ).rejects.toThrow('shop/web and shop/api would both use IAM role "orders"');
  });
});
