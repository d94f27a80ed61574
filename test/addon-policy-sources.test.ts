import { createHash } from "crypto";
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { AddonPolicy } from "../src";
import { ADDON_POLICY_RULES, addonDocumentsOf, managedPolicyArnsOf } from "../src/options/addon-policy-rules";
import type { ServiceAccountSettings } from "../src/options/stack-settings";
import { ADDON_POLICIES, addonManagedPolicyArns, addonPolicyDocument } from "../stack/src/addon-policies";
import { MANAGED_POLICIES, PUBLISHED_DOCUMENTS, type PublishedDocument } from "../stack/src/addon-policy-sources";
import type { AddonScopeSettings } from "../stack/src/settings-types";
import type { PolicyStatement } from "../stack/src/trust-policy";

const DATA_DIR = join(__dirname, "..", "stack", "src", "addon-policies");
const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");
const asList = (value: string | string[] | undefined): string[] => [value ?? []].flat();
const documents: PublishedDocument[] = Object.values(PUBLISHED_DOCUMENTS);

/** Every scoping option set, so that every add-on yields its whole document. */
const FULL_SCOPE: AddonScopeSettings = {
  addonClusterName: "orders",
  route53HostedZoneArns: ["arn:${partition}:route53:::hostedzone/Z0123456789"],
  s3BucketArns: ["arn:${partition}:s3:::orders-data"],
  kmsKeyArns: ["arn:${partition}:kms:eu-west-1:${accountId}:key/1234abcd"],
  secretsManagerSecretArns: ["arn:${partition}:secretsmanager:*:${accountId}:secret:orders/*"],
  ssmParameterArns: ["arn:${partition}:ssm:*:${accountId}:parameter/orders/*"],
  sqsQueueArns: ["arn:${partition}:sqs:eu-west-1:${accountId}:orders-nth"],
};

describe("published add-on policies", () => {
  test("every data file is a recorded published document, and every recorded document has its file", () => {
    expect(readdirSync(DATA_DIR).sort()).toEqual(documents.map((d) => d.file).sort());
  });

  // The recorded source snapshot: the stored text is the published text (the lines at the source's permalink),
  // so any edit to a data file fails here until the source record says where the new text was published.
  test.each(documents.map((d) => [d.file, d] as const))(
    "%s is the text published at its recorded source and version",
    (file, document) => {
      const stored = readFileSync(join(DATA_DIR, file), "utf-8");
      const asPublished = document.correction
        ? stored.replace(document.correction.stored, document.correction.published)
        : stored;
      expect(document.source.url).toMatch(/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+\/blob\/[0-9a-f]{40}\//);
      // The digest is of the lines at the permalink: a file that is not the document itself is cited by its lines.
      expect(document.source.url).toMatch(/\/[\w.-]+(\.json|\.\w+#L\d+-L\d+)$/);
      expect(document.source.version).not.toBe("");
      expect(sha256(asPublished)).toBe(document.sha256);
      // A correction of the published text says why it was needed.
      if (document.correction) expect(document.correction.reason).toMatch(/\w{3,}/);
      expect(JSON.parse(stored)).toEqual(document.content);
    },
  );

  test("every managed policy is an AWS managed policy with a recorded source", () => {
    for (const policy of Object.values(MANAGED_POLICIES)) {
      expect(policy.arn).toMatch(/^arn:\$\{partition\}:iam::aws:policy\/[\w/-]+$/);
      // A permalink to the line that names the policy, or the AWS documentation page.
      expect(policy.source.url).toMatch(
        /^https:\/\/github\.com\/[\w.-]+\/[\w.-]+\/blob\/[0-9a-f]{40}\/[\w./-]+\.\w+#L\d+$|^https:\/\/docs\.aws\.amazon\.com\/[\w./-]+\.html$/,
      );
      expect(policy.source.version).not.toBe("");
    }
  });

  test("every AddonPolicy has a published policy: managed, a document, or both", () => {
    expect(Object.keys(ADDON_POLICIES).sort()).toEqual(Object.values(AddonPolicy).sort());
    for (const addon of Object.values(AddonPolicy)) {
      const document = addonPolicyDocument(addon, FULL_SCOPE);
      expect({ addon, policies: addonManagedPolicyArns(addon).length + (document ? 1 : 0) }).not.toEqual({
        addon,
        policies: 0,
      });
    }
  });

  const grantsEverything = (s: PolicyStatement): boolean =>
    s.Effect === "Allow" && asList(s.Action).includes("*") && asList(s.Resource).includes("*");

  test.each(Object.values(AddonPolicy))("%s grants no * on *, as published and as scoped", (addon) => {
    const published = documents.flatMap((d) => {
      const content = d.content as { Statement?: PolicyStatement[] };
      return content.Statement ?? [content as unknown as PolicyStatement];
    });
    expect(published.filter(grantsEverything)).toEqual([]);
    expect((addonPolicyDocument(addon, FULL_SCOPE)?.Statement ?? []).filter(grantsEverything)).toEqual([]);
  });

  // The project type refuses at synth what the stack would refuse at run time: both read the same rule.
  test.each(Object.values(AddonPolicy))("%s needs the same scoping options at synth and at run time", (addon) => {
    const { required } = ADDON_POLICY_RULES[addon];
    const withoutRequired = Object.fromEntries(
      Object.entries(FULL_SCOPE).filter(([option]) => !required.includes(option as never)),
    );
    if (required.length === 0) {
      expect(() => addonPolicyDocument(addon, {})).not.toThrow();
    } else {
      expect(() => addonPolicyDocument(addon, withoutRequired)).toThrow(`${addon} needs ${required.join(" or ")}`);
      for (const option of required) {
        expect(() => addonPolicyDocument(addon, { ...withoutRequired, [option]: FULL_SCOPE[option] })).not.toThrow();
      }
    }
  });

  // The README's diagram is drawn from the project type's rules; the stack's readme-diagram test checks it too.
  test.each(Object.values(AddonPolicy))("%s: the project type knows the policies the stack creates", (addon) => {
    const [firstRequired] = ADDON_POLICY_RULES[addon].required;
    const minimal: AddonScopeSettings = firstRequired ? { [firstRequired]: FULL_SCOPE[firstRequired] } : {};
    for (const scope of [minimal, FULL_SCOPE]) {
      const sa = {
        addonPolicies: [addon],
        addonScope: scope,
        managedPolicyArns: [],
      } as unknown as ServiceAccountSettings;
      expect(addonDocumentsOf(sa)).toEqual(addonPolicyDocument(addon, scope) ? [addon] : []);
      expect(managedPolicyArnsOf(sa)).toEqual(addonManagedPolicyArns(addon));
    }
  });
});
