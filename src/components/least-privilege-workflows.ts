import { Component, type typescript } from "projen";

/**
 * projen's own workflows with the permissions their jobs use, no more:
 * - the build workflow's `build` job reads the repository. projen gives it `contents: write`
 *   (projen's build/build-workflow.js), but that job pushes nothing: it installs the dependencies (their install
 *   scripts run) and builds the pull request's code, with the job's token left in the git config by
 *   actions/checkout, and uploads the self-mutation patch as an artifact. Only the `self-mutation` job, which pushes
 *   that patch, keeps `contents: write`.
 * - the pull request lint reads the pull request. amannn/action-semantic-pull-request needs `pull-requests: write`
 *   only with its `wip` option (its README, "Work-in-progress pull requests"), which projen does not set, and the
 *   workflow runs on `pull_request_target`, with the base repository's token.
 */
export class LeastPrivilegeWorkflows extends Component {
  constructor(project: typescript.TypeScriptProject) {
    super(project);
    const restrict = (workflow: string, path: string, level: string) =>
      project.github?.tryFindWorkflow(workflow)?.file?.addOverride(path, level);
    restrict("build", "jobs.build.permissions.contents", "read");
    restrict("pull-request-lint", "jobs.validate.permissions.pull-requests", "read");
  }
}
