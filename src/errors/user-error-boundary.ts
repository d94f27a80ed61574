import { MessageError } from "./message-error";
import { throwAsMessage } from "./print-as-message";
import { ProjenNewRollback, projenNewFolder } from "./projen-new-rollback";

/**
 * Where a {@link MessageError} leaves this package: a failed `projen new` is undone first, and the
 * error reaches the user as its message.
 */
export class UserErrorBoundary {
  private readonly rollback?: ProjenNewRollback;

  constructor(options: { outdir?: string }) {
    const folder = projenNewFolder(options);
    this.rollback = folder ? new ProjenNewRollback(folder) : undefined;
  }

  public run<T>(step: () => T): T {
    try {
      return step();
    } catch (error) {
      if (!MessageError.isMessageError(error)) {
        throw error;
      }
      if (this.rollback) {
        error.addNote(this.rollback.undo());
      }
      return throwAsMessage(error);
    }
  }
}
