/**
 * README.md's diagram is drawn from the settings at synth time; this checks it against what the
 * program really registers: the same resources, and exactly the same direct dependencies.
 */
import { readFileSync } from "fs";
// Pulumi SDK submodules, not the whole @pulumi/aws: its index loads every service's types (0.4-0.5 s a test file).
import * as iam from "@pulumi/aws/iam";
// Submodules, not the whole @pulumi/kubernetes: its index costs a test file 0.1-0.2 s more.
import { Provider } from "@pulumi/kubernetes/provider";
import type * as pulumi from "@pulumi/pulumi";
import {
  type Registration,
  registrationOf,
  registrations,
  settled,
  startMocks,
  TEST_STACK_CONFIG,
} from "./pulumi-mocks";
import { README_FILE } from "./stack-files";
import { settings } from "../src/settings";
import type { ServiceAccountSettings } from "../src/settings-types";
import type { WorkloadIdentity } from "../src/workload-identity";

/** The stack reference the OIDC provider ARN is read from: read, not registered, so known by its type. */
const OIDC_PROVIDER_STACK_NODE = "oidcProviderStack";
const STACK_REFERENCE_TYPE = "pulumi:pulumi:StackReference";
/** Resources shared by the identities, by their node id: the Pod Identity Agent add-on and created namespaces. */
const POD_IDENTITY_AGENT_NODE = "podIdentityAgent";
const namespaceNode = (namespace: string): string => `namespace_${namespace.replace(/-/g, "_")}`;

/** A README node id: the index of the settings entry, and the WorkloadIdentity field holding the resource. */
const nodeId = (index: number, part: string): string => `sa${index}_${part}`;

interface Diagram {
  nodes: string[];
  /** "<dependency> --> <dependent>", sorted. */
  edges: string[];
}

function readmeDiagram(): Diagram {
  const readme = readFileSync(README_FILE, "utf-8");
  const block = /```mermaid\n([\s\S]*?)\n```/.exec(readme);
  if (!block) throw new Error("README.md has no mermaid block: run `npx projen` to regenerate it.");
  const lines = block[1].split("\n");
  return {
    nodes: lines.flatMap((line) => /^\s*(\w+)\["/.exec(line)?.[1] ?? []).sort(),
    edges: lines.flatMap((line) => /^\s*(\w+ --> \w+)\s*$/.exec(line)?.[1] ?? []).sort(),
  };
}

/** Each resource of an identity, by the part of its node id. */
function resourcesOf(identity: WorkloadIdentity, sa: ServiceAccountSettings): [string, pulumi.Resource | undefined][] {
  // The entry's own inline policy comes first, then one per add-on document, then the attachments.
  let inline = sa.policyStatements.length > 0 ? -1 : 0;
  let attachments = 0;
  const partOf = (policy: pulumi.Resource): string => {
    if (!iam.RolePolicy.isInstance(policy)) return `managedPolicy${attachments++}`;
    // The target role's policy comes last, after the attachments.
    if (sa.targetRoleArn !== undefined && policy === identity.policies[identity.policies.length - 1]) {
      return "targetRolePolicy";
    }
    const index = inline++;
    return index < 0 ? "inlinePolicy" : `addonPolicy${index}`;
  };
  return [
    ["serviceAccount", identity.serviceAccount],
    ["existingServiceAccount", identity.existingServiceAccount],
    ["role", identity.role],
    ...identity.policies.map((policy): [string, pulumi.Resource] => [partOf(policy), policy]),
    ["serviceAccountPatch", identity.serviceAccountPatch],
    ["podIdentityAssociation", identity.podIdentityAssociation],
    ...identity.additionalPodIdentityAssociations.map((association, j): [string, pulumi.Resource] => [
      `additionalPodIdentityAssociation${j}`,
      association,
    ]),
    ["exampleDeployment", identity.exampleDeployment],
  ];
}

const typeOfUrn = (urn: string): string | undefined => urn.split("::")[2]?.split("$").pop();

describe("README.md's diagram", () => {
  const registered = new Map<string, Registration>();
  beforeAll(async () => {
    await startMocks(TEST_STACK_CONFIG);
    // Loaded after setMocks, as program modules must be.
    const { declareWorkloadIdentities } = await import("../src/workload-identities");
    const identities = declareWorkloadIdentities({
      provider: new Provider("eks", { enableServerSideApply: true }),
      stackSettings: settings,
    });
    await settled();
    for (const [index, sa] of settings.serviceAccounts.entries()) {
      const identity = identities[`${sa.namespace}/${sa.name}`];
      for (const [part, resource] of resourcesOf(identity, sa)) {
        if (resource) registered.set(nodeId(index, part), await registrationOf(resource));
      }
      if (identity.namespace) registered.set(namespaceNode(sa.namespace), await registrationOf(identity.namespace));
    }
    // What registers after these (a resource that depends on the role, say) has started by now.
    await settled();
    const addon = registrations().find((r) => r.type === "aws:eks/addon:Addon");
    if (addon) registered.set(POD_IDENTITY_AGENT_NODE, addon);
  });

  /** The node of a dependency; an unexpected one keeps its URN, so that a failure shows it. */
  function nodeOf(urn: string): string {
    const found = [...registered].find(([, registration]) => registration.urn === urn);
    if (found) return found[0];
    return typeOfUrn(urn) === STACK_REFERENCE_TYPE ? OIDC_PROVIDER_STACK_NODE : urn;
  }

  function registeredEdges(): string[] {
    return [...registered]
      .flatMap(([node, registration]) => registration.dependencies.map((urn) => `${nodeOf(urn)} --> ${node}`))
      .sort();
  }

  test("draws one node per resource the workload identities register", () => {
    const readStackReferences = registeredEdges().some((edge) => edge.startsWith(`${OIDC_PROVIDER_STACK_NODE} `));
    const nodes = [...registered.keys(), ...(readStackReferences ? [OIDC_PROVIDER_STACK_NODE] : [])];
    expect(readmeDiagram().nodes).toEqual(nodes.sort());
  });

  test("leaves out no resource the workload identities register, exposed by them or not", () => {
    // Everything but the Kubernetes provider, which the program passes in.
    const all = registrations().filter((r) => r.custom && !r.type.startsWith("pulumi:providers:"));
    expect(all.map((r) => r.urn).sort()).toEqual([...registered.values()].map((r) => r.urn).sort());
  });

  test("draws exactly the direct dependencies the program registers", () => {
    expect(readmeDiagram().edges).toEqual(registeredEdges());
  });
});
