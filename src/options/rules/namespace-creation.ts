import { quote, type ProjectRule } from "./rule";

/** Namespaces every cluster has: a stack that created one would delete it on destroy. */
const BUILT_IN_NAMESPACES = ["default", "kube-system", "kube-public", "kube-node-lease"];

/**
 * A namespace is created once, by every entry in it or by none: otherwise removing one entry would delete the
 * namespace, and everything in it, under the others. Built-in namespaces are never created.
 */
export const namespaceCreation: ProjectRule = ({ settings, pathOf }) => {
  const problems: string[] = [];
  const firstByNamespace = new Map<string, number>();
  settings.serviceAccounts.forEach((sa, index) => {
    if (sa.createNamespace && BUILT_IN_NAMESPACES.includes(sa.namespace)) {
      problems.push(
        `${pathOf(index, "createNamespace")}: namespace ${quote(sa.namespace)} exists in every cluster, and a stack that created it would delete it on destroy; remove createNamespace.`,
      );
    }
    const first = firstByNamespace.get(sa.namespace);
    if (first === undefined) {
      firstByNamespace.set(sa.namespace, index);
    } else if (settings.serviceAccounts[first].createNamespace !== sa.createNamespace) {
      const creator = sa.createNamespace ? index : first;
      problems.push(
        `${pathOf(index, "createNamespace")}: namespace ${quote(sa.namespace)} is created by ${pathOf(creator, "createNamespace")} but not by ${pathOf(creator === index ? first : index, "createNamespace")}; set createNamespace the same on every entry of a namespace.`,
      );
    }
  });
  return problems;
};
