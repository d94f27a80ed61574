import * as fc from "fast-check";
import { MAX_ROLE_NAME_LENGTH, roleNameFor } from "../../src/options/role-name";

const label = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/);
const subdomain = fc.stringMatching(/^[a-z0-9]([-a-z0-9.]{0,120}[a-z0-9])?$/).filter((s) => !s.includes(".."));
const serviceAccount = fc.record({ name: subdomain, namespace: label });
const prefix = fc.stringMatching(/^[A-Za-z0-9_.-]{0,30}$/);

/** fast-check's runs per property: reported by the test names. */
const RUNS = 2000;

describe("roleNameFor", () => {
  test("names a role <prefix><name>@<namespace> when that fits", () => {
    expect(roleNameFor({ name: "app", namespace: "default" }, "shop-")).toBe("shop-app@default");
  });

  test("shortens a 60-character service account name to 64 characters, keeping its start and a stable hash", () => {
    const name = "a".repeat(60);
    const roleName = roleNameFor({ name, namespace: "default" }, "shop-");
    expect(roleName).toHaveLength(64);
    expect(roleName.startsWith("shop-aaaa")).toBe(true);
    expect(roleName).toMatch(/-[0-9a-f]{8}$/);
    expect(roleNameFor({ name, namespace: "default" }, "shop-")).toBe(roleName);
  });

  test(`any service account gives a valid IAM role name of at most 64 characters (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(serviceAccount, prefix, (sa, p) => {
        const roleName = roleNameFor(sa, p);
        return roleName.length <= MAX_ROLE_NAME_LENGTH && /^[\w+=,.@-]+$/.test(roleName);
      }),
      { numRuns: RUNS },
    );
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
