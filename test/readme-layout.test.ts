import { readFileSync } from "fs";
import { basename, dirname, join } from "path";
import { managedLibraryFiles } from "../src/components/stack-library";

/** The README's tree of a generated stack: the lines between `orders-stack/` and the end of that code block. */
function stackLayout(): string {
  const readme = readFileSync(join(__dirname, "..", "README.md"), "utf-8");
  const start = readme.indexOf("\norders-stack/\n");
  expect(start).toBeGreaterThan(0);
  return readme.slice(start, readme.indexOf("\n```", start));
}

test.each(managedLibraryFiles())("the README's layout of a stack shows %s (by name, or its folder)", (path) => {
  const layout = stackLayout();
  const folder = basename(dirname(path));
  const shown = layout.includes(basename(path)) || (!["src", "test"].includes(folder) && layout.includes(`${folder}/`));
  expect(shown).toBe(true);
});
