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
      roleNamePrefix: rolePrefix(options.name),
      serviceAccounts: (options.serviceAccounts ?? [{ name: options.serviceAccountName ?? "app" }]).map((sa) => ({
        ...sa,
        namespace: sa.namespace ?? options.namespace ?? "default",
        // A role the stack creates gets ACME's guard rails; an existing role (existingRoleArn) is its owner's.
        ...(sa.existingRoleArn === undefined && {
          permissionsBoundaryArn: "arn:${partition}:iam::${accountId}:policy/acme-workload-boundary",
          tags: { ...sa.tags, "acme:owner": options.name },
          policyStatements: [
            ...(sa.policyStatements ?? []),
            { sid: "NoIamChanges", effect: PolicyEffect.DENY, actions: ["iam:*"], resources: ["*"] },
          ],
        }),
      })),
      serviceAccountName: undefined,
      namespace: undefined,
    });
  }
}

/** `acme-<package name>-`: without an npm scope, in the characters IAM allows, within the prefix's 32. */
function rolePrefix(name: string): string {
  const base = name.replace(/^@[^/]+\//, "").replace(/[^\w+=,.@-]/g, "-");
  return `acme-${base.slice(0, 26).replace(/-+$/, "")}-`;
}
