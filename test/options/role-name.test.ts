import * as fc from "fast-check";
import { roleNameFor } from "../../src/options/role-name";

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
