import * as fc from "fast-check";
import type { ServiceAccountOptions } from "../../src";
import { resolveStackSettings } from "../../src/options/resolve-stack-settings";
import type { ServiceAccountSettings } from "../../src/options/stack-settings";
import { estimateTrustPolicyLength, LONGEST_PROVIDER_ARN } from "../../src/options/trust-policy-size";
import * as generated from "../../stack/src/trust-policy";

// The generated stack's `src/trust-policy.ts`: the estimate must measure the very document the stack builds.

const name = fc.stringMatching(/^[a-z0-9]([-a-z0-9.]{0,40}[a-z0-9])?$/);
const namespace = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,30}[a-z0-9])?$/);
const RUNS = 1000;

/** A service account as the project type resolves it, defaults included. */
function serviceAccount(options: ServiceAccountOptions): ServiceAccountSettings {
  return resolveStackSettings({ name: "orders", defaultReleaseBranch: "main", serviceAccounts: [options] })
    .serviceAccounts[0];
}

test(`the synth-time estimate equals the length of the trust policy the stack builds (${RUNS} cases)`, () => {
  fc.assert(
    fc.property(
      name,
      namespace,
      fc.array(fc.record({ name, namespace }), { maxLength: 12 }),
      // Audiences of different lengths: an estimate that ignored the configured one would be off.
      fc.constantFrom("sts.amazonaws.com", "orders", "https://auth.example.com/audiences/orders-api"),
      (saName, saNamespace, others, audience) => {
        const sa = serviceAccount({
          name: saName,
          namespace: saNamespace,
          additionalServiceAccounts: others,
          audience,
        });
        const document = generated.irsaTrustPolicy({
          oidcProviderArns: [LONGEST_PROVIDER_ARN],
          serviceAccounts: [sa, ...others],
          audience,
        });
        return estimateTrustPolicyLength(sa) === JSON.stringify(document).length;
      },
    ),
    { numRuns: RUNS },
  );
});

test("the estimate counts wildcard subjects under StringLike, as the stack writes them", () => {
  const sa = serviceAccount({
    name: "worker",
    allowWildcardSubjects: true,
    additionalServiceAccounts: [{ name: "worker-*", namespace: "jobs" }],
  });
  const document = generated.irsaTrustPolicy({
    oidcProviderArns: [LONGEST_PROVIDER_ARN],
    serviceAccounts: [sa, ...sa.additionalServiceAccounts],
    audience: sa.audience,
    allowWildcardSubjects: true,
  });
  expect(document.Statement[0].Condition?.StringLike).toBeDefined();
  expect(estimateTrustPolicyLength(sa)).toBe(JSON.stringify(document).length);
});

test("the estimate keeps StringEquals when wildcards are allowed but no subject has one, as the stack does", () => {
  const sa = serviceAccount({
    name: "worker",
    allowWildcardSubjects: true,
    additionalServiceAccounts: [{ name: "worker-2", namespace: "jobs" }],
  });
  const document = generated.irsaTrustPolicy({
    oidcProviderArns: [LONGEST_PROVIDER_ARN],
    serviceAccounts: [sa, ...sa.additionalServiceAccounts],
    audience: sa.audience,
    allowWildcardSubjects: true,
  });
  expect(document.Statement[0].Condition?.StringLike).toBeUndefined();
  expect(estimateTrustPolicyLength(sa)).toBe(JSON.stringify(document).length);
});
