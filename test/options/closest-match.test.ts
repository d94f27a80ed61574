import { closestMatch, editDistance } from "../../src/options/closest-match";

test("a swap of two neighbours counts as one edit, as typists make it", () => {
  expect(editDistance("namepsace", "namespace")).toBe(1);
  expect(editDistance("serviceAcounts", "serviceAccounts")).toBe(1);
  expect(editDistance("", "abc")).toBe(3);
});

test("the closest candidate is suggested, ignoring case, only when it is close enough to be what was meant", () => {
  expect(closestMatch("namepsace", ["name", "namespace", "roleName"])).toBe("namespace");
  expect(closestMatch("IRSA", ["Irsa", "POD_IDENTITY"])).toBe("Irsa");
  expect(closestMatch("kubernetesVersion", ["namespace", "region"])).toBeUndefined();
});
