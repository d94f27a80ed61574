import * as pulumi from "@pulumi/pulumi";
import { BAD_STACK_INPUTS } from "./bad-stack-config";
import { OIDC_PROVIDER_ARN, promiseOf, startMocks } from "./pulumi-mocks";
import { stackFileProblems, stacksWithFiles } from "./stack-file-check";
import { STACK_DIR } from "./stack-files";
import { assertWithinTrustPolicyQuota, irsaTrustPolicy } from "../src/trust-policy";

// Loaded lazily so that nothing Pulumi-related runs before the first setMocks.
const load = () => import("../src/stack-config");
const IRSA = { identityType: "IRSA", oidcProviderSource: "STACK_CONFIG" } as const;

describe("oidcProviderArn (STACK_CONFIG)", () => {
  test("a valid ARN is returned as is", async () => {
    await startMocks({ oidcProviderArn: OIDC_PROVIDER_ARN });
    const config = (await load()).readIdentityConfig(IRSA);
    expect(config.identityType === "IRSA" && (await promiseOf(config.oidcProviderArn))).toBe(OIDC_PROVIDER_ARN);
  });

  test("an empty value is missing too", async () => {
    await startMocks({ oidcProviderArn: "" });
    const { readIdentityConfig } = await load();
    expect(() => readIdentityConfig(IRSA)).toThrow('Missing required config "oidcProviderArn".');
  });

  test.each([
    [
      "a missing provider (terraform-provider-aws: couldn't find resource): create it",
      `reading IAM OIDC Provider (${OIDC_PROVIDER_ARN}): couldn't find resource\n\tstatus code: 404`,
      `The IAM OIDC provider (config oidcProviderArn) does not exist`,
    ],
    [
      "a refused lookup: not a missing provider, so no advice to create it",
      "AccessDenied: not authorized to perform: iam:GetOpenIDConnectProvider\n\tstatus code: 403",
      `Could not check the IAM OIDC provider ${OIDC_PROVIDER_ARN} (config oidcProviderArn): AccessDenied: not ` +
        "authorized to perform: iam:GetOpenIDConnectProvider. The deploying (and previewing) credentials need " +
        "iam:GetOpenIDConnectProvider on it, to check that it exists and lists every audience the roles trust.",
    ],
  ])("the provider lookup fails, %s, quoting the lookup's reason by its first line", async (_, reason, message) => {
    await startMocks({ oidcProviderArn: OIDC_PROVIDER_ARN });
    const iam = await import("@pulumi/aws/iam");
    // Under the mocks an invoke's error has no message: a lookup the provider refuses with a reason of several lines.
    const lookup = jest.spyOn(iam, "getOpenIdConnectProvider");
    lookup.mockRejectedValue(new Error(reason));
    try {
      const config = (await load()).readIdentityConfig(IRSA);
      await expect(config.identityType === "IRSA" && promiseOf(config.oidcProviderArn)).rejects.toThrow(message);
    } finally {
      lookup.mockRestore();
    }
  });
});

describe("clusterName", () => {
  test.each(["-starts-with-dash", "has space", "dots.not.allowed", "ends-with-dot.", "x".repeat(101)])(
    "malformed %j names the key and the rule",
    async (bad) => {
      await startMocks({ clusterName: bad });
      const { readIdentityConfig } = await load();
      for (const settings of [
        { identityType: "POD_IDENTITY", oidcProviderSource: "STACK_CONFIG" },
        { ...IRSA, oidcProviderSource: "CLUSTER_LOOKUP" },
      ] as const) {
        expect(() => readIdentityConfig(settings)).toThrow(
          `Invalid clusterName: ${JSON.stringify(bad)}. An EKS cluster name is 1-100 characters`,
        );
      }
    },
  );

  test("100 characters are fine; missing says how to set it", async () => {
    await startMocks({ clusterName: "a".repeat(100) });
    const { readClusterName } = await load();
    expect(readClusterName()).toBe("a".repeat(100));
    await startMocks({});
    expect(() => readClusterName()).toThrow(
      'Missing required config "clusterName". Set it with: pulumi config set clusterName my-cluster',
    );
  });
});

describe("OIDC provider from a cluster lookup or a stack reference (validated inside apply)", () => {
  test("CLUSTER_LOOKUP builds the provider ARN from the issuer, account and partition", async () => {
    await startMocks({ clusterName: "my-cluster" });
    expect(await promiseOf((await load()).readOidcProviderArn("CLUSTER_LOOKUP"))).toBe(OIDC_PROVIDER_ARN);
  });

  test("CLUSTER_LOOKUP for settings that declare no service account demands no audience of the provider", async () => {
    await startMocks({ clusterName: "my-cluster" }, { oidcProviderClientIds: [] });
    const config = (await load()).readIdentityConfig({ identityType: "IRSA", oidcProviderSource: "CLUSTER_LOOKUP" });
    expect(config.identityType === "IRSA" && (await promiseOf(config.oidcProviderArn))).toBe(OIDC_PROVIDER_ARN);
  });

  test("CLUSTER_LOOKUP of a cluster without an OIDC issuer says so", async () => {
    await startMocks({ clusterName: "my-cluster" }, { clusterIssuer: "" });
    await expect(promiseOf((await load()).readOidcProviderArn("CLUSTER_LOOKUP"))).rejects.toThrow(
      'EKS cluster "my-cluster" (config clusterName) has no OIDC issuer.',
    );
  });

  test("STACK_REFERENCE reads the named output (default oidcProviderArn)", async () => {
    const stackOutputs = {
      "org/cluster/prod": {
        oidcProviderArn: OIDC_PROVIDER_ARN,
        other: "arn:aws:iam::123456789012:oidc-provider/x.example.com",
      },
    };
    await startMocks({ oidcProviderStackReference: "org/cluster/prod" }, { stackOutputs });
    expect(await promiseOf((await load()).readOidcProviderArn("STACK_REFERENCE"))).toBe(OIDC_PROVIDER_ARN);
    await startMocks(
      { oidcProviderStackReference: "org/cluster/prod", oidcProviderOutputName: "other" },
      { stackOutputs },
    );
    expect(await promiseOf((await load()).readOidcProviderArn("STACK_REFERENCE"))).toBe(
      stackOutputs["org/cluster/prod"].other,
    );
  });
});

describe("kubeconfig", () => {
  test("is read as a secret output", async () => {
    await startMocks({ kubeconfig: "apiVersion: v1\nkind: Config" });
    const kubeconfig = (await load()).readKubeconfig();
    expect(kubeconfig).toBeDefined();
    expect(await pulumi.isSecret(kubeconfig!)).toBe(true);
    expect(await promiseOf(kubeconfig!)).toBe("apiVersion: v1\nkind: Config");
  });

  test("is undefined when unset (ambient kubeconfig)", async () => {
    await startMocks({});
    expect((await load()).readKubeconfig()).toBeUndefined();
  });
});

describe("every bad input is refused with its exact message (eks-irsa-template's docs/validation.md lists them)", () => {
  test.each(BAD_STACK_INPUTS)("$input", async (bad) => {
    expect(await errorOf(bad)).toBe(bad.message);
  });

  async function errorOf(bad: (typeof BAD_STACK_INPUTS)[number]): Promise<string> {
    try {
      if ("trustPolicy" in bad) {
        assertWithinTrustPolicyQuota(irsaTrustPolicy(bad.trustPolicy), "orders-api@shop");
      } else if ("podIdentityAgent" in bad) {
        await startMocks(bad.config, bad.mocks);
        const { podIdentityAgent } = await import("../src/pod-identity-agent");
        await promiseOf(podIdentityAgent(bad.podIdentityAgent, (await load()).readClusterName()).clusterName);
      } else {
        await startMocks(bad.config, bad.mocks);
        const config = (await load()).readIdentityConfig(bad.settings);
        if (config.identityType === "IRSA") await promiseOf(config.oidcProviderArn);
      }
    } catch (error) {
      return (error as Error).message;
    }
    return "(no error)";
  }
});

describe("this stack's own stack files, as `pulumi up` would read them", () => {
  // Offline: what each sets is checked as the program checks it; what it leaves unset is not a problem here.
  const stacks = stacksWithFiles(STACK_DIR);
  if (stacks.length === 0) {
    test.skip("no Pulumi.<stack>.yaml to check yet", () => undefined);
  } else {
    test.each(stacks)(
      "Pulumi.%s.yaml: every key is one the program reads, every value one it accepts",
      async (stack) => {
        expect(await stackFileProblems(STACK_DIR, stack)).toEqual([]);
      },
    );
  }
});
