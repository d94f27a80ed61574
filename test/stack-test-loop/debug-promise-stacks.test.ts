/**
 * The Pulumi SDK's promise stacks (a stack's test/debug-promise-stacks.ts, a setup file of its jest config): left
 * unformatted unless PULUMI_DEBUG_PROMISE_LEAKS asks for them, the only case where the SDK prints them.
 */
import { runInThisContext } from "vm";
import { UNRECORDED_STACK } from "../../stack/test/debug-promise-stacks";

/** The SDK's internal wrapper, which records a stack on the promise it returns. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { debuggablePromise } = require("@pulumi/pulumi/runtime/debuggable") as {
  debuggablePromise<T>(promise: Promise<T>, context: string): Promise<T> & { _debugStackTrace?: string };
};

/** The stack the SDK recorded on the promise it wraps (it records it on that promise, not on the returned one). */
function recordedStack(): unknown {
  const promise: Promise<number> & { _debugStackTrace?: unknown } = Promise.resolve(1);
  void debuggablePromise(promise, "test");
  return promise._debugStackTrace;
}

afterEach(() => {
  delete process.env.PULUMI_DEBUG_PROMISE_LEAKS;
});

test("the SDK's promise stacks are not captured when nothing will print them", () => {
  const limit = Error.stackTraceLimit;
  expect(recordedStack()).toBe(UNRECORDED_STACK);
  // Captured with no frames, then the limit restored.
  expect(Error.stackTraceLimit).toBe(limit);
});

test("PULUMI_DEBUG_PROMISE_LEAKS records them, frames included", () => {
  process.env.PULUMI_DEBUG_PROMISE_LEAKS = "1";
  expect(recordedStack()).toMatch(
    /^Error: \n {4}at debuggablePromise \(.*debuggable\.js:\d+:\d+\)\n {4}at .*debuggablePromise .*\n {4}at recordedStack/,
  );
});

test("a resource's source-position stack is formatted without jest's source-mapping formatter", () => {
  const sourceMapping = jest.spyOn(runInThisContext("Error") as ErrorConstructor, "prepareStackTrace");
  // What Resource.callsites reads for every resource the program registers.
  function callsites(): string | undefined {
    return new Error().stack;
  }
  expect(callsites()).toMatch(/^Error: \n {4}at callsites \(.*debug-promise-stacks\.test\.ts:\d+:\d+\)\n/);
  expect(sourceMapping).not.toHaveBeenCalled();
  expect(new Error("boom").stack).toMatch(/^Error: boom\n/);
  expect(sourceMapping).toHaveBeenCalledTimes(1);
  sourceMapping.mockRestore();
});

test("every other stack keeps its frames", () => {
  expect(new Error("boom").stack).toMatch(/^Error: boom\n {4}at /);
});
