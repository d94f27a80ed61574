import { toMermaidFlowchart } from "../../src/rendering/mermaid-flowchart";

test("a flowchart with shared nodes, one subgraph per service account and one arrow per dependency", () => {
  const flowchart = toMermaidFlowchart({
    shared: [{ id: "oidcProviderStack", kind: "StackReference", detail: "oidcProviderStackReference" }],
    groups: [
      {
        id: "sa0",
        serviceAccount: "shop/api",
        nodes: [
          { id: "sa0_role", kind: "Role", detail: "shop-api" },
          { id: "sa0_serviceAccountPatch", kind: "ServiceAccountPatch", detail: 'a "quoted" detail' },
        ],
      },
    ],
    edges: [
      { dependency: "oidcProviderStack", dependent: "sa0_role" },
      { dependency: "sa0_role", dependent: "sa0_serviceAccountPatch" },
    ],
  });
  expect(flowchart.split("\n")).toEqual([
    "flowchart LR",
    '  oidcProviderStack["StackReference<br/>oidcProviderStackReference"]',
    '  subgraph sa0 ["shop/api"]',
    '    sa0_role["IAM Role<br/>shop-api"]',
    '    sa0_serviceAccountPatch["ServiceAccountPatch<br/>a #quot;quoted#quot; detail"]',
    "  end",
    "  oidcProviderStack --> sa0_role",
    "  sa0_role --> sa0_serviceAccountPatch",
  ]);
});
