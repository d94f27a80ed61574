import { createHash } from "crypto";
import * as pulumi from "@pulumi/pulumi";

/** Pod template annotation whose value changes whenever what a pod reads about its credentials at creation does. */
export const CREDENTIALS_HASH_ANNOTATION = "eks-irsa-template/credentials-hash";

/**
 * What a pod's credentials are made of when the pod is created. The pod identity webhook mutates a pod only
 * at creation, from its service account's annotations (role ARN, audience, regional STS, token expiration;
 * aws/amazon-eks-pod-identity-webhook pkg/cache/cache.go addSA), and EKS injects Pod Identity credentials
 * at creation too: running pods keep what they got until they are replaced.
 */
export interface PodCredentialInputs {
  identityType: "IRSA" | "POD_IDENTITY";
  roleArn: string;
  /** IRSA: the token's audience. */
  audience?: string;
  /** IRSA: eks.amazonaws.com/sts-regional-endpoints. */
  stsRegionalEndpoints?: boolean;
  /** IRSA: eks.amazonaws.com/token-expiration. */
  tokenExpirationSeconds?: number;
  /** Pod Identity: the association's ARN (a new association, a new ARN). */
  associationArn?: string;
}

/** A stable hash of the inputs (keys sorted, undefined left out): equal inputs, equal hash. */
export function credentialsHash(inputs: PodCredentialInputs): string {
  const canonical = Object.entries(inputs)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
  return createHash("sha256").update(JSON.stringify(canonical)).digest("hex").slice(0, 16);
}

/** Anything that knows its pods' credential inputs: a WorkloadIdentity. */
export interface HasPodCredentials {
  readonly podCredentialInputs: pulumi.Output<PodCredentialInputs>;
}

/**
 * The annotations for a workload's pod template (`spec.template.metadata.annotations`): a change of the
 * role, the identity type, the audience, the regional-endpoint or token-expiration annotation, or the
 * association changes the template, so Kubernetes rolls the pods and new pods get the new credentials.
 *
 *   template: { metadata: { labels, annotations: podTemplateAnnotations(identity) }, spec: { ... } }
 */
export function podTemplateAnnotations(identity: HasPodCredentials): pulumi.Output<Record<string, string>> {
  return identity.podCredentialInputs.apply((inputs): Record<string, string> => ({
    [CREDENTIALS_HASH_ANNOTATION]: credentialsHash(inputs),
  }));
}
