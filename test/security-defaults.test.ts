import * as fc from "fast-check";
import { IdentityType, OidcProviderSource } from "../src";
import { synth } from "./project-fixture";
import { irsaTrustPolicy } from "../stack/src/trust-policy";

const RUNS = 500;

/** Shapes of credentials that must never appear in a generated file. */
const CREDENTIALS = [
  /\b(AKIA|ASIA)[0-9A-Z]{16}\b/, // AWS access key id: long-term (AKIA) or temporary, from STS (ASIA)
  /aws_secret_access_key|aws_session_token/i,
  /\baws:(accessKey|secretKey|token)\b/, // the AWS provider's credentials in a Pulumi stack config
  /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
  /client-key-data|client-certificate-data/, // kubeconfig client credentials
  /\btoken["']?\s*[:=]\s*["']?[A-Za-z0-9._~+/=-]{20,}/i, // a bearer token, quoted or not (kubeconfig, JSON, env)
  /pul-[0-9a-f]{40}/, // Pulumi access token
];

/** The first credential-shaped text in `text`, if any. */
function credentialIn(text: string): string | undefined {
  for (const credential of CREDENTIALS) {
    const match = credential.exec(text)?.[0];
    if (match !== undefined) return match;
  }
  return undefined;
}

describe("the credential scan", () => {
  // Fake values in each shape, as they would be written into a generated file.
  test.each([
    ["an access key id", "AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE"],
    ["a temporary access key id", 'accessKeyId: "ASIAIOSFODNN7EXAMPLE"'],
    ["a secret key in a credentials file", "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"],
    ["a session token in a credentials file", "aws_session_token = FwoGZXIvYXdzEXAMPLE"],
    ["aws:secretKey in a stack config", "config:\n  aws:secretKey: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"],
    ["aws:secretKey in a stack config as JSON", JSON.stringify({ config: { "aws:secretKey": { secure: "v1:abc" } } })],
    ["aws:accessKey in a stack config", "  aws:accessKey: AKIA-placeholder\n"],
    ["aws:token in a stack config", "  aws:token: x\n"],
    ["a private key", "-----BEGIN RSA PRIVATE KEY-----\nMIIEow"],
    ["kubeconfig client key data", "    client-key-data: LS0tLS1CRUdJTg=="],
    ["a kubeconfig token", "    token: eyJhbGciOiJSUzI1NiIsImtpZCI6IkV4YW1wbGUifQ"],
    ["a quoted kubeconfig token", '    token: "eyJhbGciOiJSUzI1NiIsImtpZCI6IkV4YW1wbGUifQ"'],
    ["a single-quoted kubeconfig token", "    token: 'k8s-aws-v1.aHR0cHM6Ly9zdHMuYW1hem9uYXdzLmNvbS8'"],
    ["a token in JSON", JSON.stringify({ user: { token: "eyJhbGciOiJSUzI1NiIsImtpZCI6IkV4YW1wbGUifQ" } })],
    ["a Pulumi access token", `PULUMI_ACCESS_TOKEN=pul-${"0123456789abcdef".repeat(2)}01234567`],
  ])("finds %s", (_shape, text) => {
    expect(credentialIn(text)).toBeDefined();
  });

  test.each([
    ["a secret reference in a workflow", "PULUMI_ACCESS_TOKEN: ${{ secrets.PULUMI_ACCESS_TOKEN }}"],
    ["the token-expiration annotation", 'eks.amazonaws.com/token-expiration: "86400"'],
    ["the region of the AWS provider", "  aws:region: us-east-1"],
  ])("leaves alone %s", (_shape, text) => {
    expect(credentialIn(text)).toBeUndefined();
  });
});

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
      expect({ path, match: credentialIn(text) }).toEqual({ path, match: undefined });
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
      // No audience (the default), or a configured one.
      fc.option(fc.constantFrom("sts.amazonaws.com", "orders", "https://auth.example.com/orders-api"), {
        nil: undefined,
      }),
      (providers, serviceAccounts, audience) => {
        const policy = irsaTrustPolicy({ oidcProviderArns: providers, serviceAccounts, audience });
        // Written out here, not with the library's builder: namespace first, then name, each account once.
        const subjects = [...new Set(serviceAccounts.map((sa) => `system:serviceaccount:${sa.namespace}:${sa.name}`))];
        expect(policy.Statement).toHaveLength(providers.length);
        policy.Statement.forEach((statement, i) => {
          const issuer = providers[i].split(":oidc-provider/")[1];
          expect(statement).toEqual({
            Effect: "Allow",
            Principal: { Federated: providers[i] },
            Action: "sts:AssumeRoleWithWebIdentity",
            Condition: {
              StringEquals: {
                [`${issuer}:aud`]: audience ?? "sts.amazonaws.com",
                [`${issuer}:sub`]: subjects.length === 1 ? subjects[0] : subjects,
              },
            },
          });
        });
      },
    ),
    { numRuns: RUNS },
  );
});

test(`a wildcard in a namespace or name is refused unless allowWildcardSubjects is set (${RUNS} cases)`, () => {
  const label = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,20}[a-z0-9])?$/);
  const wildcarded = fc
    .tuple(label, fc.constantFrom("*", "?"), fc.boolean())
    .map(([text, wildcard, atEnd]) => (atEnd ? `${text}${wildcard}` : `${wildcard}${text}`));
  const provider = "arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE";
  fc.assert(
    fc.property(
      fc.record({ name: label, namespace: label }),
      fc.oneof(fc.record({ name: wildcarded, namespace: label }), fc.record({ name: label, namespace: wildcarded })),
      (exact, wild) => {
        const build = (allowWildcardSubjects?: boolean) =>
          irsaTrustPolicy({ oidcProviderArns: [provider], serviceAccounts: [exact, wild], allowWildcardSubjects });
        expect(() => build()).toThrow("allowWildcardSubjects: true");
        expect(() => build(false)).toThrow("allowWildcardSubjects: true");
        // With the opt-in, the wildcard is matched with StringLike; the audience stays pinned with StringEquals.
        expect(Object.keys(build(true).Statement[0].Condition ?? {})).toEqual(["StringEquals", "StringLike"]);
      },
    ),
    { numRuns: RUNS },
  );
});
