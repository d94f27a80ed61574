import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { Component, SampleReadme, type typescript } from "projen";
import { PROJEN_MARKER } from "projen/lib/common";
import { TemplateFile } from "./template-file";
import { MessageError } from "../errors/message-error";
import type { StackSettings } from "../options/stack-settings";
import { readmeViewOf } from "../rendering/readme-view";

const README = "README.md";
/** What projen's `SampleReadme` writes: replacing it loses nothing. */
const PROJEN_SAMPLE_README = "# replace this";

/**
 * The stack's managed `README.md`: what it deploys, a diagram of its resources and dependencies,
 * the stack config to fill, the commands and the CI, all from the settings, so that it stays true.
 * `test/readme-diagram.test.ts` (managed too) checks the diagram against what the program registers.
 *
 * projen's GitHub projects always add a write-once `README.md`; this component takes its place.
 * A `README.md` written by hand is never overwritten: the synth stops and says what to do.
 */
export class StackReadme extends Component {
  private readonly readmePath: string;

  constructor(project: typescript.TypeScriptProject, settings: StackSettings) {
    super(project);
    for (const child of project.node.children) {
      if (child instanceof SampleReadme) {
        project.node.tryRemoveChild(child.node.id);
      }
    }
    this.readmePath = join(project.outdir, README);
    // Built at synth time, when every task and workflow is in place, .projenrc.ts changes included.
    new TemplateFile(project, README, () => readmeViewOf(project, settings));
  }

  /** Runs before projen cleans up or writes anything. */
  public preSynthesize(): void {
    if (!existsSync(this.readmePath)) {
      return;
    }
    const existing = readFileSync(this.readmePath, "utf-8");
    if (!existing.includes(PROJEN_MARKER) && existing.trim() !== PROJEN_SAMPLE_README) {
      // projen sets PROJEN_CREATE_PROJECT while projen new synthesizes (projects.ts); its own note says what to run then.
      const next = process.env.PROJEN_CREATE_PROJECT === "true" ? "" : ', then run "npx projen" again';
      throw new MessageError(
        `${README} was written by hand, and eks-irsa-template now generates it from .projenrc.ts, which would overwrite it; move what you want to keep into another file (docs/notes.md, for example), delete ${README}${next}.`,
      );
    }
  }
}
