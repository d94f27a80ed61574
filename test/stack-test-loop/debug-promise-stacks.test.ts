/**
 * The Pulumi SDK's promise stacks (a stack's test/debug-promise-stacks.ts, a setup file of its jest config): left
 * unformatted unless PULUMI_DEBUG_PROMISE_LEAKS asks for them, the only case where the SDK prints them.
 */
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

test("the SDK's promise stacks are not formatted when nothing will print them", () => {
  expect(recordedStack()).toBe(UNRECORDED_STACK);
});

test("PULUMI_DEBUG_PROMISE_LEAKS records them, frames included", () => {
  process.env.PULUMI_DEBUG_PROMISE_LEAKS = "1";
  expect(recordedStack()).toMatch(
    /^Error: \n {4}at debuggablePromise \(.*debuggable\.js:\d+:\d+\)\n {4}at recordedStack/,
  );
});

test("every other stack keeps its frames", () => {
  expect(new Error("boom").stack).toMatch(/^Error: boom\n {4}at /);
});
