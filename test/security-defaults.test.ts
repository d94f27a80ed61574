import * as fc from "fast-check";
import { IdentityType, OidcProviderSource } from "../src";
import { synth } from "./project-fixture";
import { irsaTrustPolicy } from "../stack/src/trust-policy";

const RUNS = 500;

/** Shapes of credentials that must never appear in a generated file. */
const CREDENTIALS = [
  /AKIA[0-9A-Z]{16}/, // AWS access key id
  /aws_secret_access_key|aws_session_token/i,
  /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
  /client-key-data|client-certificate-data|\btoken: [A-Za-z0-9._-]{20,}/, // kubeconfig secrets
  /pul-[0-9a-f]{40}/, // Pulumi access token
];

const VARIANTS = {
  default: {},
  "pod identity": { identityType: IdentityType.POD_IDENTITY },
  "cluster lookup": { oidcProviderSource: OidcProviderSource.CLUSTER_LOOKUP },
  "stack reference": { oidcProviderSource: OidcProviderSource.STACK_REFERENCE },
};

describe.each(Object.entries(VARIANTS))("a %s stack", (_variant, options) => {
  const files = synth(options);

  test("contains no credentials in any generated file", () => {
    for (const [path, content] of Object.entries(files)) {
      const text = typeof content === "string" ? content : JSON.stringify(content);
      for (const credential of CREDENTIALS) {
        expect({ path, match: credential.exec(text)?.[0] }).toEqual({ path, match: undefined });
      }
    }
  });

  test("declares kubeconfig as a key to set with --secret, and reads it as a secret", () => {
    expect(files["Pulumi.yaml"].config.kubeconfig.description).toContain("pulumi config set --secret kubeconfig");
    expect(files["src/stack-config.ts"]).toContain('getSecret("kubeconfig")');
    expect(files["src/stack-config.ts"]).not.toMatch(/\.get\("kubeconfig"\)/);
  });
});

test(`every IRSA trust policy the stack builds pins both the audience and the subject (${RUNS} cases)`, () => {
  const label = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,20}[a-z0-9])?$/);
  const provider = fc
    .tuple(fc.constantFrom("aws", "aws-cn", "aws-us-gov"), fc.stringMatching(/^[A-F0-9]{32}$/))
    .map(
      ([partition, id]) => `arn:${partition}:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/${id}`,
    );
  fc.assert(
    fc.property(
      fc.uniqueArray(provider, { minLength: 1, maxLength: 3 }),
      fc.array(fc.record({ name: label, namespace: label }), { minLength: 1, maxLength: 5 }),
      (providers, serviceAccounts) => {
        const policy = irsaTrustPolicy({ oidcProviderArns: providers, serviceAccounts });
        return policy.Statement.every((statement: any, i: number) => {
          const issuer = providers[i].split(":oidc-provider/")[1];
          const conditions = statement.Condition.StringEquals;
          return (
            statement.Principal.Federated === providers[i] &&
            conditions[`${issuer}:aud`] === "sts.amazonaws.com" &&
            [conditions[`${issuer}:sub`]].flat().length ===
              new Set(serviceAccounts.map((sa) => `${sa.namespace}:${sa.name}`)).size
          );
        });
      },
    ),
    { numRuns: RUNS },
  );
});
