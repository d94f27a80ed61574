import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { FileBase, type Project } from "projen";
import { TemplateFile } from "./template-file";
import type { StackSettings } from "../options/stack-settings";
import { toTypeScriptLiteral } from "../rendering/typescript-literal";

/**
 * `stack/` of this package: the generated stack's library and tests as real TypeScript, type-checked,
 * linted and tested here, then copied into every stack (beside `lib/` when installed, `src/` in tests).
 */
export const STACK_LIBRARY_DIR = join(__dirname, "..", "..", "stack");

/** Written once from `stack/`, then the user's: the program and its test (see `SampleProgram`). */
export const USER_FILES = ["src/index.ts", "test/index.test.ts"] as const;

/** Rendered from the options instead: `stack/` holds the default options' rendering, for its own tests. */
export const OPTION_DEPENDENT_FILES = ["src/settings.ts", "src/aws-managed-policies.json"] as const;

/** The folders of `stack/` that are copied, as they are named in a stack. */
const LIBRARY_FOLDERS = ["src", "test"] as const;

/**
 * What the library is made of: TypeScript, the JSON data it imports (the add-ons' published policies), and the
 * JavaScript that jest loads untransformed (the tests' resolver).
 */
const LIBRARY_FILE = /\.(ts|json|js)$/;

/**
 * Every managed file of the library, by its path in a stack: each `.ts`, `.json` and `.js` file under `stack/src`
 * and `stack/test` but the user's files and the option-dependent ones. The one list of what is managed.
 */
export function managedLibraryFiles(): string[] {
  const excluded = new Set<string>([...USER_FILES, ...OPTION_DEPENDENT_FILES]);
  return LIBRARY_FOLDERS.flatMap((folder) =>
    readdirSync(join(STACK_LIBRARY_DIR, folder), { recursive: true, encoding: "utf-8" })
      .filter((file) => LIBRARY_FILE.test(file))
      .map((file) => `${folder}/${file.split("\\").join("/")}`),
  )
    .filter((path) => !excluded.has(path))
    .sort();
}

/** The content of `stack/<path>`, as written in this package. */
export function libraryFileContent(path: string): string {
  return readFileSync(join(STACK_LIBRARY_DIR, path), "utf-8");
}

/**
 * A managed copy of a library file: the file as it is in `stack/`, under the projen marker (for JSON, which
 * has no comments, projen's `"//"` key first, as in projen's own JSON files).
 */
export class LibraryFile extends FileBase {
  constructor(project: Project, filePath: string) {
    super(project, filePath, { readonly: true, marker: true });
  }

  protected synthesizeContent(): string {
    const content = libraryFileContent(this.path);
    if (this.path.endsWith(".json")) {
      return `${JSON.stringify({ "//": this.marker, ...JSON.parse(content) }, null, 2)}\n`;
    }
    return `// ${this.marker}\n${content}`;
  }
}

/**
 * What the program reads at run time (`src/settings.ts`, typed by the library's `settings-types.ts`); the region
 * lives in the stack config.
 */
export function programSettings(settings: StackSettings) {
  const { projectName, stackName, identityType, podIdentityAgent, oidcProviderSource, serviceAccounts } = settings;
  return {
    projectName,
    firstStackName: stackName,
    identityType,
    podIdentityAgent,
    oidcProviderSource,
    serviceAccounts,
  };
}

/**
 * The stack's managed library: the files of `stack/`, copied, and `src/settings.ts`, the options
 * as data, the only file of the program that depends on them.
 */
export class StackLibrary {
  constructor(project: Project, settings: StackSettings) {
    new TemplateFile(project, "src/settings.ts", { settings: toTypeScriptLiteral(programSettings(settings)) });
    for (const path of managedLibraryFiles()) {
      new LibraryFile(project, path);
    }
  }
}
