import type { ProjectRule } from "./rule";

/** Options that contradict each other, or that the project type would ignore. */
export const optionCombinations: ProjectRule = ({ options }) => {
  const problems: string[] = [];
  if (options.serviceAccounts && (options.serviceAccountName !== undefined || options.namespace !== undefined)) {
    problems.push(
      "serviceAccountName/namespace: they describe the single service account of a stack without `serviceAccounts`; with `serviceAccounts` set, move them into an entry of it.",
    );
  }
  if (options.readme !== undefined) {
    problems.push(
      "readme: the stack's README.md is generated from the other options, so this option would be ignored; remove it, and keep notes of your own in another file, such as docs/notes.md.",
    );
  }
  if (options.serviceAccounts?.length === 0) {
    problems.push(
      "serviceAccounts: the list is empty; declare at least one service account, or leave the option out for the example one.",
    );
  }
  return problems;
};
