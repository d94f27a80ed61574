import { type ArnTokenValues, substituteArnTokens } from "./arn-tokens";
import type { PolicyStatementSettings } from "./settings-types";
import type { PolicyDocument, PolicyStatement } from "./trust-policy";

/** Builds the role's inline permissions policy from the settings' statements (pure). */
export function inlinePolicyDocument(statements: PolicyStatementSettings[], tokens: ArnTokenValues): PolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: statements.map((s): PolicyStatement => {
      const statement: PolicyStatement = {
        Effect: s.effect,
        Action: s.actions,
        Resource: s.resources.map((r) => substituteArnTokens(r, tokens)),
      };
      if (s.sid) statement.Sid = s.sid;
      if (s.conditions?.length) {
        // Several conditions may share an operator (test): group them under it.
        const condition: Record<string, Record<string, string[]>> = {};
        for (const c of s.conditions) {
          condition[c.test] = {
            ...condition[c.test],
            [c.variable]: c.values.map((v) => substituteArnTokens(v, tokens)),
          };
        }
        statement.Condition = condition;
      }
      return statement;
    }),
  };
}
