/** Marks errors of any copy of this package (a project may load two), where `instanceof` would not. */
const MESSAGE_ERROR = Symbol.for("eks-irsa-template.MessageError");

/**
 * A mistake in the user's input, told as a message: what is wrong and how to fix it. Its `stack` is the
 * message alone, because that is what projen's CLI prints of an error that ends `projen new`
 * (`console.error(e.stack)` in projen's cli/index.ts) and what Node.js shows first; a trace of this
 * package's code helps nobody fix their options. `DEBUG=true` (`npx projen --debug`) keeps the trace.
 */
export class MessageError extends Error {
  /** Whether `error` is a {@link MessageError}, from this copy of the package or another. */
  public static isMessageError(error: unknown): error is MessageError {
    return typeof error === "object" && error !== null && (error as any)[MESSAGE_ERROR] === true;
  }

  constructor(message: string) {
    super(message);
    // Not enumerable: printers that dump an error's own properties would show it after the message.
    Object.defineProperty(this, "name", { value: new.target.name, writable: true, configurable: true });
    Object.defineProperty(this, MESSAGE_ERROR, { value: true });
    if (process.env.DEBUG !== "true") {
      // An accessor, not a value: Node.js's vm (where projen new runs the project) prefixes the stack of
      // an error that leaves it with a source excerpt, by assigning it; that assignment is dropped.
      Object.defineProperty(this, "stack", { get: () => this.message, set: () => undefined, configurable: true });
    }
  }

  /**
   * How Node.js prints it (`console.error(error)`, as yargs does when projen new fails): the message alone,
   * where it would otherwise wrap a stack without frames in brackets.
   */
  public [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.message;
  }

  /** Adds a paragraph to the message. */
  public addNote(note: string): void {
    const stack = this.stack;
    this.message = `${this.message}\n${note}`;
    if (process.env.DEBUG === "true") {
      this.stack = stack?.replace(/^[^]*?\n\s+at /, `${this.name}: ${this.message}\n    at `);
    }
  }
}
