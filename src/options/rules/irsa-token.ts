import type { ServiceAccountRule } from "./rule";
import { secondsProblems } from "./seconds";

/** The projected token of IRSA: its audience and lifetime. */
export const irsaToken: ServiceAccountRule = ({ serviceAccount: sa, path }) => {
  const problems: string[] = [];
  if (sa.tokenExpirationSeconds !== undefined) {
    // amazon-eks-pod-identity-webhook pkg/constants.go: MinTokenExpiration 600 (the API server's), MaxTokenExpiration 86400.
    problems.push(...secondsProblems(path("tokenExpirationSeconds"), sa.tokenExpirationSeconds, 600, 86400, "EKS"));
  }
  if (sa.audience.trim() === "") {
    problems.push(`${path("audience")}: the audience is empty; leave it out for sts.amazonaws.com.`);
  }
  return problems;
};
