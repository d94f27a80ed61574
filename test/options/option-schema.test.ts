import type { EksIrsaProjectOptions } from "../../src";
import { OptionsValidationError, validatedSettings } from "../../src/options/validation";

// src/options/rules/option-schema.ts: values of the wrong kind, checked against the jsii types, in every struct.

function problemsOf(options: object): string[] {
  try {
    validatedSettings({ name: "orders-stack", defaultReleaseBranch: "main", ...options } as EksIrsaProjectOptions);
  } catch (error) {
    if (error instanceof OptionsValidationError) return error.problems;
    throw error;
  }
  return [];
}

test("each value of the wrong kind is named with what it is and what the option takes", () => {
  const web = { name: "web", namespace: "shop" };
  expect(
    problemsOf({
      serviceAccounts: [
        "api",
        { ...web, tags: ["team"], maxSessionDuration: Number.NaN, roleName: null, audience: {}, labels: "team" },
      ],
    }),
  ).toEqual([
    'serviceAccounts[0]: "api" is not an object; expected ServiceAccountOptions ({ ... }).',
    'serviceAccounts[1].tags: ["team"] is a list, but the option takes a map ({ key: value }).',
    "serviceAccounts[1].maxSessionDuration: NaN is not a finite number.",
    "serviceAccounts[1].roleName: null is null, but the option takes a string; write it in quotes.",
    "serviceAccounts[1].audience: {} is an object, but the option takes a string; write it in quotes.",
    'serviceAccounts[1].labels: "team" is a string, but the option takes a map ({ key: value }).',
  ]);
});

test("a boolean in quotes, a map's entry, an enum given a number, a struct given null: each named where it is", () => {
  expect(
    problemsOf({
      identityType: 1,
      serviceAccounts: [null, { name: "web", namespace: "shop", exampleDeployment: "yes", tags: { team: 5 } }],
    }),
  ).toEqual([
    "identityType: 1 is not a member of IdentityType; use one of IdentityType.IRSA, IdentityType.POD_IDENTITY, IdentityType.IRSA_AND_POD_IDENTITY.",
    "serviceAccounts[0]: null is not an object; expected ServiceAccountOptions ({ ... }).",
    'serviceAccounts[1].exampleDeployment: "yes" is a string, but the option takes a boolean; write true or false, without quotes.',
    'serviceAccounts[1].tags["team"]: 5 is a number, but the option takes a string; write it in quotes.',
  ]);
});
