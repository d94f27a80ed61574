import { readFileSync } from "fs";
import { join } from "path";
import * as Handlebars from "handlebars";

/** `templates/` ships beside `lib/` (compiled) and `src/` (tests run from source). */
const TEMPLATES_DIR = join(__dirname, "..", "..", "templates");

const compiled = new Map<string, Handlebars.TemplateDelegate>();

/**
 * Renders `templates/<name>.hbs` with a prepared view model.
 *
 * Templates are compiled once per process. `noEscape` because the output is source code,
 * not HTML; `strict` so that a view model missing a field fails the synth instead of
 * silently rendering an empty string.
 */
export function renderTemplate(name: string, view: object): string {
  let template = compiled.get(name);
  if (!template) {
    const source = readFileSync(join(TEMPLATES_DIR, `${name}.hbs`), "utf-8");
    template = Handlebars.compile(source, { noEscape: true, strict: true });
    compiled.set(name, template);
  }
  return template(view);
}
