import { execFileSync } from "child_process";
import { PRINT_WIDTH, toTypeScriptLiteral } from "../../src/rendering/typescript-literal";

/**
 * The generated stack formats with prettier at this width: generated data must already be
 * formatted. (Prettier 3 loads as ESM, which jest cannot: it runs in its own process.)
 */
function formatted(code: string): string {
  return execFileSync("npx", ["prettier", "--stdin-filepath", "settings.ts", "--print-width", String(PRINT_WIDTH)], {
    input: code,
    encoding: "utf-8",
  });
}

// Items of `serviceAccounts[0]` start 6 columns in; `key: ["` + `"],` add 12 for a 4-letter key.
const LONGEST_FITTING = PRINT_WIDTH - 6 - 12 + 1;

const DATA = {
  projectName: "orders",
  serviceAccounts: [
    {
      name: "worker",
      tags: { team: "data", "cost-center": "42" },
      short: ["a", "b"],
      long: Array.from({ length: 12 }, (_, i) => `arn:aws:s3:::bucket-number-${i}/*`),
      fits: ["f".repeat(LONGEST_FITTING)],
      over: ["o".repeat(LONGEST_FITTING + 1)],
      empty: [],
      none: {},
      skipped: undefined,
      nested: [{ test: "StringEquals", values: ["x"] }],
      count: 3,
      flag: false,
    },
  ],
};

test("renders data exactly as prettier formats it, so the stack's lint leaves it alone", () => {
  const code = `export const settings = ${toTypeScriptLiteral(DATA)};\n`;
  expect(code).toContain(`fits: ["${"f".repeat(LONGEST_FITTING)}"],`);
  expect(code).toContain(`over: [\n        "${"o".repeat(LONGEST_FITTING + 1)}",\n      ],`);
  expect(formatted(code)).toBe(code);
});

test("evaluates back to the same data, without undefined properties", () => {
  const { skipped: _skipped, ...rest } = DATA.serviceAccounts[0];
  expect(new Function(`return (${toTypeScriptLiteral(DATA)});`)()).toEqual({ ...DATA, serviceAccounts: [rest] });
});
