import { quote, type ServiceAccountRule } from "./rule";

// k8s.io/apimachinery/pkg/util/validation (IsQualifiedName, IsValidLabelValue) and
// pkg/api/validation/objectmeta.go (ValidateAnnotations: qualified keys, 256 KiB in all).
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const TOTAL_ANNOTATION_SIZE = 256 * 1024;

/** Annotations the stack writes itself, and the option that sets each one. */
const MANAGED_ANNOTATIONS: Record<string, string> = {
  "eks.amazonaws.com/role-arn": "the stack sets it to the role it creates",
  // The audience of the token the webhook mints (amazon-eks-pod-identity-webhook README): the trust pins `audience`.
  "eks.amazonaws.com/audience": "set audience instead, which the trust policy pins too",
  "eks.amazonaws.com/sts-regional-endpoints": "set stsRegionalEndpoints instead",
  "eks.amazonaws.com/token-expiration": "set tokenExpirationSeconds instead",
};

/** The labels and annotations of the created service account, by the Kubernetes API's rules. */
export const kubernetesMetadata: ServiceAccountRule = ({ serviceAccount: sa, path }) => {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(sa.labels)) {
    const at = `${path("labels")}[${quote(key)}]`;
    problems.push(...keyProblems(key, at, "label"));
    if (value.length > 63 || !(value === "" || QUALIFIED_NAME.test(value))) {
      problems.push(
        `${at}: the value ${quote(value)} is not a valid label value; use at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit (or nothing).`,
      );
    }
  }
  let size = 0;
  for (const [key, value] of Object.entries(sa.annotations)) {
    const at = `${path("annotations")}[${quote(key)}]`;
    problems.push(...keyProblems(key.toLowerCase(), at, "annotation"));
    const managed = MANAGED_ANNOTATIONS[key];
    if (managed) {
      problems.push(`${at}: this annotation is managed by eks-irsa-template; ${managed}.`);
    }
    size += Buffer.byteLength(key) + Buffer.byteLength(value);
  }
  if (size > TOTAL_ANNOTATION_SIZE) {
    problems.push(
      `${path("annotations")}: the annotations are ${size} bytes; Kubernetes allows ${TOTAL_ANNOTATION_SIZE} in all, so move large data elsewhere (a ConfigMap).`,
    );
  }
  return problems;
};

function keyProblems(key: string, at: string, kind: "label" | "annotation"): string[] {
  const slash = key.lastIndexOf("/");
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = key.slice(slash + 1);
  const validPrefix = prefix === undefined || (prefix.length <= 253 && DNS1123_SUBDOMAIN.test(prefix));
  // A second '/' lands in the prefix, which no DNS subdomain holds.
  if (validPrefix && name.length <= 63 && QUALIFIED_NAME.test(name)) {
    return [];
  }
  return [
    `${at}: ${quote(key)} is not a valid ${kind} key; write an optional DNS subdomain prefix and '/', then a name of at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit (such as "example.com/team").`,
  ];
}
