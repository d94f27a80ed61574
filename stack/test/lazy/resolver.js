// @ts-check
/**
 * The stack's jest resolver: Node's resolution (jest's default resolver), except that what the Pulumi SDK loads at import
 * time but uses only outside programs under mocks resolves to a stand-in that loads it on first use (lazy-module.ts).
 * Plain JavaScript: jest loads its resolver with Node's own `require`, before any transform.
 */
const { join } = require("path");

const PULUMI_SDK = "@pulumi/pulumi";
const PULUMI_RUNTIME = `${PULUMI_SDK}/runtime`;

/**
 * Packages required from inside the Pulumi SDK, by name: closure serialization's, tracing's, and gRPC, which only a
 * connection to the Pulumi engine uses (mocks replace it; a failed invoke reads its status codes).
 */
const LAZY_PACKAGES = new Map([
  ["@grpc/grpc-js", "grpc-js.ts"],
  ["typescript", "typescript.ts"],
  ["@npmcli/arborist", "npmcli-arborist.ts"],
  ["normalize-package-data", "normalize-package-data.ts"],
  ["fdir", "fdir.ts"],
  ["@opentelemetry/api", "opentelemetry-api.ts"],
]);

/** Namespaces that the SDK's index (`@pulumi/pulumi/index.js`) requires and programs under mocks never use. */
const LAZY_NAMESPACES = new Map([
  ["./automation", "pulumi-automation.ts"],
  ["./dynamic", "pulumi-dynamic.ts"],
  ["./provider", "pulumi-provider.ts"],
]);

/** The gRPC clients that the SDK's runtime (`@pulumi/pulumi/runtime/*.js`) requires, built only to reach the engine. */
const LAZY_RUNTIME_REQUESTS = new Map([
  ["../proto/callback_grpc_pb", "pulumi-callback-grpc.ts"],
  ["../proto/engine_grpc_pb", "pulumi-engine-grpc.ts"],
  ["../proto/resource_grpc_pb", "pulumi-resource-grpc.ts"],
]);

/**
 * The stand-in for a request, or undefined. Requests with explicit `paths` (`require.resolve(request, { paths })`) are
 * the stand-ins' own lookups of the real module: never redirected.
 * @param {string} request
 * @param {{ basedir: string; paths?: string[] }} options
 * @returns {string | undefined}
 */
function lazyStandIn(request, options) {
  if (options.paths !== undefined) return undefined;
  // The requesting folder from its package on, "@pulumi/pulumi/runtime/closure" for a module of the SDK.
  const inPackage = (options.basedir.split(/[\\/]node_modules[\\/]/).pop() ?? "").split(/[\\/]/).join("/");
  let file;
  if (inPackage === PULUMI_SDK) {
    file = LAZY_NAMESPACES.get(request) ?? LAZY_PACKAGES.get(request);
  } else if (inPackage === PULUMI_RUNTIME) {
    file = LAZY_RUNTIME_REQUESTS.get(request) ?? LAZY_PACKAGES.get(request);
  } else if (inPackage.startsWith(`${PULUMI_SDK}/`)) {
    file = LAZY_PACKAGES.get(request);
  }
  return file && join(__dirname, file);
}

/**
 * @param {string} request
 * @param {{ basedir: string; paths?: string[]; defaultResolver: (request: string, options: object) => string }} options
 * @returns {string}
 */
module.exports = (request, options) => lazyStandIn(request, options) ?? options.defaultResolver(request, options);
module.exports.lazyStandIn = lazyStandIn;
