import type { ServiceAccountRule } from "./rule";

/** The projected token of IRSA: its audience and lifetime. */
export const irsaToken: ServiceAccountRule = ({ serviceAccount: sa, path }) => {
  const problems: string[] = [];
  const expiration = sa.tokenExpirationSeconds;
  if (expiration !== undefined && (!Number.isInteger(expiration) || expiration < 3600 || expiration > 86400)) {
    problems.push(
      `${path("tokenExpirationSeconds")}: ${expiration} is out of range; EKS accepts 3600 to 86400 seconds.`,
    );
  }
  if (sa.audience.trim() === "") {
    problems.push(`${path("audience")}: the audience is empty; leave it out for sts.amazonaws.com.`);
  }
  return problems;
};
