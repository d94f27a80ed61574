// `@pulumi/pulumi`'s `./dynamic`, loaded on first use (see lazy-module.ts and resolver.js).
import { lazyModule } from "./lazy-module";

export = lazyModule("./dynamic");
