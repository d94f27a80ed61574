import { FileBase, type Project } from "projen";
import { renderTemplate } from "./template-renderer";

/**
 * A managed file rendered from `templates/<path>.hbs`: read-only, carrying the projen marker,
 * rewritten on every synth and deleted by projen once no longer generated.
 */
export class TemplateFile extends FileBase {
  constructor(
    project: Project,
    filePath: string,
    private readonly view: object = {},
  ) {
    super(project, filePath, { readonly: true, marker: true });
  }

  protected synthesizeContent(): string | undefined {
    return renderTemplate(this.path, { ...this.view, marker: this.marker });
  }
}
