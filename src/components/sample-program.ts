import { Component, SampleFile, type Project } from "projen";
import { libraryFileContent, USER_FILES } from "./stack-library";

/**
 * The stack's program and its test, written once from `stack/`: they wire the managed workload
 * identities into the user's own resources, and belong to the user from then on.
 */
export class SampleProgram extends Component {
  constructor(project: Project) {
    super(project);
    for (const path of USER_FILES) {
      new SampleFile(project, path, { contents: libraryFileContent(path) });
    }
  }
}
