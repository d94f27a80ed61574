import type { EksIrsaProjectOptions } from "../../src";
import { OptionsValidationError, validatedSettings } from "../../src/options/validation";

/** The problems validation reports for these options (over a minimal valid project), or none. */
export function problemsOf(options: Partial<EksIrsaProjectOptions>): string[] {
  try {
    validatedSettings({ name: "orders-stack", defaultReleaseBranch: "main", ...options });
  } catch (error) {
    if (error instanceof OptionsValidationError) return error.problems;
    throw error;
  }
  return [];
}
