import type { ResourceGraph, ResourceKind, ResourceNode } from "./resource-graph";

const KIND_LABELS: Record<ResourceKind, string> = {
  StackReference: "StackReference",
  Namespace: "Namespace",
  Addon: "EKS add-on",
  ServiceAccount: "ServiceAccount",
  ExistingServiceAccount: "existing ServiceAccount (read)",
  Role: "IAM Role",
  RolePolicy: "RolePolicy",
  RolePolicyAttachment: "RolePolicyAttachment",
  ServiceAccountPatch: "ServiceAccountPatch",
  PodIdentityAssociation: "PodIdentityAssociation",
  Deployment: "Deployment",
};

/**
 * The graph as a Mermaid flowchart, one subgraph per service account. An arrow goes from a
 * resource to each resource that depends on it, in the order Pulumi creates them.
 *
 * Node and edge lines have one fixed shape (`  id["label"]`, `  a --> b`), which the stack's
 * `test/readme-diagram.test.ts` parses.
 */
export function toMermaidFlowchart(graph: ResourceGraph): string {
  const lines = ["flowchart LR", ...graph.shared.map((node) => `  ${nodeLine(node)}`)];
  for (const group of graph.groups) {
    lines.push(`  subgraph ${group.id} [${quoted(group.serviceAccount)}]`);
    lines.push(...group.nodes.map((node) => `    ${nodeLine(node)}`));
    lines.push("  end");
  }
  lines.push(...graph.edges.map((edge) => `  ${edge.dependency} --> ${edge.dependent}`));
  return lines.join("\n");
}

function nodeLine(node: ResourceNode): string {
  return `${node.id}[${quoted(`${KIND_LABELS[node.kind]}<br/>${node.detail}`)}]`;
}

/** A Mermaid string label: a double quote inside it would end it early. */
function quoted(label: string): string {
  return `"${label.replace(/"/g, "#quot;")}"`;
}
