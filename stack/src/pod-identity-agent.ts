// Pulumi SDK submodules, not the whole @pulumi/aws: its index loads every service's types (0.4-0.5 s a test file).
import * as eks from "@pulumi/aws/eks";
import * as pulumi from "@pulumi/pulumi";
import type { PodIdentityAgentMode } from "./settings-types";

/** The EKS add-on that runs the agent on every node (EKS User Guide, "Set up the Amazon EKS Pod Identity Agent"). */
export const POD_IDENTITY_AGENT_ADDON = "eks-pod-identity-agent";

export interface PodIdentityAgent {
  /** The cluster name, known once the agent is there: associations take it as input, so they wait for it. */
  readonly clusterName: pulumi.Output<string>;
  /** The add-on this stack installs (mode INSTALL). */
  readonly addon?: eks.Addon;
}

/**
 * Pods get no Pod Identity credentials without the agent: CHECK fails the deployment with what to do when the
 * cluster lacks the add-on, INSTALL installs it, NONE trusts it is there (EKS Auto Mode has it built in).
 */
export function podIdentityAgent(
  mode: PodIdentityAgentMode,
  clusterName: string,
  opts?: pulumi.CustomResourceOptions,
): PodIdentityAgent {
  switch (mode) {
    case "INSTALL": {
      // The agent serves every Pod Identity workload of the cluster, not only this stack's: destroying the stack, or
      // its last Pod Identity entry, leaves it installed (`aws eks delete-addon` removes it). Installing it again then
      // fails on the existing add-on (EKS CreateAddon): CHECK is the mode for a cluster that has it.
      const addon = new eks.Addon(
        POD_IDENTITY_AGENT_ADDON,
        { clusterName, addonName: POD_IDENTITY_AGENT_ADDON },
        { retainOnDelete: true, ...opts },
      );
      return { clusterName: addon.clusterName, addon };
    }
    case "CHECK":
      return {
        clusterName: pulumi.output(
          eks.getAddon({ clusterName, addonName: POD_IDENTITY_AGENT_ADDON }).then(
            () => clusterName,
            (error: unknown) => {
              // The lookup's own reason, when it gives one (under Pulumi mocks an invoke's error has no message).
              const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
              // A lookup that failed for another reason than a missing add-on (access denied, throttling) says
              // nothing of the add-on: installing it would not help. terraform-provider-aws reports a missing one
              // as "couldn't find resource" (tfresource.NotFound).
              if (reason && !/couldn't find resource|ResourceNotFoundException|not found/i.test(reason)) {
                throw new Error(
                  `Could not check whether EKS cluster "${clusterName}" (config clusterName) has the ` +
                    `"${POD_IDENTITY_AGENT_ADDON}" add-on: ${reason}. The deploying credentials need ` +
                    `eks:DescribeAddon on the cluster; or, with the agent known to be there, set podIdentityAgent: ` +
                    `PodIdentityAgentMode.NONE in .projenrc.ts.`,
                );
              }
              throw new Error(
                `EKS cluster "${clusterName}" (config clusterName) has no "${POD_IDENTITY_AGENT_ADDON}" add-on, so pods ` +
                  `would get no Pod Identity credentials${reason ? ` (${reason})` : ""}. ` +
                  `Install it (aws eks create-addon --cluster-name ${clusterName} --addon-name ${POD_IDENTITY_AGENT_ADDON}), ` +
                  `or let this stack install it: podIdentityAgent: PodIdentityAgentMode.INSTALL in .projenrc.ts. ` +
                  `On EKS Auto Mode, or with the agent installed another way, set podIdentityAgent: PodIdentityAgentMode.NONE.`,
              );
            },
          ),
        ),
      };
    case "NONE":
      return { clusterName: pulumi.output(clusterName) };
  }
}
