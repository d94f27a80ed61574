import { Component, SampleFile, type Project } from "projen";
import { renderTemplate } from "./template-renderer";

/** The user's files: written when missing, never touched again. */
const USER_SOURCES = ["src/index.ts", "test/index.test.ts"] as const;

/**
 * The stack's program and its test, written once: they wire the managed workload identities
 * into the user's own resources, and belong to the user from then on.
 */
export class SampleProgram extends Component {
  constructor(project: Project) {
    super(project);
    for (const path of USER_SOURCES) {
      new SampleFile(project, path, { contents: renderTemplate(path, {}) });
    }
  }
}
