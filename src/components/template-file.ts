import { FileBase, type Project } from "projen";
import { renderTemplate } from "../rendering/template-renderer";

/** A template's view model, or a function that builds it at synth time, once every component is in place. */
export type TemplateView = object | (() => object);

/**
 * A managed file rendered from `templates/<path>.hbs`: read-only, carrying the projen marker,
 * rewritten on every synth and deleted by projen once no longer generated.
 */
export class TemplateFile extends FileBase {
  constructor(
    project: Project,
    filePath: string,
    private readonly view: TemplateView = {},
  ) {
    super(project, filePath, { readonly: true, marker: true });
  }

  protected synthesizeContent(): string | undefined {
    const view = typeof this.view === "function" ? this.view() : this.view;
    return renderTemplate(this.path, { ...view, marker: this.marker });
  }
}
