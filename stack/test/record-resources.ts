/**
 * `npx projen resources:record`: rewrites resource-identities.json with what the program registers now, for the
 * first stack and every stack with a `Pulumi.<stack>.yaml`. Run it after a deliberate removal or rename, once
 * `npx projen preview` showed what `pulumi up` will delete or replace.
 */
import { registeredAs } from "./declare-identities";
import { RECORD_FILE, stackRecord, stacksOfThisProject, writeRecord } from "./resource-identities";

async function main(): Promise<void> {
  const stacks: Record<string, ReturnType<typeof stackRecord>> = {};
  for (const stack of stacksOfThisProject()) {
    stacks[stack] = stackRecord(await registeredAs(stack), stack);
  }
  writeRecord(stacks);
  const counts = Object.entries(stacks).map(([stack, resources]) => `${stack} (${Object.keys(resources).length})`);
  console.log(`${RECORD_FILE}: the resources of stack ${counts.join(", ")} recorded. Commit it.`);
}

main().catch((error: unknown) => {
  console.error(`Recording failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
