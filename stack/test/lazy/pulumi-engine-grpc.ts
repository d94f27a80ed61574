// `@pulumi/pulumi`'s gRPC client of its engine service, loaded on first use (see lazy-module.ts and resolver.js).
import { lazyModule } from "./lazy-module";

export = lazyModule("./proto/engine_grpc_pb");
