/**
 * Jest setup file. The Pulumi SDK records a stack trace on every internal promise it creates
 * (`debuggablePromise` in runtime/debuggable.ts, printed only with PULUMI_DEBUG_PROMISE_LEAKS). Under jest each of those stacks is
 * source-mapped, the SDK's own maps read and parsed again in every test file: about a second of a test run.
 * Those stacks are formatted here without source maps; every other stack keeps jest's source-mapped formatting.
 */
import { runInThisContext } from "vm";

// The Error of Node's main context, whose prepareStackTrace is jest's source-mapping formatter.
const mainError = runInThisContext("Error") as ErrorConstructor;
const plain = (error: Error, frames: NodeJS.CallSite[]): string =>
  `${error.name}: ${error.message}${frames.map((frame) => `\n    at ${frame}`).join("")}`;

Error.prepareStackTrace = (error, frames) => {
  if (frames[0]?.getFunctionName() === "debuggablePromise") return plain(error, frames);
  const format = mainError.prepareStackTrace;
  return format ? format(error, frames) : plain(error, frames);
};
