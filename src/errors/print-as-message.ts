import { writeSync } from "fs";
import { basename } from "path";
import { MessageError } from "./message-error";

/** The scripts projen runs to synthesize a project (projen's ProjenrcFile: .projenrc.ts, .projenrc.js). */
const PROJENRC = /^\.projenrc\.[cm]?[jt]s$/;

/**
 * Throws `error`; when it would end `.projenrc.ts` uncaught, prints its message alone and exits with 1.
 *
 * Node.js prints an uncaught error as a source excerpt, the stack and a dump of the error's own
 * properties, then its version: four views of one message. So while `.projenrc` is the main module,
 * a one-time `uncaughtException` listener prints this error as its message. The error is thrown as
 * usual: code that catches it gets it whole, and the listener then steps aside on the next turn of
 * the event loop (an uncaught throw from the top of a module reaches it before that).
 */
export function throwAsMessage(error: MessageError): never {
  if (PROJENRC.test(basename(require.main?.filename ?? ""))) {
    const printMessage = (uncaught: unknown) => {
      // Another error got here first: print it as Node.js would have, minus the excerpt.
      const text = uncaught === error ? error.message : String((uncaught as Error)?.stack ?? uncaught);
      writeSync(2, `${text}\n`);
      process.exit(1);
    };
    process.once("uncaughtException", printMessage);
    setImmediate(() => process.off("uncaughtException", printMessage)).unref();
  }
  throw error;
}
