// Submodules, not the whole @pulumi/kubernetes: its index costs a test file 0.1-0.2 s more.
import type * as appsv1 from "@pulumi/kubernetes/apps/v1";
import type * as pulumi from "@pulumi/pulumi";
import { arnParts } from "./arn-tokens";
import { type HasPodCredentials, podTemplateAnnotations } from "./pod-template";
import { roleNameOfArn } from "./trust-policy";

export interface ExampleDeploymentArgs {
  serviceAccountName: pulumi.Input<string>;
  namespace: pulumi.Input<string>;
  /** The service account's name, as the app.kubernetes.io/instance label. */
  instance: string;
  /** Must contain the AWS CLI and a POSIX shell: the pod runs `aws sts get-caller-identity` and checks the role. */
  image: string;
  replicas: number;
  identity: HasPodCredentials;
}

/** A non-root user and group of no image in particular. */
const NON_ROOT_ID = 65532;

/** The variables that name the role whose session the pod must get, and its account. */
export const EXPECTED_ROLE_VARIABLE = "EXPECTED_ROLE";
export const EXPECTED_ACCOUNT_VARIABLE = "EXPECTED_ACCOUNT";

/**
 * What the container runs: prints the identity the pod's credentials give, then stays up if it is a session of the
 * expected role of the expected account (`arn:<partition>:sts::<account>:assumed-role/<role name>/<session>`), and
 * fails otherwise. A pod
 * that missed its credentials (created before the webhook or EKS saw the binding, which they learn eventually, or
 * running as the node's role) then crash-loops, its Deployment never becomes available, and `pulumi up` fails on it
 * (pulumi-kubernetes awaits a Deployment's rollout) instead of reporting success.
 */
export const IDENTITY_CHECK_SCRIPT = [
  'arn="$(aws sts get-caller-identity --query Arn --output text)" || exit 1',
  'echo "$arn"',
  `case "$arn" in *":\${${EXPECTED_ACCOUNT_VARIABLE}}:assumed-role/\${${EXPECTED_ROLE_VARIABLE}}/"*) exec sleep infinity ;; esac`,
  `echo "expected a session of role \${${EXPECTED_ROLE_VARIABLE}} of account \${${EXPECTED_ACCOUNT_VARIABLE}}: ` +
    `this pod did not get the role's credentials" >&2`,
  "exit 1",
].join("\n");

/**
 * A Deployment that logs the identity its pods assumed and checks it is the role's (or its target role's), then
 * stays up to be inspected. It meets the
 * "restricted" Pod Security Standard (non-root, no privilege escalation, every capability dropped, seccomp
 * RuntimeDefault) and declares requests and limits.
 */
export function exampleDeploymentSpec(args: ExampleDeploymentArgs): appsv1.DeploymentArgs {
  const sessionRole = args.identity.podCredentialInputs.apply((inputs) => inputs.targetRoleArn ?? inputs.roleArn);
  const labels = { "app.kubernetes.io/name": "identity-check", "app.kubernetes.io/instance": args.instance };
  return {
    metadata: { name: `${args.instance}-identity-check`, namespace: args.namespace, labels },
    spec: {
      replicas: args.replicas,
      selector: { matchLabels: labels },
      template: {
        // A new role, audience or association changes the template, so the pods roll and get new credentials.
        metadata: { labels, annotations: podTemplateAnnotations(args.identity) },
        spec: {
          serviceAccountName: args.serviceAccountName,
          // The webhook and EKS project their own token; the Kubernetes API token is not needed.
          automountServiceAccountToken: false,
          securityContext: {
            runAsNonRoot: true,
            runAsUser: NON_ROOT_ID,
            runAsGroup: NON_ROOT_ID,
            // A non-root user reads the projected web identity token through fsGroup
            // (aws/amazon-eks-pod-identity-webhook README, "Usage with non-root container user").
            fsGroup: NON_ROOT_ID,
            seccompProfile: { type: "RuntimeDefault" },
          },
          containers: [
            {
              name: "identity-check",
              image: args.image,
              command: ["/bin/sh", "-c"],
              args: [IDENTITY_CHECK_SCRIPT],
              env: [
                // The CLI writes its cache under HOME: a writable scratch folder on a read-only root.
                { name: "HOME", value: "/tmp" },
                // A pod chained to a target role (Pod Identity) gets a session of that role.
                {
                  name: EXPECTED_ROLE_VARIABLE,
                  value: sessionRole.apply(roleNameOfArn),
                },
                { name: EXPECTED_ACCOUNT_VARIABLE, value: sessionRole.apply((arn) => arnParts(arn).accountId) },
              ],
              securityContext: {
                allowPrivilegeEscalation: false,
                capabilities: { drop: ["ALL"] },
                readOnlyRootFilesystem: true,
                runAsNonRoot: true,
              },
              resources: {
                requests: { cpu: "10m", memory: "64Mi" },
                limits: { cpu: "200m", memory: "128Mi" },
              },
              volumeMounts: [{ name: "tmp", mountPath: "/tmp" }],
            },
          ],
          volumes: [{ name: "tmp", emptyDir: { sizeLimit: "16Mi" } }],
        },
      },
    },
  };
}
