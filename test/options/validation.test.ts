import { createHash } from "crypto";
import { readdirSync, readFileSync, statSync } from "fs";
import { join } from "path";
import { IdentityType, OidcProviderSource, PodIdentityAgentMode } from "../../src";
import { OptionsValidationError } from "../../src/options/validation";
import { BAD_INPUTS } from "../bad-inputs";
import { newProject, synthWithoutInstall } from "../project-fixture";

function problemsOf(build: () => unknown): string[] {
  try {
    build();
  } catch (error) {
    if (error instanceof OptionsValidationError) {
      return error.problems;
    }
    throw error;
  }
  throw new Error("expected the options to be refused");
}

describe("bad input is refused with a clear error", () => {
  test.each(BAD_INPUTS)("$input", ({ options, message }) => {
    expect(problemsOf(() => newProject(options))).toEqual([message]);
  });

  test("every problem is reported at once, in one error", () => {
    const build = () => newProject({ serviceAccountName: "API", namespace: "Shop", stackName: "a b", region: "mars" });
    expect(problemsOf(build)).toHaveLength(4);
    expect(build).toThrow(/^eks-irsa-template: 4 problems in the project options; nothing was written:\n {2}- /);
  });

  test.each([
    "nginx",
    "public.ecr.aws/aws-cli/aws-cli:2.27.50",
    "123456789012.dkr.ecr.us-east-1.amazonaws.com/orders/api:1.4.2",
    "localhost:5000/tools/aws-cli",
    `amazon/aws-cli@sha256:${"a".repeat(64)}`,
  ])("the image reference %s is accepted", (image) => {
    const serviceAccounts = [{ name: "api", exampleDeployment: true, exampleDeploymentImage: image }];
    expect(() => newProject({ serviceAccounts })).not.toThrow();
  });

  test.each([600, 86400])("a token expiration of %d seconds is accepted (the webhook's limits)", (seconds) => {
    const serviceAccounts = [{ name: "api", namespace: "shop", tokenExpirationSeconds: seconds }];
    expect(() => newProject({ serviceAccounts })).not.toThrow();
  });

  test("podIdentityAgent is accepted when one entry of an IRSA stack uses Pod Identity", () => {
    const serviceAccounts = [
      { name: "api", namespace: "shop" },
      { name: "worker", namespace: "shop", identityType: IdentityType.POD_IDENTITY },
    ];
    expect(() => newProject({ podIdentityAgent: PodIdentityAgentMode.INSTALL, serviceAccounts })).not.toThrow();
  });

  test("oidcProviderSource is accepted when one entry of a Pod Identity stack uses IRSA", () => {
    const serviceAccounts = [
      { name: "api", namespace: "shop", identityType: IdentityType.POD_IDENTITY },
      { name: "worker", namespace: "shop", identityType: IdentityType.IRSA },
    ];
    expect(() => newProject({ oidcProviderSource: OidcProviderSource.CLUSTER_LOOKUP, serviceAccounts })).not.toThrow();
  });

  test("IRSA-only options set to false are accepted on a Pod Identity entry: they ask for nothing", () => {
    const serviceAccounts = [
      {
        name: "api",
        namespace: "shop",
        identityType: IdentityType.POD_IDENTITY,
        stsRegionalEndpoints: false,
        forcePatch: false,
      },
    ];
    expect(() => newProject({ serviceAccounts })).not.toThrow();
  });

  test("forcePatch is accepted on an adopted IRSA service account", () => {
    const serviceAccounts = [{ name: "api", namespace: "shop", createServiceAccount: false, forcePatch: true }];
    expect(() => newProject({ serviceAccounts })).not.toThrow();
  });

  test("wildcard subjects are accepted with allowWildcardSubjects", () => {
    expect(() =>
      newProject({
        serviceAccounts: [
          {
            name: "api",
            namespace: "shop",
            allowWildcardSubjects: true,
            additionalServiceAccounts: [{ name: "worker-*", namespace: "shop" }],
          },
        ],
      }),
    ).not.toThrow();
  });
});

describe("a failed synth changes no file", () => {
  function snapshotTree(dir: string): Record<string, string> {
    const tree: Record<string, string> = {};
    const walk = (path: string) => {
      for (const entry of readdirSync(path)) {
        const full = join(path, entry);
        if (statSync(full).isDirectory()) {
          walk(full);
        } else {
          tree[full] = createHash("sha256").update(readFileSync(full)).digest("hex");
        }
      }
    };
    walk(dir);
    return tree;
  }

  test("a project refused on re-synth leaves the previous synth's files as they were", () => {
    const good = newProject();
    synthWithoutInstall(good);
    const before = snapshotTree(good.outdir);
    expect(Object.keys(before).length).toBeGreaterThan(10);

    expect(() => newProject({ outdir: good.outdir, serviceAccountName: "Bad_Name" })).toThrow(OptionsValidationError);
    expect(snapshotTree(good.outdir)).toEqual(before);
  });
});
