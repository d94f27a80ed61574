import { quote, type ProjectRule } from "./rule";

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
