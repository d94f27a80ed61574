/**
 * A module that loads only when first used. The stack's jest resolver (resolver.js) hands the Pulumi SDK one of these
 * in place of what it loads at import time but uses only outside programs under mocks: closure serialization
 * (`typescript`, `@npmcli/arborist`, `normalize-package-data`, `fdir`), tracing (`@opentelemetry/api`), gRPC and its
 * clients of the engine (mocks replace the engine), and the `automation`, `dynamic` and `provider` namespaces of its
 * index. Every test file paid for loading them, about half of its Pulumi SDK load (docs/benchmarks.md of
 * eks-irsa-template). A test that does use one still works: the first use loads the real module.
 */
import { dirname } from "path";

/** The folder of the Pulumi SDK that the stack's tests load: the lazy modules stand in for its requests. */
const PULUMI_SDK = dirname(require.resolve("@pulumi/pulumi/package.json"));

/**
 * A stand-in for `request` as the Pulumi SDK's index would require it. The real module is looked up with explicit
 * `paths`, which the resolver leaves alone.
 */
export function lazyModule(request: string): object {
  let loaded: Record<PropertyKey, unknown> | undefined;
  const load = (): Record<PropertyKey, unknown> =>
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (loaded ??= require(require.resolve(request, { paths: [PULUMI_SDK] })));
  // A function target, so that a lazily loaded class or function can be constructed or called.
  return new Proxy(function lazy() {}, {
    get: (_target, key) => {
      // Claimed without loading: TypeScript's `import * as x` and default-import helpers then keep the proxy instead
      // of copying the module's keys, which would load it at once.
      if (key === "__esModule") return true;
      const real = load();
      // What the default-import helper would have made of a CommonJS module: the module itself.
      return key === "default" && !real.__esModule ? real : real[key];
    },
    has: (_target, key) => key in load(),
    ownKeys: () => Reflect.ownKeys(load()),
    getOwnPropertyDescriptor: (_target, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(load(), key);
      return descriptor && { ...descriptor, configurable: true };
    },
    apply: (_target, thisArg, args) => Reflect.apply(load() as unknown as Function, thisArg, args), // eslint-disable-line @typescript-eslint/no-unsafe-function-type
    construct: (_target, args) => Reflect.construct(load() as unknown as Function, args), // eslint-disable-line @typescript-eslint/no-unsafe-function-type
  });
}
