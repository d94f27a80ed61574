// The stack's program: yours to edit (the generator writes it once).
import * as k8s from "@pulumi/kubernetes";
import { podTemplateAnnotations } from "./pod-template";
import { readKubeconfig } from "./stack-config";
import { declareWorkloadIdentities } from "./workload-identities";

// Server-side apply is required: the role ARN annotation is applied with ServiceAccountPatch.
const provider = new k8s.Provider("eks", { enableServerSideApply: true, kubeconfig: readKubeconfig() });

// A service account that a Helm chart creates (createServiceAccount: false) is bound once the chart made it:
//   declareWorkloadIdentities({ provider, dependsOn: { "<namespace>/<name>": [release] } })
const identities = declareWorkloadIdentities({ provider });

// Your own workload: depend on the identity so pods start with working credentials, and put its pod template
// annotations on the pods, so they roll (and get new credentials) whenever the identity changes, e.g.
//
//   const identity = identities["default/app"];
//   new k8s.apps.v1.Deployment("app", {
//     metadata: { namespace: "default" },
//     spec: {
//       /* ... */
//       template: {
//         metadata: { labels, annotations: podTemplateAnnotations(identity) },
//         spec: { serviceAccountName: "app" /* ... */ },
//       },
//     },
//   }, { provider, dependsOn: identity.credentialDependencies });

const byKey = <T>(pick: (id: (typeof identities)[string]) => T): Record<string, T> =>
  Object.fromEntries(Object.entries(identities).map(([key, id]) => [key, pick(id)]));

export const roleArns = byKey((id) => id.role.arn);
export const roleNames = byKey((id) => id.role.name);
/** Pod template annotations per account, for workloads deployed elsewhere (a chart's `podAnnotations` value). */
export const podAnnotations = byKey((id) => podTemplateAnnotations(id));
/** "<namespace>/<name>" keys of the service accounts bound to a role. */
export const serviceAccounts = Object.keys(identities);
