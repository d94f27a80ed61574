import * as fc from "fast-check";
import { IdentityType, type ServiceAccountOptions } from "../../src";
import { resolveStackSettings } from "../../src/options/resolve-stack-settings";
import type { ServiceAccountSettings } from "../../src/options/stack-settings";
import {
  estimateTargetRoleTrustLength,
  estimateTrustPolicyLength,
  LONGEST_PROVIDER_ARN,
  SHORTEST_CLUSTER_ARN,
} from "../../src/options/trust-policy-size";
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

describe("Pod Identity: the role's trust and its target role's, measured with the shortest cluster ARN", () => {
  const ACCOUNT = "123456789012";
  const identityType = fc.constantFrom(IdentityType.POD_IDENTITY, IdentityType.IRSA_AND_POD_IDENTITY);

  test(`the estimate equals the length of the role trust the stack builds (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(
        name,
        namespace,
        fc.array(fc.record({ name, namespace }), { maxLength: 8 }),
        identityType,
        fc.boolean(),
        (saName, saNamespace, others, type, disableSessionTags) => {
          const sa = serviceAccount({
            name: saName,
            namespace: saNamespace,
            additionalServiceAccounts: others,
            identityType: type,
            disableSessionTags,
          });
          // As the stack's WorkloadIdentity puts them together: the IRSA statements, then Pod Identity's.
          const statements = [
            ...(type === IdentityType.IRSA_AND_POD_IDENTITY
              ? generated.irsaTrustPolicy({
                  oidcProviderArns: [LONGEST_PROVIDER_ARN],
                  serviceAccounts: [sa, ...others],
                  audience: sa.audience,
                }).Statement
              : []),
            ...generated.podIdentityTrustPolicy({
              clusterArn: SHORTEST_CLUSTER_ARN,
              accountId: ACCOUNT,
              serviceAccount: sa,
              additionalServiceAccounts: others,
              sessionTags: !disableSessionTags,
            }).Statement,
          ];
          const document = { Version: "2012-10-17", Statement: statements };
          return estimateTrustPolicyLength(sa) === JSON.stringify(document).length;
        },
      ),
      { numRuns: RUNS },
    );
  });

  test(`the target role estimate equals the length of the trust createPodIdentityTargetRole builds (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(
        name,
        namespace,
        fc.array(fc.record({ name, namespace }), { maxLength: 8 }),
        fc.boolean(),
        (saName, saNamespace, others, disableSessionTags) => {
          const sa = serviceAccount({
            name: saName,
            namespace: saNamespace,
            additionalServiceAccounts: others,
            identityType: IdentityType.POD_IDENTITY,
            targetRoleArn: "arn:aws:iam::222233334444:role/orders-data",
            disableSessionTags,
          });
          const accounts = [...new Map([sa, ...others].map((a) => [`${a.namespace}:${a.name}`, a])).values()];
          const document = generated.podIdentityTargetTrustPolicy({
            sourceRoleArn: `arn:aws:iam::${ACCOUNT}:role${sa.rolePath}${sa.roleName}`,
            clusterArn: SHORTEST_CLUSTER_ARN,
            associations: accounts.map((a) => ({
              namespace: a.namespace,
              serviceAccount: a.name,
              externalId: `us-east-1/${ACCOUNT}/c/${a.namespace}/${a.name}`,
            })),
            sessionTags: !disableSessionTags,
          });
          return estimateTargetRoleTrustLength(sa) === JSON.stringify(document).length;
        },
      ),
      { numRuns: RUNS },
    );
  });

  test("no target role, or a role the stack does not create: nothing to measure", () => {
    expect(
      estimateTargetRoleTrustLength(serviceAccount({ name: "api", identityType: IdentityType.POD_IDENTITY })),
    ).toBe(0);
    const existing = serviceAccount({ name: "api", existingRoleArn: "arn:aws:iam::123456789012:role/api" });
    expect(estimateTrustPolicyLength(existing)).toBe(0);
  });
});
