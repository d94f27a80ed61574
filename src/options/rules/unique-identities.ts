import { quote, type ProjectRule } from "./rule";
import { identityPartsOf } from "../identity-parts";

/** Each service account declared once, and each role name used once (IAM role names are unique ignoring case). */
export const uniqueIdentities: ProjectRule = ({ settings, pathOf }) => {
  const problems: string[] = [];
  const firstByAccount = new Map<string, number>();
  const firstByRole = new Map<string, number>();
  settings.serviceAccounts.forEach((sa, index) => {
    const account = `${sa.namespace}/${sa.name}`;
    const earlier = firstByAccount.get(account);
    if (earlier !== undefined) {
      problems.push(
        // Stryker disable next-line Regex: equivalent, `.name` only ever ends the path
        `${pathOf(index, "name")}: service account ${account} is already declared by ${pathOf(earlier, "name").replace(/\.name$/, "")}; declare each service account once (to share a role, use additionalServiceAccounts).`,
      );
    } else {
      firstByAccount.set(account, index);
    }
    // IAM role names are unique ignoring case; entries may share an existing role.
    if (sa.existingRoleArn !== undefined) {
      return;
    }
    const earlierRole = firstByRole.get(sa.roleName.toLowerCase());
    if (earlierRole !== undefined && earlier === undefined) {
      problems.push(
        `${pathOf(index, "roleName")}: role name ${quote(sa.roleName)} is already used by ${pathOf(earlierRole, "roleName")}; IAM role names are unique per account, ignoring case; give one of them another roleName.`,
      );
    } else if (earlierRole === undefined) {
      firstByRole.set(sa.roleName.toLowerCase(), index);
    }
  });
  return problems;
};

/**
 * Each service account bound by one Pod Identity association at most: EKS allows one association per service
 * account and cluster (CreatePodIdentityAssociation fails on a second), and an entry associates its own account and
 * each of its additionalServiceAccounts.
 */
export const uniqueAssociations: ProjectRule = ({ settings, pathOf }) => {
  const problems: string[] = [];
  const firstByAccount = new Map<string, { at: string; own: boolean }>();
  settings.serviceAccounts.forEach((sa, index) => {
    if (!identityPartsOf(sa).associates) return;
    const bound = [
      { account: sa, at: pathOf(index, "name"), own: true },
      ...sa.additionalServiceAccounts.map((other, i) => ({
        account: other,
        at: `${pathOf(index, "additionalServiceAccounts")}[${i}]`,
        own: false,
      })),
    ];
    for (const { account, at, own } of bound) {
      const key = `${account.namespace}/${account.name}`;
      const earlier = firstByAccount.get(key);
      if (earlier === undefined) {
        firstByAccount.set(key, { at, own });
      } else if (!(own && earlier.own)) {
        // Two entries of the same account are uniqueIdentities' to report.
        problems.push(
          `${at}: service account ${key} is already bound by a Pod Identity association (${earlier.at}); EKS allows one association per service account, so list it once.`,
        );
      }
    }
  });
  return problems;
};
