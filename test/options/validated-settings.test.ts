import { problemsOf } from "./problems-of";
import type { EksIrsaProjectOptions } from "../../src";
import * as resolution from "../../src/options/resolve-stack-settings";
import { validatedSettings } from "../../src/options/validation";

// How validatedSettings puts the problems of the options' shape and of their values into one error.

// The real resolution, with a seam to make it fail as a bug in it would.
jest.mock("../../src/options/resolve-stack-settings", () => {
  const actual = jest.requireActual<typeof resolution>("../../src/options/resolve-stack-settings");
  return { ...actual, resolveStackSettings: jest.fn(actual.resolveStackSettings) };
});

const base: EksIrsaProjectOptions = { name: "orders-stack", defaultReleaseBranch: "main" };

test("a value of the wrong kind is reported by its shape, alongside the problems of the other options", () => {
  expect(
    problemsOf({
      roleNamePrefix: "p".repeat(33),
      serviceAccounts: [{ name: "api", namespace: "shop", maxSessionDuration: "1h" as never }],
    }),
  ).toEqual([
    'serviceAccounts[0].maxSessionDuration: "1h" is a string, but the option takes a number; write a number, without quotes.',
    `roleNamePrefix: "${"p".repeat(33)}" cannot start an IAM role name; use at most 32 letters, digits or '+=,.@_-'.`,
  ]);
});

test("an error inside the resolution of well-shaped options surfaces as itself, not as an empty list of problems", () => {
  const bug = new TypeError("a bug in resolveStackSettings");
  jest.mocked(resolution.resolveStackSettings).mockImplementationOnce(() => {
    throw bug;
  });
  expect(() => validatedSettings({ ...base, serviceAccounts: [{ name: "api", namespace: "shop" }] })).toThrow(bug);
});

test("an error inside the resolution of misshapen options gives way to the shape problems that explain it", () => {
  jest.mocked(resolution.resolveStackSettings).mockImplementationOnce(() => {
    throw new TypeError("cannot read properties of a string");
  });
  expect(problemsOf({ serviceAccounts: "api" as never })).toEqual([
    expect.stringMatching(/^serviceAccounts: "api" is a string/),
  ]);
});
