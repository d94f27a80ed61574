import { problemsOf } from "./problems-of";
import { IdentityType, type ServiceAccountOptions } from "../../src";

// disableSessionTags and allowWildcardSubjects depend on what an entry makes of Pod Identity: an association, a role
// trusting pods.eks.amazonaws.com, or both. Each part alone decides, as the stack's identityParts does.
const PARTS: [string, Partial<ServiceAccountOptions>][] = [
  ["an association and a trust (POD_IDENTITY)", { identityType: IdentityType.POD_IDENTITY }],
  ["a trust only (POD_IDENTITY, roleOnly)", { identityType: IdentityType.POD_IDENTITY, roleOnly: true }],
  [
    "an association only (POD_IDENTITY, existingRoleArn)",
    { identityType: IdentityType.POD_IDENTITY, existingRoleArn: "arn:aws:iam::123456789012:role/orders" },
  ],
];

/** The problems at one option of the entry's. */
const problemsAt = (option: string, fields: Partial<ServiceAccountOptions>) =>
  problemsOf({ serviceAccounts: [{ name: "api", namespace: "shop", ...fields }] }).filter((problem) =>
    problem.startsWith(`serviceAccounts[0].${option}: `),
  );

test.each(PARTS)("disableSessionTags applies to an entry with %s", (_parts, fields) => {
  expect(problemsAt("disableSessionTags", { ...fields, disableSessionTags: true })).toEqual([]);
});

test.each(PARTS)("allowWildcardSubjects is refused for an entry with %s", (_parts, fields) => {
  expect(problemsAt("allowWildcardSubjects", { ...fields, allowWildcardSubjects: true })).toEqual([
    `serviceAccounts[0].allowWildcardSubjects: a Pod Identity association binds one named service account, so wildcards cannot apply with identityType POD_IDENTITY; name each service account.`,
  ]);
});
