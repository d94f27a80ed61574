import { EksIrsaProject, type EksIrsaProjectOptions, PolicyEffect } from "eks-irsa-template";

/**
 * ACME's EKS stack: eks-irsa-template with the platform team's defaults.
 *
 * @pjid acme-eks
 */
export class AcmeEksProject extends EksIrsaProject {
  constructor(options: EksIrsaProjectOptions) {
    super({
      // Defaults a team may override...
      region: "eu-central-1",
      stackName: "staging",
      ...options,
      // ...and what every ACME stack must have.
      roleNamePrefix: `acme-${options.name}-`,
      serviceAccounts: (options.serviceAccounts ?? [{ name: options.serviceAccountName ?? "app" }]).map((sa) => ({
        ...sa,
        namespace: sa.namespace ?? options.namespace ?? "default",
        permissionsBoundaryArn: "arn:${partition}:iam::${accountId}:policy/acme-workload-boundary",
        tags: { ...sa.tags, "acme:owner": options.name },
        policyStatements: [
          ...(sa.policyStatements ?? []),
          { sid: "NoIamChanges", effect: PolicyEffect.DENY, actions: ["iam:*"], resources: ["*"] },
        ],
      })),
      serviceAccountName: undefined,
      namespace: undefined,
    });
  }
}
