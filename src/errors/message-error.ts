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
    this.name = new.target.name;
    Object.defineProperty(this, MESSAGE_ERROR, { value: true });
    if (process.env.DEBUG !== "true") {
      Object.defineProperty(this, "stack", { value: message, writable: true, configurable: true });
    }
  }

  /** Adds a paragraph to the message (and to the stack that stands for it). */
  public addNote(note: string): void {
    const message = `${this.message}\n${note}`;
    this.stack = this.stack === this.message ? message : this.stack?.replace(this.message, message);
    this.message = message;
  }
}
