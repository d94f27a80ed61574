/**
 * Jest setup file. The Pulumi SDK records a stack trace on every internal promise it creates (`debuggablePromise` in
 * runtime/debuggable.ts) and reads it (`new Error().stack`) at once, but prints it only when PULUMI_DEBUG_PROMISE_LEAKS is
 * set, in its report of promises left pending at exit (`promiseDebugString`). Under jest every stack read is formatted and
 * source-mapped, the SDK's own maps read again in every test file: thousands of stacks a test run, a tenth of its time.
 * Those stacks are left unformatted here, unless the variable asks for them (then formatted without source maps); every
 * other stack keeps jest's source-mapped formatting.
 */
import { runInThisContext } from "vm";

// The Error of Node's main context, whose prepareStackTrace is jest's source-mapping formatter.
const mainError = runInThisContext("Error") as ErrorConstructor;
const plain = (error: Error, frames: NodeJS.CallSite[]): string =>
  `${error.name}: ${error.message}${frames.map((frame) => `\n    at ${frame}`).join("")}`;
/** What the SDK keeps of a promise's stack when nothing will print it. */
export const UNRECORDED_STACK = "Error: (stack not recorded: set PULUMI_DEBUG_PROMISE_LEAKS to record it)";

Error.prepareStackTrace = (error, frames) => {
  if (frames[0]?.getFunctionName() === "debuggablePromise") {
    return process.env.PULUMI_DEBUG_PROMISE_LEAKS ? plain(error, frames) : UNRECORDED_STACK;
  }
  const format = mainError.prepareStackTrace;
  return format ? format(error, frames) : plain(error, frames);
};
