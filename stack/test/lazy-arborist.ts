// `@npmcli/arborist`, loaded on first use (see lazy-module.ts): the stack's jest config maps the package here.
import { lazyModule } from "./lazy-module";

export = lazyModule("@npmcli/arborist");
