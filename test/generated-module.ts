import { readFileSync } from "fs";
import { join } from "path";
import * as ts from "typescript";

/**
 * Loads a pure (import-free) module of the generated stack from its template, so that this
 * package's tests can exercise what the stack will run.
 */
export function loadGeneratedModule(path: string): any {
  const source = readFileSync(join(__dirname, "..", "templates", `${path}.hbs`), "utf-8");
  const js = ts.transpileModule(source.replace("{{marker}}", ""), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
  }).outputText;
  const module = { exports: {} as any };
  new Function("module", "exports", js)(module, module.exports);
  return module.exports;
}
