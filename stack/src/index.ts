// The stack's program: yours to edit (the generator writes it once).
import * as k8s from "@pulumi/kubernetes";
import { readKubeconfig } from "./stack-config";
import { declareWorkloadIdentities } from "./workload-identities";

// Server-side apply is required: the role ARN annotation is applied with ServiceAccountPatch.
const provider = new k8s.Provider("eks", { enableServerSideApply: true, kubeconfig: readKubeconfig() });

const identities = declareWorkloadIdentities({ provider });

// Your own workload: depend on the identity so pods start with working credentials, e.g.
//
//   const identity = identities["default/app"];
//   new k8s.apps.v1.Deployment("app", {
//     metadata: { namespace: "default" },
//     spec: { /* ...; template.spec.serviceAccountName: "app" */ },
//   }, { provider, dependsOn: identity.credentialDependencies });

const byKey = <T>(pick: (id: (typeof identities)[string]) => T): Record<string, T> =>
  Object.fromEntries(Object.entries(identities).map(([key, id]) => [key, pick(id)]));

export const roleArns = byKey((id) => id.role.arn);
export const roleNames = byKey((id) => id.role.name);
/** "<namespace>/<name>" keys of the service accounts bound to a role. */
export const serviceAccounts = Object.keys(identities);
