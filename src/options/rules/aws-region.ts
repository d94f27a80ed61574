import { quote, type ProjectRule } from "./rule";

const AWS_REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/** The region of the first stack. */
export const awsRegion: ProjectRule = ({ settings }) =>
  AWS_REGION.test(settings.region)
    ? []
    : [`region: ${quote(settings.region)} is not an AWS region code; use one such as us-east-1 or eu-central-1.`];
