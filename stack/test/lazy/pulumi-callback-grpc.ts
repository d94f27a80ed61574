// `@pulumi/pulumi`'s gRPC client of its callback service, loaded on first use (see lazy-module.ts and resolver.js).
import { lazyModule } from "./lazy-module";

export = lazyModule("./proto/callback_grpc_pb");
