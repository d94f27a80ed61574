/**
 * The command line of the stack's `npx projen plan` (stack/test/plan.ts). What it prints is the end-to-end scaffold
 * story's: only a scaffolded stack has the Pulumi.yaml it reads.
 */

/** What stack/test/plan.ts exports (type-checked by stack/tsconfig.json, as in ./can-i.test.ts). */
interface PlanCommand {
  HELP: string;
  planArguments(args: string[]): "help" | "plan";
}
const { HELP, planArguments } = jest.requireActual<PlanCommand>("../../stack/test/plan");

test.each([[[]], [["--stack", "prod"]], [["-s", "prod"]], [["--stack=prod"]]])("%j: plans a stack", (args) => {
  expect(planArguments(args)).toBe("plan");
});

test("--help and -h: the usage, whatever else is given", () => {
  expect(planArguments(["--help"])).toBe("help");
  expect(planArguments(["--stack", "prod", "-h"])).toBe("help");
  expect(HELP).toMatch(/^Usage: npx projen plan \[--stack <name>\]\n/);
});

test.each([
  [["--stak", "prod"], "--stak"],
  [["prod"], "prod"],
  [["--stack", "prod", "--json"], "--json"],
])("%j: refused, naming the argument, rather than a plan of another stack", (args, wrong) => {
  expect(() => planArguments(args)).toThrow(
    `Unknown argument ${wrong}: npx projen plan takes only --stack <name> (or --help).`,
  );
});
