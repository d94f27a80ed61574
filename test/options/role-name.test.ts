import * as fc from "fast-check";
import { roleNameFor } from "../../src/options/role-name";
import { fitRoleName } from "../../stack/src/role-name";

const label = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/);
const subdomain = fc.stringMatching(/^[a-z0-9]([-a-z0-9.]{0,120}[a-z0-9])?$/).filter((s) => !s.includes(".."));
const serviceAccount = fc.record({ name: subdomain, namespace: label });
const prefix = fc.stringMatching(/^[A-Za-z0-9_.-]{0,30}$/);

/** fast-check's runs per property: reported by the test names. */
const RUNS = 2000;

// The program fits names to IAM's 64 characters and adds the stack: stack/test/resource-names.test.ts.
describe("roleNameFor", () => {
  test("names a role <prefix><name>@<namespace>", () => {
    expect(roleNameFor({ name: "app", namespace: "default" }, "shop-")).toBe("shop-app@default");
  });

  test(`the same name in two namespaces, or two names in one, never share a role name (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(serviceAccount, serviceAccount, prefix, (a, b, p) => {
        fc.pre(a.name !== b.name || a.namespace !== b.namespace);
        return roleNameFor(a, p) !== roleNameFor(b, p);
      }),
      { numRuns: RUNS },
    );
  });

  test("does not confuse a-b/c with a/b-c", () => {
    expect(roleNameFor({ namespace: "a-b", name: "c" })).not.toBe(roleNameFor({ namespace: "a", name: "b-c" }));
  });
});

describe("role names at and past IAM's 64 characters (the stack's fitRoleName of roleNameFor)", () => {
  const fitted = (sa: { name: string; namespace: string }, rolePrefix?: string) =>
    fitRoleName(roleNameFor(sa, rolePrefix));

  test("a name of exactly 64 characters is kept as it is", () => {
    const sa = { name: "a".repeat(64 - "@default".length - "shop-".length), namespace: "default" };
    expect(fitted(sa, "shop-")).toBe(`shop-${sa.name}@default`);
    expect(fitted(sa, "shop-")).toHaveLength(64);
  });

  test("65 characters are shortened to 64: the first 55 characters, '-' and 8 hex digits of a hash", () => {
    const sa = { name: "a".repeat(65 - "@default".length), namespace: "default" };
    const roleName = fitted(sa);
    expect(roleName).toHaveLength(64);
    expect(roleName).toMatch(new RegExp(`^${"a".repeat(55)}-[0-9a-f]{8}$`));
  });

  test("the same long name in two namespaces gives two role names: the hash covers the namespace", () => {
    const name = "x".repeat(70);
    const names = ["team-a", "team-b"].map((namespace) => fitted({ name, namespace }));
    expect(names[0].slice(0, 55)).toBe(names[1].slice(0, 55));
    expect(names[0]).not.toBe(names[1]);
  });

  test("two long names that differ only past the kept start give two role names", () => {
    const names = ["1", "2"].map((end) => fitted({ name: `${"x".repeat(70)}${end}`, namespace: "default" }));
    expect(names[0]).not.toBe(names[1]);
  });
});
