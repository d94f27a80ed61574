/**
 * The `sub` claim of a Kubernetes service account token, which an IRSA trust policy pins:
 * `system:serviceaccount:<namespace>:<name>`. The one builder of it on the synth side (the size estimate, the README);
 * the stack builds it at run time with `serviceAccountSubject` of `stack/src/trust-policy.ts`, which cannot import this
 * package, and `test/options/service-account-subject.test.ts` checks that the two agree.
 */
export function serviceAccountSubject(serviceAccount: { readonly namespace: string; readonly name: string }): string {
  return `system:serviceaccount:${serviceAccount.namespace}:${serviceAccount.name}`;
}
