import { quote, type ProjectRule } from "./rule";
import { partitionOfRegion } from "../iam/partitions";

const AWS_REGION = /^[a-z]{2,4}(-[a-z]+)+-\d+$/;

/** The region of the first stack: a region code of one of AWS's partitions. */
export const awsRegion: ProjectRule = ({ settings }) =>
  AWS_REGION.test(settings.region) && partitionOfRegion(settings.region)
    ? []
    : [`region: ${quote(settings.region)} is not an AWS region code; use one such as us-east-1 or eu-central-1.`];
