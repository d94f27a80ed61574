import { quote, type ProjectRule } from "./rule";

// Pulumi's project and stack name rule (sdk/go/common/tokens: IsName / ValidateStackName).
const PULUMI_NAME = /^[A-Za-z0-9_.-]{1,100}$/;

/** The Pulumi project and stack names. */
export const pulumiNames: ProjectRule = ({ settings }) => {
  const problems: string[] = [];
  if (!PULUMI_NAME.test(settings.projectName)) {
    problems.push(
      `pulumiProjectName: ${quote(settings.projectName)} is not a valid Pulumi project name; use 1 to 100 letters, digits, '_', '.' or '-' (set pulumiProjectName when the package name does not qualify).`,
    );
  }
  if (!PULUMI_NAME.test(settings.stackName)) {
    problems.push(
      `stackName: ${quote(settings.stackName)} is not a valid Pulumi stack name; use 1 to 100 letters, digits, '_', '.' or '-'.`,
    );
  }
  return problems;
};
