/**
 * The identities of the stack's deployed resources, and resource-identities.json, the record of them that outlives
 * regenerations.
 *
 * Pulumi keys a resource's state by its URN: the stack, the project, the resource's type qualified by its parents'
 * types, and its name. A regeneration (`npx projen` after an upgrade of eks-irsa-template, or after a change of
 * `.projenrc.ts`) that registers a deployed resource under another type or name, without an alias to the old one,
 * makes `pulumi up` delete it and create another; one that changes an IAM role's name or path replaces the role
 * (IAM cannot rename a role), and whatever trusts or names the old role's ARN loses it.
 *
 * The record is not regenerated: it is what the stack was last reviewed with, like a lock file. `npx projen
 * resources:record` rewrites it after a deliberate change; outside CI, the test writes a stack missing from it and adds
 * the resources it does not hold yet, like new jest snapshots, never changing or removing a recorded one.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import type { Alias, Registration } from "./pulumi-mocks";
import { settings } from "../src/settings";

/** The stack's root, where Pulumi.yaml and the record are. */
const STACK_ROOT = join(__dirname, "..");

export const RECORD_FILE = "resource-identities.json";

export const RECORD_COMMAND = "npx projen resources:record";

const ROLE_TYPE = "aws:iam/role:Role";

/** The root stack resource: its children's types are not qualified by it. */
const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

/** What IAM cannot change in place: a change of either replaces the role. */
export interface RecordedRole {
  name: string;
  path: string;
}

/** One resource: the other identities it answers to (its renaming aliases) and, for an IAM role, its IAM name. */
export interface RecordedResource {
  aliases?: string[];
  role?: RecordedRole;
  /** `retainOnDelete`: once the program stops declaring it, Pulumi forgets it and leaves it where it is. */
  retained?: true;
}

/** A stack's resources by identity, `<qualified type>::<name>` (the URN without stack and project). */
export type StackRecord = Record<string, RecordedResource>;

export interface ResourceRecord {
  "//": string;
  stacks: Record<string, StackRecord>;
}

const RECORD_NOTE =
  `The resources of each stack as last reviewed: test/resource-identities.test.ts fails when a regeneration would ` +
  `delete one or replace an IAM role. Rewritten by \`${RECORD_COMMAND}\` after a deliberate change; do not edit.`;

/** `<qualified type>::<name>` of a URN, `urn:pulumi:<stack>::<project>::<qualified type>::<name>` (a name may hold `::`). */
export function identityOfUrn(urn: string): string {
  return urn.split("::").slice(2).join("::");
}

function qualifiedTypeOfUrn(urn: string): string {
  return urn.split("::")[2];
}

/** By code point, not locale: the record reads the same on every machine. */
const byKey = ([a]: [string, unknown], [b]: [string, unknown]): number => (a < b ? -1 : a > b ? 1 : 0);

const identity = (parentType: string, type: string, name: string): string =>
  `${parentType ? `${parentType}$` : ""}${type}::${name}`;

/**
 * Every identity a registered resource answers to, as the engine matches state: its own, each alias (an unset part of
 * an alias spec is the resource's own, its parent included), and each of those under each identity of its parent
 * (the engine carries a parent's aliases to its children).
 */
export function identitiesOf(resource: Registration, all: Registration[], stack: string): string[] {
  const byUrn = new Map(all.map((r) => [r.urn, r]));
  const parentTypes = (parentUrn: string): string[] => {
    if (!parentUrn || qualifiedTypeOfUrn(parentUrn) === ROOT_STACK_TYPE) return [""];
    const parent = byUrn.get(parentUrn);
    const types = parent
      ? identitiesOf(parent, all, stack).map((id) => id.split("::")[0])
      : [qualifiedTypeOfUrn(parentUrn)];
    return [...new Set(types)];
  };
  const found = new Set([identityOfUrn(resource.urn)]);
  const candidates: Alias[] = [{}, ...resource.aliases];
  for (const alias of candidates) {
    if (alias.urn !== undefined) {
      found.add(identityOfUrn(alias.urn));
      continue;
    }
    // An alias to a resource of another stack or project is not this stack's state.
    if ((alias.stack ?? stack) !== stack || (alias.project ?? settings.projectName) !== settings.projectName) continue;
    const parents = alias.noParent
      ? [""]
      : alias.parentUrn !== undefined
        ? [qualifiedTypeOfUrn(alias.parentUrn)]
        : parentTypes(resource.parent);
    for (const parent of parents) found.add(identity(parent, alias.type ?? resource.type, alias.name ?? resource.name));
  }
  return [...found];
}

/** What a stack deploys: registered resources, not reads of existing ones, nor providers (the program's own). */
function deployed(registered: Registration[]): Registration[] {
  return registered.filter((r) => r.readId === undefined && !r.type.startsWith("pulumi:providers:"));
}

const roleOf = (r: Registration): RecordedRole | undefined =>
  r.type === ROLE_TYPE ? { name: r.inputs.name, path: r.inputs.path ?? "/" } : undefined;

/** The record of one stack's registrations: renaming aliases only (the Kubernetes SDK's type aliases are noise). */
export function stackRecord(registered: Registration[], stack: string): StackRecord {
  const entries = deployed(registered).map((r): [string, RecordedResource] => {
    const own = identityOfUrn(r.urn);
    const renaming = { ...r, aliases: r.aliases.filter((a) => a.urn !== undefined || a.name !== undefined) };
    const aliases = identitiesOf(renaming, registered, stack).filter((id) => id !== own);
    const role = roleOf(r);
    return [
      own,
      {
        ...(aliases.length > 0 ? { aliases: aliases.sort() } : {}),
        ...(role ? { role } : {}),
        ...(r.retainOnDelete ? { retained: true as const } : {}),
      },
    ];
  });
  return Object.fromEntries(entries.sort(byKey));
}

/** Every identity a record holds: each resource's own and its aliases. */
function recordedIdentities(recorded: StackRecord): Set<string> {
  return new Set(Object.entries(recorded).flatMap(([id, r]) => [id, ...(r.aliases ?? [])]));
}

/**
 * The record with the registered resources it does not hold under any of their identities added, and `retained`
 * marked on recorded ones the program now registers with `retainOnDelete` (records made before the mark), or
 * undefined when neither changes it: what a stack registers since it was recorded (a new entry, a step of a
 * migration) is guarded from then on. Nothing recorded is removed or renamed.
 */
export function recordWithNewResources(
  recorded: StackRecord,
  registered: Registration[],
  stack: string,
): StackRecord | undefined {
  const now = stackRecord(registered, stack);
  const known = recordedIdentities(recorded);
  const added = Object.entries(now).filter(([own, r]) => ![own, ...(r.aliases ?? [])].some((id) => known.has(id)));
  const marked = Object.entries(recorded).filter(([id, r]) => !r.retained && now[id]?.retained);
  if (added.length === 0 && marked.length === 0) return undefined;
  const kept = Object.entries(recorded).map(([id, r]): [string, RecordedResource] =>
    now[id]?.retained ? [id, { ...r, retained: true }] : [id, r],
  );
  return Object.fromEntries([...kept, ...added].sort(byKey));
}

/**
 * What `pulumi up` of the program would do to a stack's recorded resources, one line each: a recorded identity (or
 * alias) that no registered resource answers to is deleted; a recorded role whose name or path changed is replaced.
 */
export function recordedResourcesLost(recorded: StackRecord, registered: Registration[], stack: string): string[] {
  const answering = new Map<string, Registration>();
  for (const r of deployed(registered)) {
    for (const id of identitiesOf(r, registered, stack)) answering.set(id, r);
  }
  // Every identity the record knows: a registered resource under none of them is new (or renamed).
  const recordedIds = recordedIdentities(recorded);
  const problems: string[] = [];
  for (const [id, resource] of Object.entries(recorded)) {
    if (!answering.has(id)) {
      // A retained resource is dropped from the stack, not deleted (the Pod Identity Agent add-on, an adopted
      // account's annotation patch), unless one of its type that the record does not know is registered: a rename
      // without an alias would create it again beside the one left in place.
      const type = id.split("::")[0];
      const renamed = [...answering.keys()].some((other) => other.split("::")[0] === type && !recordedIds.has(other));
      if (!resource.retained || renamed) {
        problems.push(`${id}: no resource is registered under this identity or an alias to it: it would be deleted`);
      }
      continue;
    }
    const dropped = (resource.aliases ?? []).filter((alias) => !answering.has(alias));
    if (dropped.length > 0) {
      problems.push(
        `${id}: no longer aliases ${dropped.join(", ")}: a stack not deployed since that rename would delete it`,
      );
    }
    const now = answering.get(id);
    const role = now && roleOf(now);
    if (resource.role && role && (role.name !== resource.role.name || role.path !== resource.role.path)) {
      problems.push(
        `${id}: IAM role ${resource.role.path}${resource.role.name} would be replaced by ${role.path}${role.name} ` +
          `(IAM cannot rename a role); keep it with roleName: "${resource.role.name}" on its entry in .projenrc.ts`,
      );
    }
  }
  return problems;
}

/** The stacks to record: the first one, and each with a stack file (`Pulumi.<stack>.yaml`). */
export function stacksOfThisProject(): string[] {
  const withFiles = readdirSync(STACK_ROOT).flatMap((file) => {
    const match = /^Pulumi\.(.+)\.yaml$/.exec(file);
    return match ? [match[1]] : [];
  });
  return [...new Set([settings.firstStackName, ...withFiles])];
}

export function readRecord(): ResourceRecord | undefined {
  const file = join(STACK_ROOT, RECORD_FILE);
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf-8")) : undefined;
}

export function writeRecord(stacks: Record<string, StackRecord>): void {
  const sorted = Object.fromEntries(Object.entries(stacks).sort(byKey));
  const record: ResourceRecord = { "//": RECORD_NOTE, stacks: sorted };
  writeFileSync(join(STACK_ROOT, RECORD_FILE), `${JSON.stringify(record, null, 2)}\n`);
}
