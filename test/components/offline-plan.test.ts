import { synth } from "../project-fixture";

describe("npx projen plan", () => {
  const files = synth();

  test("runs the managed test/plan.ts with ts-node and swc, passing --stack on", () => {
    expect(files[".projen/tasks.json"].tasks.plan.steps).toEqual([
      { execArgs: ["ts-node", "--swc", "--project", "test/tsconfig.json", "test/plan.ts"], receiveArgs: true },
    ]);
    expect(files[".projen/files.json"].files).toContain("test/plan.ts");
    expect(files["package.json"].devDependencies.yaml).toBe("^2");
  });

  test("shows the first stack when no --stack is given", () => {
    expect(files[".projen/tasks.json"].tasks.plan.env).toEqual({ PLAN_DEFAULT_STACK: "dev" });
    expect(synth({ stackName: "prod" })[".projen/tasks.json"].tasks.plan.env).toEqual({ PLAN_DEFAULT_STACK: "prod" });
  });
});
