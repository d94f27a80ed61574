import * as YAML from "yaml";
import { IdentityType } from "../../src";
import { synth } from "../project-fixture";

describe("Pulumi.<stack>.yaml, written once", () => {
  const stackFile: string = synth()["Pulumi.dev.yaml"];

  test("suggests a kubeconfig of this cluster alone, never the user's whole kubeconfig", () => {
    // `aws eks update-kubeconfig --dry-run` prints the user's kubeconfig merged with this cluster's entry.
    expect(stackFile).not.toContain("--dry-run");
    expect(stackFile).toContain(
      'dir=$(mktemp -d) && aws eks update-kubeconfig --name <cluster> --kubeconfig "$dir/config" &&',
    );
    expect(stackFile).toContain('pulumi config set --secret kubeconfig "$(cat "$dir/config")"; rm -rf "$dir"');
    expect(synth()["Pulumi.yaml"].config.kubeconfig.description).toContain(
      "aws eks update-kubeconfig --name <cluster> --kubeconfig <new file>",
    );
  });

  test("asks for the OIDC provider (IRSA) or the cluster name (Pod Identity), and is valid YAML", () => {
    expect(YAML.parse(stackFile).config).toEqual({ "aws:region": "us-east-1" });
    expect(stackFile).toContain("pulumi config set oidcProviderArn");
    const podIdentity: string = synth({ identityType: IdentityType.POD_IDENTITY })["Pulumi.dev.yaml"];
    expect(podIdentity).toContain("pulumi config set clusterName <cluster>");
    expect(podIdentity).not.toContain("oidcProviderArn");
  });

  test("with a custom audience, says that the OIDC provider must list it", () => {
    expect(stackFile).not.toContain("client ID");
    const custom: string = synth({ serviceAccounts: [{ name: "api", audience: "api://orders" }] })["Pulumi.dev.yaml"];
    expect(custom).toContain("# The IAM OIDC provider must list api://orders as a client ID (audience)");
  });
});
