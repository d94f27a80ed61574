/**
 * The stand-ins of a stack's test/lazy/ (stack/test/lazy/) for what the Pulumi SDK loads at import time: each loads the
 * real module on first use, and the resolver hands them to the SDK's own requests only. Tested here, not in every stack:
 * loading the real modules is what the stand-ins save the stack's test loop.
 */
import { existsSync } from "fs";
import { dirname, join } from "path";

// Plain JavaScript, loaded by jest itself in a stack (its `resolver`).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { lazyStandIn } = require("../../stack/test/lazy/resolver.js") as {
  lazyStandIn(request: string, options: { basedir: string; paths?: string[] }): string | undefined;
};

const SDK = dirname(require.resolve("@pulumi/pulumi/package.json"));
/** A stand-in module, as the SDK would get it. */
// eslint-disable-next-line @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any
const standIn = (file: string): any => require(`../../stack/test/lazy/${file}`);

describe("the lazy stand-ins", () => {
  test("load the real package on first use, as the SDK resolves it", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const real = (request: string) => require(require.resolve(request, { paths: [SDK] }));
    expect(standIn("typescript").version).toBe(real("typescript").version);
    expect(standIn("typescript").createSourceFile).toBe(real("typescript").createSourceFile);
    expect(standIn("npmcli-arborist").default).toBe(real("@npmcli/arborist"));
    expect(typeof standIn("fdir").fdir).toBe("function");
    expect(new (standIn("fdir").fdir)().withBasePath).toBeDefined();
    expect(standIn("opentelemetry-api").trace).toBe(real("@opentelemetry/api").trace);
    expect(standIn("grpc-js").status.UNAVAILABLE).toBe(real("@grpc/grpc-js").status.UNAVAILABLE);
  });

  test("can be called, constructed and default-imported like the module they stand in for", () => {
    const data: Record<string, unknown> = { name: "x", version: "1.0.0" };
    standIn("normalize-package-data")(data);
    expect(data._id).toBe("x@1.0.0");
    // `import x from` of a CommonJS module (TypeScript's default-import helper) gets the module itself.
    const packageData: Record<string, unknown> = { name: "y", version: "2.0.0" };
    standIn("normalize-package-data").default(packageData);
    expect(packageData._id).toBe("y@2.0.0");
  });

  test("stand in for the SDK index's automation, dynamic and provider namespaces", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const real = (namespace: string) => require(join(SDK, namespace));
    expect(standIn("pulumi-automation").LocalWorkspace).toBe(real("automation").LocalWorkspace);
    expect(standIn("pulumi-dynamic").Resource).toBe(real("dynamic").Resource);
    expect(standIn("pulumi-provider").main).toBe(real("provider").main);
    expect(standIn("pulumi-resource-grpc").ResourceMonitorClient).toBe(
      real("proto/resource_grpc_pb").ResourceMonitorClient,
    );
    expect(standIn("pulumi-engine-grpc").EngineClient).toBe(real("proto/engine_grpc_pb").EngineClient);
    expect(standIn("pulumi-callback-grpc").CallbacksClient).toBe(real("proto/callback_grpc_pb").CallbacksClient);
  });
});

describe("the resolver", () => {
  const sdkFolder = (folder: string) => ({ basedir: join("/stack", "node_modules", "@pulumi", "pulumi", folder) });

  test("hands the SDK's requests a stand-in that exists", () => {
    for (const [request, folder] of [
      ["typescript", ""],
      ["typescript", "runtime/closure"],
      ["@npmcli/arborist", "runtime/closure"],
      ["normalize-package-data", "runtime/closure"],
      ["fdir", "runtime/closure"],
      ["@opentelemetry/api", "runtime"],
      ["@grpc/grpc-js", ""],
      ["@grpc/grpc-js", "runtime"],
      ["../proto/callback_grpc_pb", "runtime"],
      ["../proto/engine_grpc_pb", "runtime"],
      ["../proto/resource_grpc_pb", "runtime"],
      ["./automation", ""],
      ["./dynamic", ""],
      ["./provider", ""],
    ]) {
      const standInFile = lazyStandIn(request, sdkFolder(folder));
      expect(standInFile).toBeDefined();
      expect(existsSync(standInFile!)).toBe(true);
    }
  });

  test("leaves every other request alone", () => {
    // The same names elsewhere in the SDK, from other packages, from the stack, and the stand-ins' own lookups.
    expect(lazyStandIn("./provider", sdkFolder("runtime"))).toBeUndefined();
    expect(lazyStandIn("./automation", sdkFolder("automation"))).toBeUndefined();
    expect(lazyStandIn("../proto/resource_grpc_pb", sdkFolder("automation"))).toBeUndefined();
    expect(lazyStandIn("../proto/resource_pb", sdkFolder("runtime"))).toBeUndefined();
    expect(lazyStandIn("./config", sdkFolder(""))).toBeUndefined();
    expect(lazyStandIn("constructor", sdkFolder(""))).toBeUndefined();
    expect(lazyStandIn("typescript", { basedir: "/stack/node_modules/ts-node/dist" })).toBeUndefined();
    expect(lazyStandIn("typescript", { basedir: "/stack/node_modules/@pulumi/pulumi/node_modules/x" })).toBeUndefined();
    expect(lazyStandIn("typescript", { basedir: "/stack/node_modules/@pulumi/pulumi-extra" })).toBeUndefined();
    expect(lazyStandIn("typescript", { basedir: "/stack/test" })).toBeUndefined();
    expect(lazyStandIn("typescript", { ...sdkFolder(""), paths: [sdkFolder("").basedir] })).toBeUndefined();
  });
});
