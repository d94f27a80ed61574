/** Failed validation of the project options: every problem, one per line. */
export class OptionsValidationError extends Error {
  constructor(public readonly problems: string[]) {
    super(
      `eks-irsa-template: ${problems.length} problem${problems.length > 1 ? "s" : ""} in the project options; nothing was written:\n` +
        problems.map((problem) => `  - ${problem}`).join("\n"),
    );
    this.name = "OptionsValidationError";
  }
}
