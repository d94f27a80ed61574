import * as fc from "fast-check";
import { serviceAccountSubject } from "../../src/options/service-account-subject";
import * as stack from "../../stack/src/trust-policy";

test("the subject is system:serviceaccount:<namespace>:<name>, namespace first", () => {
  expect(serviceAccountSubject({ namespace: "shop", name: "api" })).toBe("system:serviceaccount:shop:api");
});

test("the synth side builds the very subject the stack pins at run time (500 cases)", () => {
  const label = fc.stringMatching(/^[a-z0-9]([-a-z0-9.*?]{0,30}[a-z0-9])?$/);
  fc.assert(
    fc.property(fc.record({ namespace: label, name: label }), (sa) => {
      expect(serviceAccountSubject(sa)).toBe(stack.serviceAccountSubject(sa));
    }),
    { numRuns: 500 },
  );
});
