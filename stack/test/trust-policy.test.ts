import * as fc from "fast-check";
import {
  assertWithinTrustPolicyQuota,
  AWS_PARTITIONS,
  irsaTrustPolicy,
  parseOidcProviderArn,
  parseOidcProviderArns,
  podIdentityTargetTrustPolicy,
  podIdentityTrustPolicy,
  type PolicyDocument,
  roleNameOfArn,
  type ServiceAccountRef,
  serviceAccountSubject,
  TRUST_POLICY_QUOTA,
} from "../src/trust-policy";

const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 200);
const runsPerProperty: Record<string, number> = {};

/** fc.check (not fc.assert) so the number of runs actually performed can be recorded and printed. */
function checkProperty<Ts>(name: string, property: fc.IProperty<Ts>): void {
  const details = fc.check(property, { numRuns: NUM_RUNS });
  if (details.failed) throw new Error(fc.defaultReportMessage(details));
  runsPerProperty[name] = details.numRuns;
  expect(details.numRuns).toBe(NUM_RUNS);
}
afterAll(() => console.log(`fast-check runs per property: ${JSON.stringify(runsPerProperty)}`));

const ISSUER = "oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
const ARN = `arn:aws:iam::123456789012:oidc-provider/${ISSUER}`;

const partitionArb = fc.constantFrom(...AWS_PARTITIONS);
const accountArb = fc.stringMatching(/^\d{12}$/);
const issuerArb = fc
  .tuple(fc.constantFrom("us-east-1", "cn-north-1", "us-gov-west-1"), fc.stringMatching(/^[A-F0-9]{32}$/))
  .map(([region, id]) => `oidc.eks.${region}.amazonaws.com/id/${id}`);
const providerArb = fc.record({ partition: partitionArb, accountId: accountArb, issuer: issuerArb });
const providerArn = (p: { partition: string; accountId: string; issuer: string }): string =>
  `arn:${p.partition}:iam::${p.accountId}:oidc-provider/${p.issuer}`;
const k8sName = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,30}[a-z0-9])?$/);
const refsArb = fc.uniqueArray(fc.record({ namespace: k8sName, name: k8sName }), {
  minLength: 1,
  maxLength: 5,
  selector: (r) => serviceAccountSubject(r),
});

/** The `:sub` conditions of the statements: operator and subjects. */
function subjectsOf(doc: PolicyDocument, issuer: string): { operator: string; subjects: string[] }[] {
  return doc.Statement.flatMap((s) =>
    Object.entries(s.Condition ?? {}).flatMap(([operator, keys]) =>
      Object.entries(keys)
        .filter(([key]) => key === `${issuer}:sub`)
        .map(([, v]) => ({ operator, subjects: ([] as string[]).concat(v) })),
    ),
  );
}

describe("parseOidcProviderArn", () => {
  test.each([
    ["aws", "123456789012", ISSUER],
    ["aws-cn", "210987654321", "oidc.eks.cn-north-1.amazonaws.com.cn/id/ABC"],
    ["aws-us-gov", "000000000001", "oidc.eks.us-gov-west-1.amazonaws.com/id/DEF"],
  ])("parses partition %s", (partition, accountId, issuer) => {
    const arn = `arn:${partition}:iam::${accountId}:oidc-provider/${issuer}`;
    expect(parseOidcProviderArn(arn)).toEqual({ partition, accountId, issuer, arn });
  });

  test.each([
    "",
    `https://${ISSUER}`,
    `arn:aws:iam::123456789012:oidc-provider/https://${ISSUER}`,
    `arn:aws:iam::12345678901:oidc-provider/${ISSUER}`,
    `arn:aws-mars:iam::123456789012:oidc-provider/${ISSUER}`,
    `arn:aws:iam::123456789012:role/${ISSUER}`,
    `arn:aws:iam::123456789012:oidc-provider/${ISSUER}/`,
    `arn:aws:iam::123456789012:oidc-provider/`,
    `x${ARN}`,
    `${ARN} `,
  ])("rejects %j with a clear, actionable message", (bad) => {
    expect(() => parseOidcProviderArn(bad)).toThrow(`Invalid oidcProviderArn: ${JSON.stringify(bad)}`);
    const message = (() => {
      try {
        parseOidcProviderArn(bad, "myKey");
      } catch (e) {
        return (e as Error).message;
      }
      return "";
    })();
    expect(message).toContain("Invalid myKey:");
    expect(message).toContain("arn:<partition>:iam::<12-digit account id>:oidc-provider/");
    expect(message).toContain(ARN);
    expect(message).toContain("aws eks describe-cluster --name <cluster> --query cluster.identity.oidc.issuer");
    expect(message).toContain("aws iam list-open-id-connect-providers");
  });

  test("property: every valid ARN round-trips", () => {
    checkProperty(
      "parse round-trip",
      fc.property(providerArb, (p) => {
        expect(parseOidcProviderArn(providerArn(p))).toEqual({ ...p, arn: providerArn(p) });
      }),
    );
  });

  /** The error of a rejected ARN, or undefined if it parsed. */
  const errorOf = (s: string): string | undefined => {
    try {
      parseOidcProviderArn(s, "k");
      return undefined;
    } catch (e) {
      return (e as Error).message;
    }
  };

  test("property: arbitrary strings either parse exactly or fail with the documented message", () => {
    checkProperty(
      "arbitrary strings",
      fc.property(fc.string(), (s) => {
        const error = errorOf(s);
        if (error === undefined) {
          expect(providerArn(parseOidcProviderArn(s))).toBe(s);
        } else {
          expect(error.startsWith(`Invalid k: ${JSON.stringify(s)} is not an IAM OIDC provider ARN.`)).toBe(true);
          expect(error).toContain(ARN);
        }
      }),
    );
  });

  test("property: corrupted ARNs are always rejected", () => {
    const corruptions: ((p: { partition: string; accountId: string; issuer: string }) => string)[] = [
      (p) => `${providerArn(p)}/`,
      (p) => `${providerArn(p)} `,
      (p) => `${providerArn(p)}:443`,
      (p) => providerArn({ ...p, issuer: `https://${p.issuer}` }),
      (p) => providerArn({ ...p, accountId: p.accountId.slice(1) }),
      (p) => providerArn({ ...p, partition: p.partition.toUpperCase() }),
      (p) => providerArn(p).replace(":iam::", ":sts::"),
    ];
    checkProperty(
      "corrupted ARNs",
      fc.property(providerArb, fc.nat(corruptions.length - 1), (p, i) => {
        expect(errorOf(corruptions[i](p))).toContain("is not an IAM OIDC provider ARN");
      }),
    );
  });
});

describe("parseOidcProviderArns", () => {
  const CN_ARN = "arn:aws-cn:iam::210987654321:oidc-provider/oidc.eks.cn-north-1.amazonaws.com.cn/id/ABC";
  // Another cluster's issuer, registered in the same account as ARN's.
  const WEST_ARN = ARN.replace(/oidc-provider\/.*/, "oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/WEST");

  test("parses the primary provider, then the additional ones, in order", () => {
    expect(parseOidcProviderArns([ARN, WEST_ARN]).map((p) => p.arn)).toEqual([ARN, WEST_ARN]);
  });

  test.each([
    [["bad", CN_ARN], 'Invalid oidcProviderArn: "bad"'],
    [[ARN, "bad"], 'Invalid additionalOidcProviderArns[0]: "bad"'],
    [[ARN, WEST_ARN, "bad"], 'Invalid additionalOidcProviderArns[1]: "bad"'],
  ])("names the config key of a malformed entry: %j", (arns, message) => {
    expect(() => parseOidcProviderArns(arns)).toThrow(message);
  });

  test.each([
    ["another account", ARN.replace(/::\d{12}:/, "::111122223333:")],
    ["another partition", ARN.replace(/^arn:aws:/, "arn:aws-us-gov:")],
  ])("refuses an additional provider of %s than the role's: STS looks issuers up in the role's account", (_, other) => {
    expect(() => parseOidcProviderArns([ARN, WEST_ARN, other])).toThrow(
      `Invalid additionalOidcProviderArns[1]: ${JSON.stringify(other)} is in account `,
    );
    expect(() => parseOidcProviderArns([ARN, other])).toThrow(
      /a role trusts only OIDC providers of its own account\. Register that cluster's issuer in account \d{12} /,
    );
  });
});

describe("irsaTrustPolicy", () => {
  const app = { namespace: "default", name: "app" };

  test("pins aud and a single sub with StringEquals", () => {
    expect(irsaTrustPolicy({ oidcProviderArns: [ARN], serviceAccounts: [app] })).toEqual({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { Federated: ARN },
          Action: "sts:AssumeRoleWithWebIdentity",
          Condition: {
            StringEquals: {
              [`${ISSUER}:aud`]: "sts.amazonaws.com",
              [`${ISSUER}:sub`]: "system:serviceaccount:default:app",
            },
          },
        },
      ],
    });
  });

  test("deduplicates subjects, keeping order, and uses the given audience", () => {
    const doc = irsaTrustPolicy({
      oidcProviderArns: [ARN, ARN],
      serviceAccounts: [{ namespace: "b", name: "x" }, app, { namespace: "b", name: "x" }],
      audience: "custom",
    });
    expect(doc.Statement).toHaveLength(1);
    expect(doc.Statement[0].Condition?.StringEquals).toEqual({
      [`${ISSUER}:aud`]: "custom",
      [`${ISSUER}:sub`]: ["system:serviceaccount:b:x", "system:serviceaccount:default:app"],
    });
  });

  test("requires a provider, a service account and a valid service account", () => {
    expect(() => irsaTrustPolicy({ oidcProviderArns: [], serviceAccounts: [app] })).toThrow(
      "at least one OIDC provider ARN",
    );
    expect(() => irsaTrustPolicy({ oidcProviderArns: [ARN], serviceAccounts: [] })).toThrow(
      "at least one service account",
    );
    expect(() =>
      irsaTrustPolicy({ oidcProviderArns: [ARN], serviceAccounts: [{ namespace: "a:b", name: "c" }] }),
    ).toThrow("without ':'");
    expect(() => irsaTrustPolicy({ oidcProviderArns: ["nope"], serviceAccounts: [app] })).toThrow(
      'Invalid oidcProviderArn: "nope"',
    );
  });

  test("wildcards need the opt-in, then sub moves to StringLike and aud stays StringEquals", () => {
    const wild = { namespace: "jobs", name: "worker-*" };
    expect(() => irsaTrustPolicy({ oidcProviderArns: [ARN], serviceAccounts: [app, wild] })).toThrow(
      /"jobs\/worker-\*".*allowWildcardSubjects: true/,
    );
    const doc = irsaTrustPolicy({ oidcProviderArns: [ARN], serviceAccounts: [app, wild], allowWildcardSubjects: true });
    expect(doc.Statement[0].Condition).toEqual({
      StringEquals: { [`${ISSUER}:aud`]: "sts.amazonaws.com" },
      StringLike: { [`${ISSUER}:sub`]: ["system:serviceaccount:default:app", "system:serviceaccount:jobs:worker-*"] },
    });
  });

  test("property: trusts exactly the given subjects, once per provider, aud and sub pinned", () => {
    checkProperty(
      "exact subjects",
      fc.property(
        fc.uniqueArray(providerArb, { minLength: 1, maxLength: 3, selector: providerArn }),
        refsArb,
        (providers, refs) => {
          const doc = irsaTrustPolicy({ oidcProviderArns: providers.map(providerArn), serviceAccounts: refs });
          expect(doc.Statement.map((s) => s.Principal)).toEqual(providers.map((p) => ({ Federated: providerArn(p) })));
          providers.forEach((p, i) => {
            const statement = doc.Statement[i];
            expect(statement.Action).toBe("sts:AssumeRoleWithWebIdentity");
            expect(Object.keys(statement.Condition ?? {})).toEqual(["StringEquals"]);
            expect(statement.Condition?.StringEquals[`${p.issuer}:aud`]).toBe("sts.amazonaws.com");
            expect(subjectsOf({ Version: "2012-10-17", Statement: [statement] }, p.issuer)).toEqual([
              { operator: "StringEquals", subjects: refs.map(serviceAccountSubject) },
            ]);
          });
        },
      ),
    );
  });

  test("property: a wildcard subject throws without opt-in and is the only way to get StringLike", () => {
    checkProperty(
      "wildcard opt-in",
      fc.property(providerArb, refsArb, fc.constantFrom("*", "?"), fc.boolean(), (p, refs, wildcard, optIn) => {
        const serviceAccounts: ServiceAccountRef[] = [
          ...refs,
          { namespace: refs[0].namespace, name: `${refs[0].name}${wildcard}` },
        ];
        const build = () =>
          irsaTrustPolicy({ oidcProviderArns: [providerArn(p)], serviceAccounts, allowWildcardSubjects: optIn });
        if (!optIn) {
          expect(build).toThrow("allowWildcardSubjects: true");
          expect(
            irsaTrustPolicy({ oidcProviderArns: [providerArn(p)], serviceAccounts: refs, allowWildcardSubjects: true })
              .Statement[0].Condition,
          ).not.toHaveProperty("StringLike");
          return;
        }
        const condition = build().Statement[0].Condition ?? {};
        expect(condition.StringEquals).toEqual({ [`${p.issuer}:aud`]: "sts.amazonaws.com" });
        expect(condition.StringLike).toEqual({ [`${p.issuer}:sub`]: serviceAccounts.map(serviceAccountSubject) });
      }),
    );
  });
});

describe("irsaTrustPolicy refuses what would trust the wrong tokens", () => {
  const build = (serviceAccounts: ServiceAccountRef[], audience?: string) => () =>
    irsaTrustPolicy({ oidcProviderArns: [ARN], serviceAccounts, audience });

  test("an empty audience", () => {
    expect(build([{ namespace: "default", name: "app" }], "")).toThrow("irsaTrustPolicy: audience must not be empty.");
  });

  test.each([
    { namespace: "", name: "app" },
    { namespace: "default", name: "" },
    { namespace: "default", name: "my app" },
    { namespace: "team\ta", name: "app" },
    { namespace: "default", name: "app:other" },
  ])("the service account %j", (sa) => {
    expect(build([sa])).toThrow(
      `Invalid service account ${JSON.stringify(sa)}: namespace and name must be non-empty, without ':' or spaces.`,
    );
  });

  test("a value that is not a string, named in the error", () => {
    expect(() => parseOidcProviderArn(undefined as unknown as string)).toThrow(
      "Invalid oidcProviderArn: undefined is not an IAM OIDC provider ARN.",
    );
  });
});

describe("roleNameOfArn", () => {
  test.each([
    ["arn:aws:iam::123456789012:role/orders", "orders"],
    ["arn:aws-us-gov:iam::123456789012:role/team/app/orders-api", "orders-api"],
    ["arn:aws:iam::123456789012:role/" + "r".repeat(64), "r".repeat(64)],
    ["arn:aws:iam::123456789012:role/service-role/+=,.@_-", "+=,.@_-"],
  ])("%s names the role %j (the path left out)", (arn, name) => {
    expect(roleNameOfArn(arn)).toBe(name);
  });

  test.each([
    "xarn:aws:iam::123456789012:role/orders",
    "arn:aws:iam::123456789012:role/orders ",
    "arn:aws:iam::123456789012:role/orders/",
    "arn:aws:iam::12345678901:role/orders",
    "arn:aws:iam::1234567890123:role/orders",
    "arn:aws:iam::12345678901x:role/orders",
    "arn::iam::123456789012:role/orders",
    "arn:AWS:iam::123456789012:role/orders",
    "arn:aws:iam::123456789012:role/",
    "arn:aws:iam::123456789012:role/" + "r".repeat(65),
    "arn:aws:iam::123456789012:role/team app/orders",
    "arn:aws:iam::123456789012:user/orders",
  ])("refuses %j, saying what a role ARN looks like", (bad) => {
    expect(() => roleNameOfArn(bad)).toThrow(
      `${JSON.stringify(bad)} is not an IAM role ARN (arn:<partition>:iam::<account>:role/<path><name>).`,
    );
  });
});

describe("podIdentityTrustPolicy", () => {
  const args = {
    clusterArn: "arn:aws:eks:us-east-1:123456789012:cluster/prod",
    accountId: "123456789012",
    serviceAccount: { namespace: "shop", name: "api" },
  };

  test("trusts the EKS Pod Identity service principal for one cluster, namespace, service account and account", () => {
    expect(podIdentityTrustPolicy(args).Statement).toEqual([
      {
        Effect: "Allow",
        Principal: { Service: "pods.eks.amazonaws.com" },
        Action: ["sts:AssumeRole", "sts:TagSession"],
        Condition: {
          StringEquals: {
            "aws:RequestTag/eks-cluster-arn": args.clusterArn,
            "aws:RequestTag/kubernetes-namespace": "shop",
            "aws:RequestTag/kubernetes-service-account": "api",
            "aws:SourceAccount": "123456789012",
          },
        },
      },
    ]);
  });

  test("refuses a wildcard or an empty name: one association, one service account", () => {
    expect(() => podIdentityTrustPolicy({ ...args, serviceAccount: { namespace: "shop", name: "api-*" } })).toThrow(
      "must name one service account",
    );
    expect(() => podIdentityTrustPolicy({ ...args, serviceAccount: { namespace: "", name: "api" } })).toThrow(
      "must name one service account",
    );
  });
});

describe("every trust policy", () => {
  const sourceRoleArn = "arn:aws:iam::111122223333:role/orders-api";
  const target = { sourceRoleArn, clusterArn: "arn:aws:eks:us-east-1:111122223333:cluster/prod" };
  const ref = { associations: [{ namespace: "shop", serviceAccount: "api" }] };
  const pods = {
    clusterArn: target.clusterArn,
    accountId: "111122223333",
    serviceAccount: { namespace: "shop", name: "api" },
  };
  const documents: [string, () => PolicyDocument][] = [
    ["IRSA", () => irsaTrustPolicy({ oidcProviderArns: [ARN], serviceAccounts: [{ namespace: "shop", name: "api" }] })],
    ["Pod Identity", () => podIdentityTrustPolicy(pods)],
    ["Pod Identity without session tags", () => podIdentityTrustPolicy({ ...pods, sessionTags: false })],
    ["a target role", () => podIdentityTargetTrustPolicy({ ...target, ...ref, sessionTags: true })],
    [
      "a target role without session tags",
      () =>
        podIdentityTargetTrustPolicy({
          ...target,
          associations: [{ namespace: "shop", serviceAccount: "api", externalId: "us-east-1/1/prod/shop/api" }],
          sessionTags: false,
        }),
    ],
  ];

  test.each(documents)("%s: is of the policy language version that has condition keys and variables", (_, build) => {
    expect(build().Version).toBe("2012-10-17");
  });

  test("a target role without session tags is refused without the external ID that pins it", () => {
    expect(() => podIdentityTargetTrustPolicy({ ...target, ...ref, sessionTags: false })).toThrow(
      "podIdentityTargetTrustPolicy: without session tags, the external ID is required.",
    );
  });
});

describe("assertWithinTrustPolicyQuota", () => {
  const policyWith = (count: number) =>
    irsaTrustPolicy({
      oidcProviderArns: [ARN],
      serviceAccounts: Array.from({ length: count }, (_, i) => ({ namespace: "ns", name: `sa-${i}` })),
    });

  test("accepts a policy of exactly 2,048 characters and rejects 2,049", () => {
    const sized = (length: number): PolicyDocument => {
      const doc = policyWith(1);
      const padding = length - JSON.stringify(doc).length;
      doc.Statement[0].Sid = "x".repeat(padding - ',"Sid":""'.length);
      expect(JSON.stringify(doc)).toHaveLength(length);
      return doc;
    };
    expect(() => assertWithinTrustPolicyQuota(sized(TRUST_POLICY_QUOTA), "r")).not.toThrow();
    expect(() => assertWithinTrustPolicyQuota(sized(TRUST_POLICY_QUOTA + 1), "r")).toThrow(
      'Trust policy of role "r" is 2049 characters, over the IAM quota',
    );
  });

  test("accepts a policy up to the quota and rejects one above it", () => {
    let count = 1;
    while (JSON.stringify(policyWith(count + 1)).length <= TRUST_POLICY_QUOTA) count++;
    expect(() => assertWithinTrustPolicyQuota(policyWith(count), "r")).not.toThrow();
    expect(() => assertWithinTrustPolicyQuota(policyWith(count + 1), "my-role")).toThrow(
      /"my-role".*"Role trust policy length" \(default 2,048 characters\).*fewer service accounts or OIDC providers.*quota increase/s,
    );
  });
});
