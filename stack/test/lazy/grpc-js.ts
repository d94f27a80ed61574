// `@grpc/grpc-js`, loaded on first use (see lazy-module.ts and resolver.js).
import { lazyModule } from "./lazy-module";

export = lazyModule("@grpc/grpc-js");
