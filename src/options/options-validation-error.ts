import { MessageError } from "../errors/message-error";

/** Failed validation of the project options: every problem, one per line. */
export class OptionsValidationError extends MessageError {
  /** Each problem: the option, the bad value, the rule and the fix. */
  declare public readonly problems: string[];

  constructor(problems: string[]) {
    super(
      `eks-irsa-template: ${problems.length} problem${problems.length > 1 ? "s" : ""} in the project options; nothing was written:\n` +
        problems.map((problem) => `  - ${problem}`).join("\n"),
    );
    // Not enumerable: printers that dump an error's own properties would repeat every problem.
    Object.defineProperty(this, "problems", { value: problems, enumerable: false });
  }
}
