/**
 * Jest setup for `npx projen mutation` only. The stack's tests import most of the library after `setMocks`, inside a
 * test; Stryker would then credit a mutant in a module's top-level code to that one test alone, and run only it.
 * Loaded here, before any test, that code counts as run by every test (Stryker's "static" mutants), as it is.
 * Nothing here registers a resource: src/index.ts, the program, is not loaded.
 */
import "../../stack/src/stack-config";
import "../../stack/src/workload-identities";
