import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { LocalRegistry } from "./local-registry";
import { run } from "../../scripts/local-package";

/** The registry the end-to-end tests publish to: what it accepts, what it proxies. */
let work = "";
let registry: LocalRegistry;

// Made in beforeAll, not when the file loads: jest runs neither hook when a filter (-t) skips every test here.
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "eks-irsa-registry-test-"));
  registry = await LocalRegistry.start();
});
afterAll(async () => {
  await registry?.stop();
  if (work) {
    rmSync(work, { recursive: true, force: true });
  }
});

function packageFolder(name: string, version = "1.0.0"): string {
  const dir = mkdtempSync(join(work, "pkg-"));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name, version }));
  return dir;
}

test("an anonymous user publishes the packages under test, and npm installs them from it", () => {
  registry.publish(packageFolder("@acme/registry-probe", "1.2.3"));
  expect(registry.versions("@acme/registry-probe")).toEqual(["1.2.3"]);

  const consumer = packageFolder("consumer");
  run(consumer, "npm", ["install", "@acme/registry-probe"], registry.env);
  const installed = JSON.parse(readFileSync(join(consumer, "node_modules/@acme/registry-probe/package.json"), "utf-8"));
  expect(installed.version).toBe("1.2.3");
});

test("any other package cannot be published, and is proxied from the usual registry", () => {
  expect(() => registry.publish(packageFolder("left-pad", "99.0.0"))).toThrow(/code E40[13]/);
  expect(registry.versions("left-pad")).toContain("1.3.0");
});

test("stop() ends the server and deletes its storage", async () => {
  const other = await LocalRegistry.start();
  const url = other.url;
  await other.stop();
  expect(() => run(work, "npm", ["ping", "--registry", url, "--fetch-retries", "0"])).toThrow(/ECONNREFUSED/);
});
