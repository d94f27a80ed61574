/**
 * Jest setup file: stacks the Pulumi SDK records under the mocks and nothing reads.
 *
 * - The SDK records a stack trace on every internal promise it creates (`debuggablePromise` in
 *   runtime/debuggable.ts), but prints it only when PULUMI_DEBUG_PROMISE_LEAKS is set, in its report of promises left
 *   pending at exit (`promiseDebugString`). Under jest, which raises `Error.stackTraceLimit` to 100, capturing those
 *   stacks costs a test run about 7% of its CPU time, and formatting them (source-mapped, the SDK's own maps read
 *   again in every test file) a tenth. They are not captured here, unless the variable asks for them (then formatted
 *   without source maps).
 * - Every resource's constructor reads the whole stack (`Resource.callsites` in resource.ts) for the source position
 *   it sends the engine with the registration; the mocks' monitor drops it (runtime/mocks.ts `registerResource` reads
 *   type, name, inputs, provider). Those stacks are formatted without source maps.
 *
 * Every other stack keeps jest's source-mapped formatting.
 */
import { runInThisContext } from "vm";
import * as sdkDebuggable from "@pulumi/pulumi/runtime/debuggable";

// The Error of Node's main context, whose prepareStackTrace is jest's source-mapping formatter.
const mainError = runInThisContext("Error") as ErrorConstructor;
const plain = (error: Error, frames: NodeJS.CallSite[]): string =>
  `${error.name}: ${error.message}${frames.map((frame) => `\n    at ${frame}`).join("")}`;
/** What the SDK keeps of a promise's stack when nothing will print it. */
export const UNRECORDED_STACK = "Error: (stack not recorded: set PULUMI_DEBUG_PROMISE_LEAKS to record it)";
/** The functions whose stacks are formatted without source maps: read by nobody, or printed by the SDK as they are. */
const UNMAPPED = new Set(["debuggablePromise", "callsites"]);

Error.prepareStackTrace = (error, frames) => {
  const format = UNMAPPED.has(frames[0]?.getFunctionName() ?? "") ? undefined : mainError.prepareStackTrace;
  return format ? format(error, frames) : plain(error, frames);
};

/** The SDK's runtime/debuggable module, whose `debuggablePromise` is internal (absent from its types). */
interface Debuggable {
  debuggablePromise<T>(promise: Promise<T>, context: string): Promise<T>;
}
const debuggable = sdkDebuggable as unknown as Debuggable;
const recording = debuggable.debuggablePromise;
// The SDK calls it through its module's exports (`debuggable_1.debuggablePromise(...)`), so this one is called.
debuggable.debuggablePromise = <T>(promise: Promise<T>, context: string): Promise<T> => {
  if (process.env.PULUMI_DEBUG_PROMISE_LEAKS) return recording(promise, context);
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return recording(promise, context);
  } finally {
    Error.stackTraceLimit = limit;
    (promise as { _debugStackTrace?: string })._debugStackTrace = UNRECORDED_STACK;
  }
};
