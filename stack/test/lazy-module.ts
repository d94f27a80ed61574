/**
 * A module that loads only when first used. The stack's jest config maps two packages here that `@pulumi/pulumi`
 * loads at import time but uses only to serialize a JavaScript function into a cloud resource (closure
 * serialization): `typescript` (parsing the function) and `@npmcli/arborist` (finding the packages to ship with it).
 * Programs under mocks never do that, yet every test file paid for loading them, about 0.7 s of each file's
 * Pulumi SDK load (docs/benchmarks.md of eks-irsa-template). A program that does serialize a function still works:
 * the first use loads the real package.
 */
import { createRequire } from "module";

/** `name` as the Pulumi SDK resolves it, with Node's own resolution: jest's mapping matches the bare name only. */
function resolveFromPulumi(name: string): string {
  const pulumi = createRequire(__filename).resolve("@pulumi/pulumi");
  return createRequire(pulumi).resolve(name);
}

export function lazyModule(name: string): object {
  let loaded: Record<PropertyKey, unknown> | undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const load = (): Record<PropertyKey, unknown> => (loaded ??= require(resolveFromPulumi(name)));
  // A function target, so that a lazily loaded class can be constructed or called.
  return new Proxy(function lazy() {}, {
    get: (_target, key) =>
      // Claimed without loading: TypeScript's `import * as x` helper then keeps the proxy instead of copying the
      // module's keys, which would load it at once.
      key === "__esModule" ? true : load()[key],
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
