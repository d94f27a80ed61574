/**
 * Pulumi mocks that also record every resource registration, including its dependencies.
 * MockMonitor hands `newResource` only the inputs; dependsOn (and implicit dependencies) travel in the
 * RegisterResourceRequest, so we wrap the mock monitor's registerResource to see them.
 */
import * as pulumi from "@pulumi/pulumi";
import { settings } from "../src/settings";
import type { StackSettings } from "../src/settings-types";

export const ACCOUNT_ID = "123456789012";
export const ISSUER = "oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
/** The mocks' IAM OIDC provider (of issuer ISSUER) in a partition and account. */
export const oidcProviderArnIn = (partition: string, accountId: string): string =>
  `arn:${partition}:iam::${accountId}:oidc-provider/${ISSUER}`;
export const OIDC_PROVIDER_ARN = oidcProviderArnIn("aws", ACCOUNT_ID);
const TEST_STACK_REFERENCE = "acme/eks-cluster/test";

/**
 * Stack config that satisfies every identity type and OIDC provider source, so a test of the
 * program keeps passing when `.projenrc.ts` switches between them.
 */
export const TEST_STACK_CONFIG: Record<string, string> = {
  oidcProviderArn: OIDC_PROVIDER_ARN,
  clusterName: "test-cluster",
  oidcProviderStackReference: TEST_STACK_REFERENCE,
  kubeconfig: "apiVersion: v1\nkind: Config",
};

export interface Registration {
  type: string;
  name: string;
  urn: string;
  custom: boolean;
  parent: string;
  /** Provider reference "<provider urn>::<id>", empty for default providers. */
  provider: string;
  /** Deserialized inputs; provider inputs arrive JSON-encoded (booleans as "true"). */
  inputs: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** URNs of every direct dependency: dependsOn plus those implied by input outputs. */
  dependencies: string[];
  /** The state the mocks returned for it (a role's `arn` and `name`). */
  outputs: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Resource options the engine acts on at delete time. */
  retainOnDelete: boolean;
  deletedWith: string;
  /** Resource options the engine acts on when it diffs: what forces a replacement, and in which order. */
  replaceOnChanges: string[];
  deleteBeforeReplace: boolean;
  /** The names of the resource's renaming aliases (alias specs with a name). */
  aliasNames: string[];
  /** Every alias, as the engine gets it: a URN, or a spec whose unset parts are the resource's own. */
  aliases: Alias[];
  /** A read of an existing resource (`Resource.get`): its ID. */
  readId?: string;
}

/** A Pulumi alias as registered: `urn`, or the parts of a spec (an empty part is the resource's own). */
export interface Alias {
  urn?: string;
  name?: string;
  type?: string;
  stack?: string;
  project?: string;
  parentUrn?: string;
  noParent?: boolean;
}

/** The client IDs of an IAM OIDC provider set up for the roles of `stackSettings`: STS's, and every audience they trust. */
export function clientIdsFor(stackSettings: Pick<StackSettings, "serviceAccounts">): string[] {
  return [...new Set(["sts.amazonaws.com", ...stackSettings.serviceAccounts.map((sa) => sa.audience)])];
}

export interface MockOptions {
  project?: string;
  /** Outputs of referenced stacks, by stack name (pulumi.StackReference). */
  stackOutputs?: Record<string, Record<string, unknown>>;
  /** OIDC issuer URL returned by aws:eks/getCluster. */
  clusterIssuer?: string;
  /** The stack the program runs as. */
  stack?: string;
  /**
   * Client IDs of the IAM OIDC provider (aws:iam/getOpenIdConnectProvider); `null`: no such provider.
   * @default - sts.amazonaws.com and every audience of the stack's settings: a provider set up for its roles
   */
  oidcProviderClientIds?: string[] | null;
  /** Client IDs of particular providers, by ARN, over `oidcProviderClientIds` (several clusters' providers). */
  oidcProviderClientIdsByArn?: Record<string, string[]>;
  /** The cluster has the eks-pod-identity-agent add-on (aws:eks/getAddon). */
  podIdentityAgentAddon?: boolean;
  /** The partition aws:index/getPartition returns (the AWS provider's, from aws:region). */
  partition?: string;
  /** The caller's account (aws:index/getCallerIdentity), where the stack's roles and policies are made. */
  accountId?: string;
  /** The region aws:index/getRegion returns, and that of the EKS ARNs made here (the AWS provider's aws:region). */
  region?: string;
}

/** The protobuf RegisterResourceRequest members we read (the SDK types the monitor as a gRPC client). */
interface RegisterResourceRequest {
  getType(): string;
  getName(): string;
  getParent(): string;
  getCustom(): boolean;
  getProvider(): string;
  getObject(): Parameters<typeof pulumi.runtime.deserializeProperties>[0];
  getDependenciesList(): string[];
  getRetainondelete(): boolean;
  getDeletedwith(): string;
  getReplaceonchangesList(): string[];
  getDeletebeforereplace(): boolean;
  getAliasesList(): AliasMessage[];
}
/** The protobuf Alias members we read. */
interface AliasMessage {
  hasUrn(): boolean;
  getUrn(): string;
  hasSpec(): boolean;
  getSpec():
    | {
        getName(): string;
        getType(): string;
        getStack(): string;
        getProject(): string;
        getParenturn(): string;
        getNoparent(): boolean;
      }
    | undefined;
}

function aliasOf(message: AliasMessage): Alias {
  if (message.hasUrn()) return { urn: message.getUrn() };
  const spec = message.getSpec()!;
  const parts: Alias = {
    name: spec.getName(),
    type: spec.getType(),
    stack: spec.getStack(),
    project: spec.getProject(),
    parentUrn: spec.getParenturn(),
    noParent: spec.getNoparent(),
  };
  // Unset protobuf strings arrive as "", unset booleans as false: keep only what the alias sets.
  return Object.fromEntries(Object.entries(parts).filter(([, value]) => value !== "" && value !== false));
}
/** The protobuf ReadResourceRequest members we read. */
interface ReadResourceRequest {
  getType(): string;
  getName(): string;
  getId(): string;
  getParent(): string;
  getProvider(): string;
  getProperties(): Parameters<typeof pulumi.runtime.deserializeProperties>[0];
  getDependenciesList(): string[];
}
type Struct = Parameters<typeof pulumi.runtime.deserializeProperties>[0];
type RegisterCallback = (err: unknown, response?: { getUrn(): string; getObject(): Struct }) => void;
type ReadCallback = (err: unknown, response?: { getUrn(): string; getProperties(): Struct }) => void;
interface MockMonitorLike {
  registerResource(req: RegisterResourceRequest, callback: RegisterCallback): unknown;
  readResource(req: ReadResourceRequest, callback: ReadCallback): unknown;
  invoke(req: unknown, callback: (err: unknown, response?: unknown) => void): unknown;
}

let recorded: Registration[] = [];
let mocked: Required<Pick<MockOptions, "accountId" | "partition" | "region">> = {
  accountId: ACCOUNT_ID,
  partition: "aws",
  region: "us-east-1",
};

/** Where the mocks of the last `startMocks` put the stack: the caller's account, its partition and region. */
export function mockedAccount(): Readonly<typeof mocked> {
  return mocked;
}
const inflight = new Set<Promise<void>>();

/**
 * The account of an explicit AWS provider (`allowedAccountIds`, of which the test gives one), else the mocks' caller:
 * a role registered through a provider of another account gets an ARN in that account.
 */
function accountOf(providerReference: string | undefined, caller: string): string {
  const urn = providerReference?.split("::").slice(0, -1).join("::");
  const provider = urn ? recorded.find((r) => r.urn === urn) : undefined;
  const allowed = provider?.inputs.allowedAccountIds;
  const accounts: string[] = typeof allowed === "string" ? JSON.parse(allowed) : (allowed ?? []);
  return accounts.length === 1 ? accounts[0] : caller;
}

function mocks(options: MockOptions): pulumi.runtime.Mocks {
  const { accountId: account, partition, region } = mocked;
  return {
    newResource(args) {
      const state: Record<string, unknown> = { ...args.inputs };
      if (args.type === "kubernetes:core/v1:ServiceAccount" && args.id) {
        // A read of an existing account (ServiceAccount.get).
        const [namespace, name] = args.id.split("/");
        state.metadata = { name, namespace };
      }
      if (args.type === "aws:iam/role:Role") {
        // A read (Role.get) is by the role's name.
        const name = args.inputs.name ?? (args.id || args.name);
        state.name = name;
        state.arn = `arn:${partition}:iam::${accountOf(args.provider, account)}:role${args.inputs.path ?? "/"}${name}`;
      } else if (args.type === "aws:eks/podIdentityAssociation:PodIdentityAssociation") {
        const { clusterName, namespace, serviceAccount } = args.inputs;
        state.associationArn = `arn:${partition}:eks:${region}:${account}:podidentityassociation/${clusterName}/a-${namespace}-${serviceAccount}`;
        // What EKS sets as sts:ExternalId on the target role's AssumeRole (EKS User Guide, pod-id-assign-target-role).
        state.externalId = `${region}/${account}/${clusterName}/${namespace}/${serviceAccount}`;
      } else if (args.type === "aws:iam/policy:Policy") {
        const name = args.inputs.name ?? args.name;
        state.name = name;
        state.arn = `arn:${partition}:iam::${account}:policy${args.inputs.path ?? "/"}${name}`;
      } else if (args.type === "pulumi:pulumi:StackReference") {
        const stackOutputs = options.stackOutputs ?? { [TEST_STACK_REFERENCE]: { oidcProviderArn: OIDC_PROVIDER_ARN } };
        state.outputs = stackOutputs[args.inputs.name] ?? {};
        state.secretOutputNames = [];
      }
      return { id: args.id || `${args.name}-id`, state };
    },
    call(args) {
      switch (args.token) {
        case "aws:index/getCallerIdentity:getCallerIdentity":
          return {
            accountId: account,
            arn: `arn:${partition}:iam::${account}:user/test`,
            userId: "AIDATEST",
            id: account,
          };
        case "aws:index/getRegion:getRegion":
          return { region, name: region, id: region, description: `the mocks' region ${region}` };
        case "aws:index/getPartition:getPartition":
          return {
            partition,
            dnsSuffix: "amazonaws.com",
            reverseDnsPrefix: "com.amazonaws",
            id: partition,
          };
        case "aws:iam/getOpenIdConnectProvider:getOpenIdConnectProvider":
          // Exactly one of arn or url (terraform-provider-aws, iam/openid_connect_provider_data_source.go: ExactlyOneOf).
          if (!args.inputs.arn && !args.inputs.url) {
            throw new Error("aws:iam/getOpenIdConnectProvider: one of arn or url is required");
          }
          // No such provider, or one of another account, which the caller's credentials cannot read.
          if (options.oidcProviderClientIds === null || !String(args.inputs.arn).includes(`::${account}:`)) {
            throw new Error(`reading IAM OIDC Provider (${args.inputs.arn}): couldn't find resource`);
          }
          return {
            arn: args.inputs.arn,
            url: String(args.inputs.arn).split(":oidc-provider/")[1],
            clientIdLists:
              options.oidcProviderClientIdsByArn?.[args.inputs.arn] ??
              options.oidcProviderClientIds ??
              clientIdsFor(settings),
            thumbprintLists: [],
            tags: {},
            id: args.inputs.arn,
          };
        case "aws:eks/getAddon:getAddon":
          // Both arguments are required (@pulumi/aws eks/getAddon GetAddonArgs).
          if (!args.inputs.clusterName || !args.inputs.addonName) {
            throw new Error("aws:eks/getAddon: clusterName and addonName are required");
          }
          if (options.podIdentityAgentAddon === false) {
            throw new Error(
              `reading EKS Add-On (${args.inputs.clusterName}:${args.inputs.addonName}): couldn't find resource`,
            );
          }
          return {
            ...args.inputs,
            addonVersion: "v1.3.0-eksbuild.1",
            id: `${args.inputs.clusterName}:${args.inputs.addonName}`,
          };
        case "aws:eks/getCluster:getCluster":
          // `name` is the lookup's one required argument (@pulumi/aws eks/getCluster GetClusterArgs).
          if (!args.inputs.name) throw new Error("aws:eks/getCluster: name is required");
          return {
            name: args.inputs.name,
            arn: `arn:${partition}:eks:${region}:${account}:cluster/${args.inputs.name}`,
            identities: [{ oidcs: [{ issuer: options.clusterIssuer ?? `https://${ISSUER}` }] }],
          };
        default:
          // An unmocked invoke would otherwise resolve to {} and hide mistakes.
          throw new Error(`Unmocked invoke ${args.token}(${JSON.stringify(args.inputs)})`);
      }
    },
  };
}

/**
 * Installs fresh mocks with the given stack config (`<key>` -> `<project>:<key>`) and starts recording.
 * Load program modules that create resources at import time only after this resolves.
 */
export async function startMocks(config: Record<string, string>, options: MockOptions = {}): Promise<void> {
  const project = options.project ?? settings.projectName;
  recorded = [];
  mocked = {
    accountId: options.accountId ?? ACCOUNT_ID,
    partition: options.partition ?? "aws",
    region: options.region ?? "us-east-1",
  };
  pulumi.runtime.setAllConfig(Object.fromEntries(Object.entries(config).map(([k, v]) => [`${project}:${k}`, v])));
  await pulumi.runtime.setMocks(mocks(options), project, options.stack ?? settings.firstStackName, false);

  // setMocks installs a new MockMonitor in the runtime store; every registration calls
  // getMonitor().registerResource(req, callback), so patching this instance sees them all.
  const monitor = pulumi.runtime.getMonitor() as unknown as MockMonitorLike | undefined;
  if (!monitor) throw new Error("pulumi.runtime.getMonitor() returned nothing after setMocks");
  const original = monitor.registerResource.bind(monitor);
  monitor.registerResource = (req, callback) => {
    const done = new Promise<void>((resolve) => {
      void original(req, (err, response) => {
        if (!err && response) {
          recorded.push({
            type: req.getType(),
            name: req.getName(),
            urn: response.getUrn(),
            custom: req.getCustom(),
            parent: req.getParent(),
            provider: req.getProvider(),
            inputs: pulumi.runtime.deserializeProperties(req.getObject()),
            dependencies: req.getDependenciesList(),
            outputs: pulumi.runtime.deserializeProperties(response.getObject()),
            retainOnDelete: req.getRetainondelete(),
            deletedWith: req.getDeletedwith(),
            replaceOnChanges: req.getReplaceonchangesList(),
            deleteBeforeReplace: req.getDeletebeforereplace(),
            // Aliases that rename; the Kubernetes SDK adds type aliases (older API versions) without a name.
            aliasNames: req
              .getAliasesList()
              .flatMap((alias) => (alias.hasSpec() && alias.getSpec()!.getName() ? [alias.getSpec()!.getName()] : [])),
            aliases: req.getAliasesList().map(aliasOf),
          });
        }
        resolve();
        callback(err, response);
      });
    });
    inflight.add(done);
    void done.finally(() => inflight.delete(done));
  };
  const originalRead = monitor.readResource.bind(monitor);
  monitor.readResource = (req, callback) => {
    const done = new Promise<void>((resolve) => {
      void originalRead(req, (err, response) => {
        if (!err && response) {
          recorded.push({
            type: req.getType(),
            name: req.getName(),
            urn: response.getUrn(),
            custom: true,
            parent: req.getParent(),
            provider: req.getProvider(),
            inputs: pulumi.runtime.deserializeProperties(req.getProperties()),
            dependencies: req.getDependenciesList(),
            outputs: pulumi.runtime.deserializeProperties(response.getProperties()),
            retainOnDelete: false,
            deletedWith: "",
            replaceOnChanges: [],
            deleteBeforeReplace: false,
            aliasNames: [],
            aliases: [],
            readId: req.getId(),
          });
        }
        resolve();
        callback(err, response);
      });
    });
    inflight.add(done);
    void done.finally(() => inflight.delete(done));
  };
  // Invokes (lookups such as the OIDC provider's) are awaited by settled() too: one still running when a test file
  // ends would finish after jest tore its environment down.
  const originalInvoke = monitor.invoke.bind(monitor);
  monitor.invoke = (req, callback) => {
    const done = new Promise<void>((resolve) => {
      void originalInvoke(req, (err, response) => {
        resolve();
        callback(err, response);
      });
    });
    inflight.add(done);
    void done.finally(() => inflight.delete(done));
  };
}

/**
 * Resolves with an output's value, or rejects with its error (apply alone would never run on failure).
 * Uses the SDK-internal Output.promise(), which is what the SDK itself awaits.
 */
export function promiseOf<T>(output: pulumi.Output<T>): Promise<T> {
  const internal = output as unknown as {
    isKnown: Promise<boolean>;
    isSecret: Promise<boolean>;
    promise(): Promise<T>;
  };
  // A failed output also rejects its isKnown/isSecret promises. Under the engine the language host
  // reports those; under jest nothing awaits them and Node would kill the worker on the unhandled rejection.
  internal.isKnown.catch(() => undefined);
  internal.isSecret.catch(() => undefined);
  return internal.promise();
}

/** Waits until no registration is in flight for a few event-loop turns (registrations start after their inputs resolve). */
export async function settled(): Promise<void> {
  let quietTurns = 0;
  while (quietTurns < 5) {
    if (inflight.size > 0) {
      quietTurns = 0;
      await Promise.all(inflight);
    } else {
      quietTurns++;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}

export function registrations(): Registration[] {
  return [...recorded];
}

export function findRegistrations(filter: { type?: string; name?: string }): Registration[] {
  return recorded.filter(
    (r) =>
      (filter.type === undefined || r.type === filter.type) && (filter.name === undefined || r.name === filter.name),
  );
}

/** Exactly one registration of that type and name, or a failure listing what was registered. */
export function registration(type: string, name: string): Registration {
  const found = findRegistrations({ type, name });
  if (found.length !== 1) {
    throw new Error(
      `Expected 1 ${type} named ${name}, found ${found.length}. Registered: ${recorded.map((r) => `${r.type}:${r.name}`).join(", ")}`,
    );
  }
  return found[0];
}

/**
 * How long after the program settled a resource's URN may take to resolve. When an input of a resource fails (a throw
 * inside an apply), the SDK never registers it and its URN never resolves: the test fails after this, not jest's timeout.
 */
const UNREGISTERED_AFTER_MS = 2_000;

/** The registration of a resource once its URN resolved (the recorder runs before the URN resolves). */
export async function registrationOf(resource: pulumi.Resource): Promise<Registration> {
  let timer: NodeJS.Timeout | undefined;
  const neverRegistered = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`A resource was never registered: one of its inputs failed (see the errors reported).`)),
      UNREGISTERED_AFTER_MS,
    );
  });
  const urn = await Promise.race([promiseOf(resource.urn), neverRegistered]).finally(() => clearTimeout(timer));
  const found = recorded.find((r) => r.urn === urn);
  if (!found) throw new Error(`No registration recorded for ${urn}`);
  return found;
}

/** Resolves dependency URNs to registrations; fails on a URN that was never registered. */
export function dependenciesOf(reg: Registration): Registration[] {
  return reg.dependencies.map((urn) => {
    const found = recorded.find((r) => r.urn === urn);
    if (!found) throw new Error(`${reg.urn} depends on unregistered ${urn}`);
    return found;
  });
}
