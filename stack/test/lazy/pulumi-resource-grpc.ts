// `@pulumi/pulumi`'s gRPC client of its resource service, loaded on first use (see lazy-module.ts and resolver.js).
import { lazyModule } from "./lazy-module";

export = lazyModule("./proto/resource_grpc_pb");
