/**
 * README.md's access matrix is rendered from the settings at synth; this checks it against the access model of
 * what the program registers, evaluated by the same IAM engine: the same rows, verdicts, policies and statements,
 * and every service account it says may assume a role really may.
 */
import { readFileSync } from "fs";
// Submodules, not the whole @pulumi/kubernetes: its index costs a test file 0.1-0.2 s more.
import { Provider } from "@pulumi/kubernetes/provider";
import { accessModel, checkTrust, clusterOf, sessionRoleOf } from "./access";
import { type MatrixRow, matrixRows } from "./access-matrix";
import { ACCOUNT_ID, settled, startMocks, TEST_STACK_CONFIG } from "./pulumi-mocks";
import { README_FILE } from "./stack-files";
import { podIdentitySession, webIdentityToken, type WorkloadAccess } from "../src/access-model";
import { addonInlinePolicyName, identityKey } from "../src/resource-names";
import { settings } from "../src/settings";

interface ReadmeAccess {
  sentence: string;
  /** The `<namespace>/<name>` accounts of the "may be assumed by" sentence. */
  assumableBy: string[];
  /** Table rows, cells without their Markdown backticks. */
  rows: string[][];
  /** The add-ons whose inline policies the table leaves out ("Not in this table: the add-on policies ..."). */
  addons: string[];
}

/** The README's access sections by service account, `${partition}`/`${accountId}` resolved as the mocks do. */
function readmeAccess(): Map<string, ReadmeAccess> {
  const readme = readFileSync(README_FILE, "utf-8")
    .replace(/\$\{partition\}/g, "aws")
    .replace(/\$\{accountId\}/g, ACCOUNT_ID);
  const sections = new Map<string, ReadmeAccess>();
  for (const section of readme.split(/^### Access of /m).slice(1)) {
    const key = /^`([^`]+)`/.exec(section)?.[1] ?? "";
    const body = section.split(/^#/m)[0];
    const sentence = /^The role may be assumed by (.*)$/m.exec(body)?.[1] ?? "";
    // `<namespace>/<name>` spans only: no ARN (a colon), before the IRSA audience.
    const assumableBy = sentence.split(" with audience ")[0].match(/`[^`/:]+\/[^`/:]+`/g) ?? [];
    const rows = body
      .split("\n")
      .filter((line) => line.startsWith("|"))
      .slice(2)
      .map((line) =>
        line
          .slice(1, -1)
          .split(" | ")
          .map((cell) => cell.trim().replace(/`/g, "")),
      );
    const addons = (/the add-on policies ((`[A-Z0-9_]+`(, )?)+) \(/.exec(body)?.[1] ?? "").match(/[A-Z0-9_]+/g) ?? [];
    sections.set(key, { sentence, assumableBy: assumableBy.map((a) => a.replace(/`/g, "")), rows, addons });
  }
  return sections;
}

/**
 * The IAM names of the inline policies the program gives the entry's add-ons (`addonInlinePolicyName`, the one rule
 * of those names). The README's rows come from the settings at synth, where an add-on's document is not yet scoped
 * (the stack's add-on code scopes it at run time): it names those policies' add-ons instead, and `npx projen plan`
 * shows their rows.
 */
function addonPolicyNames(key: string): Set<string> {
  const entry = settings.serviceAccounts.find((sa) => identityKey(sa) === key);
  return new Set((entry?.addonPolicies ?? []).map(addonInlinePolicyName));
}

/**
 * Session tags that only a deploy knows (the cluster's, the pod's): the README, rendered at synth, says "unknown"
 * where a verdict depends on them (eks-irsa-template's src/rendering/access-matrix.ts, the same rule), and
 * `npx projen plan` gives the verdict for the stack's cluster.
 */
const DEPLOY_TIME_TAGS =
  /aws:PrincipalTag\/(eks-cluster-arn|eks-cluster-name|kubernetes-pod-name|kubernetes-pod-uid)\b/;

function modelRows(workload: WorkloadAccess): string[][] {
  const addonPolicies = addonPolicyNames(workload.key);
  const names = (s: unknown) => DEPLOY_TIME_TAGS.test(JSON.stringify(s));
  const documents = (sessionRoleOf(workload)?.policies ?? []).flatMap((p) => (p.document ? [p.document] : []));
  const denyNamesOne = documents.some((d) => d.Statement.some((s) => s.Effect === "Deny" && names(s)));
  const statementOf = (r: MatrixRow) => {
    const document = sessionRoleOf(workload)?.policies.find((p) => p.name === r.policy)?.document;
    const index = /^#(\d+)$/.exec(r.statement)?.[1];
    const sid = /^Sid (.+)$/.exec(r.statement)?.[1];
    return document?.Statement.find((s, i) => (sid ? s.Sid === sid : i + 1 === Number(index)));
  };
  return matrixRows(workload)
    .filter((r) => !(r.kind === "inline" && addonPolicies.has(r.policy)))
    .map((r) => [
      r.verdict !== "unknown" && (denyNamesOne || names(statementOf(r))) ? "unknown" : r.verdict,
      r.action,
      r.resource,
      r.kind === "inline" ? "inline" : r.policy,
      r.statement === "-" ? "not evaluated: document not in this stack" : r.statement,
    ]);
}

describe("README.md's access matrix", () => {
  let model: WorkloadAccess[];
  beforeAll(async () => {
    await startMocks(TEST_STACK_CONFIG);
    // Loaded after setMocks, as program modules must be.
    const { declareWorkloadIdentities } = await import("../src/workload-identities");
    declareWorkloadIdentities({
      provider: new Provider("eks", { enableServerSideApply: true }),
      stackSettings: settings,
    });
    await settled();
    model = accessModel(clusterOf());
  });

  /**
   * The first credential path of each entry of the settings: the one its pods use first (IRSA), whose role the
   * README shows. Accounts sharing an entry's role (`additionalServiceAccounts`) have no section of their own.
   */
  const firstPaths = () => {
    const entries = new Set(settings.serviceAccounts.map(identityKey));
    return model.filter((w, i) => entries.has(w.key) && model.findIndex((x) => x.key === w.key) === i);
  };

  test("has a section for exactly the entries the program has a role for, naming the others bound to it", () => {
    const readme = readmeAccess();
    expect([...readme.keys()].sort()).toEqual(
      firstPaths()
        .map((w) => w.key)
        .sort(),
    );
    const entries = firstPaths();
    for (const other of model.filter((w) => !readme.has(w.key))) {
      const entry = entries.find((e) => e.role.arn === other.role.arn);
      expect({ key: other.key, namedBy: entry && readme.get(entry.key)?.assumableBy }).toEqual({
        key: other.key,
        namedBy: expect.arrayContaining([other.key]),
      });
    }
  });

  test("lists the rows the engine gives for the program's policies, verdicts included", () => {
    const readme = readmeAccess();
    for (const workload of firstPaths()) {
      expect({ key: workload.key, rows: readme.get(workload.key)?.rows }).toEqual({
        key: workload.key,
        rows: modelRows(workload),
      });
    }
  });

  test("names the add-ons whose inline policies the program gives the role and the rows leave out", () => {
    const readme = readmeAccess();
    for (const workload of firstPaths()) {
      const addonPolicies = addonPolicyNames(workload.key);
      const registered = matrixRows(workload)
        .filter((r) => r.kind === "inline" && addonPolicies.has(r.policy))
        .map((r) => r.policy);
      expect({ key: workload.key, addons: readme.get(workload.key)?.addons.map(addonInlinePolicyName) }).toEqual({
        key: workload.key,
        addons: [...new Set(registered)],
      });
    }
  });

  test("every service account it names as able to assume a role can, with its own credentials", () => {
    for (const [key, { sentence, assumableBy }] of readmeAccess()) {
      const [workload] = model.filter((w) => w.key === key);
      if (!workload.role.trustPolicy) {
        // An existing role: the README claims nobody, and says it cannot know.
        expect({ key, sentence, assumableBy }).toEqual({
          key,
          sentence: expect.stringContaining("unknown"),
          assumableBy: [],
        });
        continue;
      }
      expect(assumableBy).toContain(key);
      for (const account of assumableBy) {
        const [namespace, name] = account.split("/");
        const sessionTags =
          workload.credentials.kind === "POD_IDENTITY" && Object.keys(workload.credentials.sessionTags).length > 0;
        const credentials =
          workload.credentials.kind === "IRSA"
            ? { ...webIdentityToken(clusterOf(), { namespace, name }), audience: workload.credentials.audience }
            : podIdentitySession(clusterOf(), { namespace, name }, { sessionTags });
        // The role's own trust: a target role's (not in this stack) is beyond what the sentence claims.
        expect({ account, ...checkTrust({ ...workload, targetRole: undefined }, credentials) }).toEqual({
          account,
          allowed: true,
          explanation: expect.any(String),
        });
      }
    }
  });
});
