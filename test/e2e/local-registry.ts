import { type ChildProcess, spawn } from "child_process";
import { closeSync, openSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { makeScratchFolder } from "./scratch-folder";
import { run } from "../../scripts/local-package";

/** The packages the tests publish: the only ones an anonymous user may publish, and never proxied. */
export const PUBLISHABLE_PACKAGES = ["eks-irsa-template", "@acme/*"] as const;

/**
 * Starts verdaccio's server on a port the system picks, and reports it: the port is known only
 * once the server listens, so no other process can take it between a probe and the start.
 */
const SERVER_SCRIPT = `
const { runServer } = require(process.argv[1]);
runServer(process.argv[2]).then((server) => {
  server.listen(0, "127.0.0.1", () => process.send({ port: server.address().port }));
});
`;

/**
 * A real npm registry on the loopback interface (verdaccio), for the end-to-end tests: the
 * packages under test are published to it, every other package is proxied from the registry npm
 * uses here. npm reaches it only through `env`, a per-registry npmrc: the user's npm config
 * is never changed.
 *
 * ```ts
 * let registry: LocalRegistry;
 * beforeAll(async () => (registry = await LocalRegistry.start()));
 * afterAll(() => registry?.stop());
 * ```
 */
export class LocalRegistry {
  /** Starts a registry with empty storage; resolves once it answers. */
  public static async start(): Promise<LocalRegistry> {
    // Its storage caches the packuments and tarballs it proxies: hundreds of files per stack installed.
    const dir = makeScratchFolder("eks-irsa-registry-");
    try {
      const configFile = join(dir, "config.yaml");
      // JSON is YAML: verdaccio reads this as its config.yaml.
      writeFileSync(configFile, JSON.stringify(verdaccioConfig(dir, upstreamRegistry()), null, 2));
      const log = openSync(join(dir, "verdaccio.log"), "a");
      // Its output goes to a file: a pipe nobody reads while a test runs npm synchronously would fill and block it.
      const server = spawn(process.execPath, ["-e", SERVER_SCRIPT, require.resolve("verdaccio"), configFile], {
        cwd: dir,
        stdio: ["ignore", log, log, "ipc"],
      });
      closeSync(log);
      const port = await listeningPort(server, join(dir, "verdaccio.log"));
      return new LocalRegistry(dir, server, port);
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
  }

  /** The registry's URL, with the trailing slash npm writes. */
  public readonly url: string;

  /** The npmrc that points npm at this registry, with a token for anonymous publishing. */
  public readonly npmrc: string;

  private constructor(
    private readonly dir: string,
    private readonly server: ChildProcess,
    port: number,
  ) {
    this.url = `http://127.0.0.1:${port}/`;
    this.npmrc = join(dir, "npmrc");
    // npm refuses to publish without a token; verdaccio lets anonymous users publish what `packages` allows.
    writeFileSync(this.npmrc, `registry=${this.url}\n//127.0.0.1:${port}/:_authToken=anonymous-e2e\n`);
  }

  /** The environment of an npm, npx or projen command that should use this registry. */
  public get env(): NodeJS.ProcessEnv {
    return { npm_config_registry: this.url, npm_config_userconfig: this.npmrc };
  }

  /** Publishes a package (a tarball or a folder) to this registry. */
  public publish(packageSpec: string): void {
    run(this.dir, "npm", ["publish", packageSpec], this.env);
  }

  /** The versions of a package this registry serves. */
  public versions(name: string): string[] {
    return [JSON.parse(run(this.dir, "npm", ["view", name, "versions", "--json"], this.env))].flat();
  }

  /** Stops the server and deletes its storage. */
  public async stop(): Promise<void> {
    if (this.server.exitCode === null && this.server.signalCode === null) {
      const exited = new Promise((resolve) => this.server.once("exit", resolve));
      this.server.kill();
      await exited;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The registry npm uses on this machine, outside of any npm script. */
function upstreamRegistry(): string {
  return run(tmpdir(), "npm", ["config", "get", "registry"]).trim();
}

/** verdaccio's configuration: see https://verdaccio.org/docs/configuration and .../packages. */
function verdaccioConfig(dir: string, upstream: string): object {
  const underTest = { access: "$all", publish: "$anonymous", unpublish: "$anonymous" };
  return {
    storage: join(dir, "storage"),
    // No users: the token in the npmrc is unknown to verdaccio, so npm acts as the anonymous user.
    auth: { htpasswd: { file: join(dir, "htpasswd"), max_users: -1 } },
    uplinks: { upstream: { url: upstream, timeout: "60s", maxage: "30m" } },
    packages: {
      // Published by the tests only: never fetched from the real registry.
      ...Object.fromEntries(PUBLISHABLE_PACKAGES.map((name) => [name, underTest])),
      // No user can log in (max_users: -1), so nobody publishes anything else.
      "**": { access: "$all", publish: "$authenticated", proxy: "upstream" },
    },
    log: { type: "stdout", format: "pretty", level: "warn" },
    web: { enable: false },
    max_body_size: "100mb",
  };
}

/** Waits for the server to report its port; fails with its log if it exits first. */
function listeningPort(server: ChildProcess, logFile: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error("verdaccio did not listen within 60 s")), 60_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      server.kill();
      reject(new Error(`${error.message}\n${readFileSync(logFile, "utf-8")}`));
    };
    const exited = (code: number | null, signal: string | null) =>
      fail(new Error(`verdaccio exited (${code ?? signal}) before listening`));
    server.once("exit", exited);
    server.once("message", (message: { port: number }) => {
      clearTimeout(timer);
      server.off("exit", exited);
      // The channel is no longer needed: without it, jest sees no open handle.
      server.disconnect();
      resolve(message.port);
    });
  });
}
