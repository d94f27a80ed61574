import { quote, type ServiceAccountRule } from "./rule";

// The image reference grammar of distribution/reference (regexp.go): [registry[:port]/]path[:tag][@digest].
const COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
const DOMAIN =
  "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?/)?";
const IMAGE_REFERENCE = new RegExp(
  `^${DOMAIN}${COMPONENT}(?:/${COMPONENT})*(?::[\\w][\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$`,
);

/** The image of the example Deployment: a reference a container runtime can pull. */
export const exampleDeployment: ServiceAccountRule = ({ serviceAccount: sa, path }) => {
  const image = sa.exampleDeployment?.image;
  return image === undefined || (image.length <= 255 && IMAGE_REFERENCE.test(image))
    ? []
    : [
        `${path("exampleDeploymentImage")}: ${quote(image)} is not a container image reference; write [registry/]repository[:tag][@digest] in lower case, such as "public.ecr.aws/aws-cli/aws-cli:2.27.50".`,
      ];
};
