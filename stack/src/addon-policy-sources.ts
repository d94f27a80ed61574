/**
 * The IAM policies that well-known add-ons publish, each with where and at which version it was published.
 * Documents are kept as the add-on's own text in addon-policies/*.json; AWS managed policies by ARN.
 */
import awsLoadBalancerController from "./addon-policies/aws-load-balancer-controller.json";
import certManager from "./addon-policies/cert-manager.json";
import clusterAutoscaler from "./addon-policies/cluster-autoscaler.json";
import ebsCsiDriverKms from "./addon-policies/ebs-csi-driver-kms.json";
import externalDns from "./addon-policies/external-dns.json";
import externalSecretsParameterStore from "./addon-policies/external-secrets-parameter-store.json";
import externalSecretsSecretsManager from "./addon-policies/external-secrets-secrets-manager.json";
import fsxLustreCsiDriver from "./addon-policies/fsx-lustre-csi-driver.json";
import karpenterController from "./addon-policies/karpenter-controller.json";
import karpenterInterruptionQueue from "./addon-policies/karpenter-interruption-queue.json";
import mountpointS3CsiDriver from "./addon-policies/mountpoint-s3-csi-driver.json";
import nodeTerminationHandler from "./addon-policies/node-termination-handler.json";
import velero from "./addon-policies/velero.json";

/** Where a policy is published: a permalink (commit and lines) and the release it belongs to. */
export interface PolicySource {
  url: string;
  /** The add-on's release tag, or the docs site's commit when it has no releases. */
  version: string;
}

/** A published policy document (or statement), stored as `addon-policies/<file>`. */
export interface PublishedDocument {
  file: string;
  source: PolicySource;
  /** SHA-256 of the published text (the lines at `source.url`), which the stored file must reproduce. */
  sha256: string;
  /** A fix the published text needed to be JSON: the stored file has `stored` where the source has `published`. */
  correction?: { published: string; stored: string; reason: string };
  /** The parsed document (a stack's copy also holds projen's "//" marker key). */
  content: unknown;
}

/** An AWS managed policy the add-on's documentation attaches; `${partition}` is filled in at run time. */
export interface ManagedPolicy {
  arn: string;
  source: PolicySource;
}

const github = (repo: string, commit: string, path: string, lines?: string): string =>
  `https://github.com/${repo}/blob/${commit}/${path}${lines ? `#${lines}` : ""}`;
const EKS_USER_GUIDE = (path: string, lines: string): PolicySource => ({
  url: github("awsdocs/amazon-eks-user-guide", "4d52b4d05e3478582e7d10a73cbd9ba9194dd5f7", `latest/ug/${path}`, lines),
  version: "Amazon EKS User Guide @4d52b4d",
});

export const PUBLISHED_DOCUMENTS = {
  awsLoadBalancerController: {
    file: "aws-load-balancer-controller.json",
    source: {
      url: github(
        "kubernetes-sigs/aws-load-balancer-controller",
        "11eb202c97e4ae2ee45e0658c4cde9a4b59f33d4",
        "docs/install/iam_policy.json",
      ),
      version: "v3.5.0",
    },
    sha256: "16f232c9d9f79366fe949c4550ad517a202380058a9e48d45a4e215044a20a6a",
    content: awsLoadBalancerController,
  },
  externalDns: {
    file: "external-dns.json",
    source: {
      url: github(
        "kubernetes-sigs/external-dns",
        "994f908d4abdfe5fbf38f2f61613ed570432e43a",
        "docs/tutorials/aws.md",
        "L13-L37",
      ),
      version: "v0.22.0",
    },
    sha256: "4099d5b5de92fb34079fa63f3dc5dba2b70b102fd50218ae57831d6c3ef7e05c",
    content: externalDns,
  },
  certManager: {
    file: "cert-manager.json",
    source: {
      url: github(
        "cert-manager/website",
        "776e5dba56510fc9de84206b806b568447077f25",
        "content/docs/configuration/acme/dns01/route53.md",
        "L24-L51",
      ),
      version: "cert-manager.io docs @776e5db",
    },
    sha256: "ee28f89e2ae58293b99b75a19d1b5d09b9f6c569c75b51abeb7bb0f72870f450",
    content: certManager,
  },
  clusterAutoscaler: {
    file: "cluster-autoscaler.json",
    source: {
      url: github(
        "kubernetes/autoscaler",
        "35e8a280425c76a4040f57ae0fa232a952c02024",
        "cluster-autoscaler/cloudprovider/aws/README.md",
        "L41-L68",
      ),
      version: "cluster-autoscaler-1.36.1",
    },
    sha256: "d394a3f6e8f327a043fb43616f940152fee106d9e4839ede027c360331623fa6",
    content: clusterAutoscaler,
  },
  karpenterController: {
    file: "karpenter-controller.json",
    source: {
      url: github(
        "aws/karpenter-provider-aws",
        "bde00654cd316fddb3dccfba3f5ac07039865429",
        "website/content/en/docs/getting-started/migrating-from-cas/scripts/step04-controller-iam.sh",
        "L26-L143",
      ),
      version: "v1.14.1",
    },
    sha256: "3850d4634eabaf93acd3f70e237487ef6156ffe7bf9e44ac5d099e4a2fd10d5c",
    content: karpenterController,
  },
  /**
   * The controller's interruption-queue statement, which the migration guide's policy above lacks: Karpenter's
   * getting-started CloudFormation grants it (its InterruptionPolicy) on the queue `settings.interruptionQueue` names.
   */
  karpenterInterruptionQueue: {
    file: "karpenter-interruption-queue.json",
    source: {
      url: github(
        "aws/karpenter-provider-aws",
        "bde00654cd316fddb3dccfba3f5ac07039865429",
        "website/content/en/docs/getting-started/getting-started-with-karpenter/cloudformation.yaml",
        "L285-L294",
      ),
      version: "v1.14.1",
    },
    sha256: "f7c181f5e3bc0095481be40d9a852d3809a61431716231f984969f9c7c173d33",
    content: karpenterInterruptionQueue,
  },
  ebsCsiDriverKms: {
    file: "ebs-csi-driver-kms.json",
    source: {
      url: github(
        "kubernetes-sigs/aws-ebs-csi-driver",
        "6689789f192f8941878801f2730ea972a1196047",
        "docs/install.md",
        "L74-L82",
      ),
      version: "v1.64.0",
    },
    sha256: "f5e28023f0403cde31d83ea7a0b396346a52efebb7f698228700ea4411b95f1f",
    content: ebsCsiDriverKms,
  },
  fsxLustreCsiDriver: {
    file: "fsx-lustre-csi-driver.json",
    source: {
      url: github(
        "kubernetes-sigs/aws-fsx-csi-driver",
        "0267bab6c628903ebe08d8eaedc444df1f3785d9",
        "docs/install.md",
        "L32-L69",
      ),
      version: "v1.9.0",
    },
    sha256: "5915e81e49cbeea9fc9e0f7ee3decfc0cf73c7e1c8ca72a162a42c1f93ab94e9",
    content: fsxLustreCsiDriver,
  },
  mountpointS3CsiDriver: {
    file: "mountpoint-s3-csi-driver.json",
    // The CSI driver's docs/CONFIGURATION.md (v2.7.0) recommends Mountpoint's own policy.
    source: {
      url: github(
        "awslabs/mountpoint-s3",
        "4f38ff8b6ef0bdee9cc6f9852a6cc8de0041439b",
        "doc/CONFIGURATION.md",
        "L63-L90",
      ),
      version: "mountpoint-s3-1.23.0",
    },
    sha256: "ae06fe4796d4f2ecaf50692932e549d198cebe79dfc0f334162d89a3ed702504",
    content: mountpointS3CsiDriver,
  },
  externalSecretsSecretsManager: {
    file: "external-secrets-secrets-manager.json",
    source: {
      url: github(
        "external-secrets/external-secrets",
        "378bdb622ed9712ef4a58370f6a17af033b7d343",
        "docs/provider/aws-secrets-manager.md",
        "L28-L52",
      ),
      version: "v2.9.0",
    },
    sha256: "d26f11695afb1ac17ba023a8270dfbb83ee5aadf88106d3bda9ea13a1117867c",
    content: externalSecretsSecretsManager,
  },
  externalSecretsParameterStore: {
    file: "external-secrets-parameter-store.json",
    source: {
      url: github(
        "external-secrets/external-secrets",
        "378bdb622ed9712ef4a58370f6a17af033b7d343",
        "docs/provider/aws-parameter-store.md",
        "L31-L42",
      ),
      version: "v2.9.0",
    },
    sha256: "b26bd1f2aef7d98b225c52e3d028520894fa481aeb67aa679fd7dddce0378dbe",
    correction: {
      published: '"ssm:GetParameter*",\n',
      stored: '"ssm:GetParameter*"\n',
      reason: "the published text has a trailing comma, which JSON does not allow",
    },
    content: externalSecretsParameterStore,
  },
  velero: {
    file: "velero.json",
    source: {
      url: github(
        "vmware-tanzu/velero-plugin-for-aws",
        "18469e7330ee47fbcefbf6ce4c0f68dfc273c5d5",
        "README.md",
        "L96-L135",
      ),
      version: "v1.13.2",
    },
    sha256: "25cbf9554bcae40108f928a65ea0677f0276789abc5e45c76e827df5cd4323d1",
    content: velero,
  },
  nodeTerminationHandler: {
    file: "node-termination-handler.json",
    source: {
      url: github(
        "aws/aws-node-termination-handler",
        "77ca841d1329504e981542775f78403feb114048",
        "README.md",
        "L480-L496",
      ),
      version: "v1.25.6",
    },
    sha256: "f8396b1c0819796c4a7a488703193f1a5d96a6c1bcd45470baee38ac635465ed",
    content: nodeTerminationHandler,
  },
} satisfies Record<string, PublishedDocument>;

export const MANAGED_POLICIES = {
  ebsCsiDriver: {
    // The driver's docs write service-role/AmazonEBSCSIDriverPolicyV2, but AWS publishes it at the root path.
    arn: "arn:${partition}:iam::aws:policy/AmazonEBSCSIDriverPolicyV2",
    source: {
      url: github(
        "kubernetes-sigs/aws-ebs-csi-driver",
        "6689789f192f8941878801f2730ea972a1196047",
        "docs/install.md",
        "L57",
      ),
      version: "v1.64.0",
    },
  },
  efsCsiDriver: {
    arn: "arn:${partition}:iam::aws:policy/service-role/AmazonEFSCSIDriverPolicy",
    source: EKS_USER_GUIDE("storage/efs-csi.adoc", "L72"),
  },
  vpcCni: {
    arn: "arn:${partition}:iam::aws:policy/AmazonEKS_CNI_Policy",
    source: EKS_USER_GUIDE("networking/eks-networking-add-ons.adoc", "L433"),
  },
  cloudWatchAgentServer: {
    arn: "arn:${partition}:iam::aws:policy/CloudWatchAgentServerPolicy",
    source: EKS_USER_GUIDE("workloads/eks-add-ons.adoc", "L519"),
  },
  xrayWriteOnly: {
    arn: "arn:${partition}:iam::aws:policy/AWSXrayWriteOnlyAccess",
    source: EKS_USER_GUIDE("workloads/eks-add-ons.adoc", "L518"),
  },
  prometheusRemoteWrite: {
    arn: "arn:${partition}:iam::aws:policy/AmazonPrometheusRemoteWriteAccess",
    source: {
      url: "https://docs.aws.amazon.com/prometheus/latest/userguide/set-up-irsa.html",
      version: "AWS managed policy v1 (edited 2020-12-19)",
    },
  },
} satisfies Record<string, ManagedPolicy>;
