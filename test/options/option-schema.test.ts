import type { EksIrsaProjectOptions } from "../../src";
import { checkValue } from "../../src/options/rules/option-schema";
import { OWN_ASSEMBLY } from "../../src/options/type-info/jsii-assembly";
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

test("a boolean in quotes, a map's entry, an enum given a number, a struct or a map given null: each named where it is", () => {
  expect(
    problemsOf({
      identityType: 1,
      serviceAccounts: [
        null,
        { name: "web", namespace: "shop", exampleDeployment: "yes", tags: { team: 5 }, labels: null },
      ],
    }),
  ).toEqual([
    "identityType: 1 is not a member of IdentityType; use one of IdentityType.IRSA, IdentityType.POD_IDENTITY, IdentityType.IRSA_AND_POD_IDENTITY.",
    "serviceAccounts[0]: null is not an object; expected ServiceAccountOptions ({ ... }).",
    'serviceAccounts[1].exampleDeployment: "yes" is a string, but the option takes a boolean; write true or false, without quotes.',
    'serviceAccounts[1].tags["team"]: 5 is a number, but the option takes a string; write it in quotes.',
    "serviceAccounts[1].labels: null is null, but the option takes a map ({ key: value }).",
  ]);
});

test("an option whose type is a class (projen's parent: a Project) is an object of its own, not checked field by field", () => {
  expect(problemsOf({ parent: { outdir: 5, anything: true } })).toEqual([]);
});

describe("an option of several types (options inherited from projen)", () => {
  const jestConfig = (config: object) => ({ jestOptions: { jestConfig: config } });

  test("a value of any of its types passes", () => {
    // maxWorkers: string | number; bail: number | boolean; testRegex: string | string[].
    // projects: (string | map of any)[].
    expect(
      problemsOf(jestConfig({ maxWorkers: "50%", bail: true, testRegex: ["a", "b"], projects: [{ displayName: 1 }] })),
    ).toEqual([]);
    expect(problemsOf(jestConfig({ maxWorkers: 2, bail: 1, testRegex: "x", projects: ["stack"] }))).toEqual([]);
  });

  test("a value of none of its types is told every type the option takes", () => {
    expect(problemsOf(jestConfig({ maxWorkers: true, bail: "yes", testRegex: { a: "b" }, projects: [5] }))).toEqual([
      "jestOptions.jestConfig.maxWorkers: true is a boolean, but the option takes a string or a number.",
      'jestOptions.jestConfig.bail: "yes" is a string, but the option takes a number or a boolean.',
      'jestOptions.jestConfig.testRegex: {"a":"b"} is an object, but the option takes a string or a list ([ ... ]).',
      "jestOptions.jestConfig.projects[0]: 5 is a number, but the option takes a string or a map ({ key: value }).",
    ]);
  });

  test("a value of one of its types is checked as that type: what is wrong inside it is named", () => {
    // The first type of bail (number | boolean), the second of the others.
    expect(problemsOf(jestConfig({ testRegex: ["a", 5], maxWorkers: Number.NaN, bail: Number.NaN }))).toEqual([
      "jestOptions.jestConfig.testRegex[1]: 5 is a number, but the option takes a string; write it in quotes.",
      "jestOptions.jestConfig.maxWorkers: NaN is not a finite number.",
      "jestOptions.jestConfig.bail: NaN is not a finite number.",
    ]);
  });

  test("a struct among its types is named as the struct", () => {
    // mergeConditions: (string | MergifyConditionalOperator)[]; and: the same.
    const queue = (conditions: unknown[]) => ({
      githubOptions: { mergifyOptions: { queues: [{ name: "default", mergeConditions: conditions }] } },
    });
    expect(problemsOf(queue(["#approved-reviews-by>=1", { and: ["ci"] }]))).toEqual([]);
    expect(problemsOf(queue([5, { and: [true], nor: ["x"] }, null]))).toEqual([
      "githubOptions.mergifyOptions.queues[0].mergeConditions[0]: 5 is a number, but the option takes a string or MergifyConditionalOperator ({ ... }).",
      "githubOptions.mergifyOptions.queues[0].mergeConditions[1].and[0]: true is a boolean, but the option takes a string or MergifyConditionalOperator ({ ... }).",
      'githubOptions.mergifyOptions.queues[0].mergeConditions[1].nor: "nor" is not a field of MergifyConditionalOperator, so its value would be ignored; did you mean or?',
      "githubOptions.mergifyOptions.queues[0].mergeConditions[2]: null is null, but the option takes a string or MergifyConditionalOperator ({ ... }).",
    ]);
  });

  // Kinds of union no option reaches today, as jsii can declare them.
  test("a value that one of its types accepts passes, though it is of no other type's kind", () => {
    const jsonOrString = { union: { types: [{ primitive: "json" as const }, { primitive: "string" as const }] } };
    expect(checkValue(5, jsonOrString, "x")).toEqual([]);
  });

  test("an enum among its types: a string is checked as a member, another value told every type", () => {
    const identityTypeOrNumber = {
      union: { types: [{ fqn: `${OWN_ASSEMBLY}.IdentityType` }, { primitive: "number" as const }] },
    };
    expect(checkValue(3, identityTypeOrNumber, "x")).toEqual([]);
    expect(checkValue("irsa", identityTypeOrNumber, "x")).toEqual([
      'x: "irsa" is not a member of IdentityType (did you mean IdentityType.IRSA?); use one of IdentityType.IRSA, IdentityType.POD_IDENTITY, IdentityType.IRSA_AND_POD_IDENTITY.',
    ]);
    expect(checkValue(true, identityTypeOrNumber, "x")).toEqual([
      "x: true is a boolean, but the option takes a member of IdentityType or a number.",
    ]);
  });
});
