/**
 * `npx projen can-i` on the Pod Identity stack variant (test/stack-variants/pod-identity/, run in its jest project):
 * a target role whose policies the stack cannot know, an account with both credential paths, and the session of
 * another account, with session tags and without.
 */
import { canI } from "../can-i-command";

test("a target role's permissions: unknown, exit 2, the target role named", async () => {
  const run = await canI("shop/reports", "s3:GetObject", "arn:aws:s3:::orders-data/x");
  expect(run.code).toBe(2);
  expect(run.stdout).toMatch(
    /^unknown\n {2}unknown: the trust is not known \(permissions: its pods get the credentials of target role arn:aws:iam::222233334444:role\/orders-data, whose policies are not in this stack\)\n/,
  );
  expect(run.stdout).toContain("trust: Pod Identity session of shop/reports in cluster test-cluster");
});

test("IRSA and Pod Identity: yes, each credential path admitted by its own trust statement", async () => {
  const run = await canI("shop/orders-api", "dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:123456789012:table/orders");
  expect(run.code).toBe(0);
  const [verdict, reason, trust] = run.stdout.split("\n");
  expect([verdict, reason]).toEqual(["yes", "  allowed by workload, Sid ReadOrders"]);
  const [irsa, podIdentity] = trust.split(" | ");
  expect(irsa).toMatch(
    /^ {2}trust: token of .* sub system:serviceaccount:shop:orders-api: may assume role .*statement 1\)$/,
  );
  expect(podIdentity).toMatch(
    /^Pod Identity session of shop\/orders-api in cluster test-cluster .*: may assume role .*statement 2\)$/,
  );
});

test("--as another account of the namespace: no on both paths, exit 1", async () => {
  const run = await canI(
    "shop/orders-api",
    "dynamodb:GetItem",
    "arn:aws:dynamodb:us-east-1:123456789012:table/orders",
    "--as",
    "shop/reports",
  );
  expect(run.code).toBe(1);
  expect(run.stdout).toMatch(/^no\n {2}its credentials cannot assume the role\n/);
  expect(run.stdout).toContain("sub system:serviceaccount:shop:reports: may not assume role");
  expect(run.stdout).toContain(
    "Pod Identity session of shop/reports in cluster test-cluster (account 123456789012): may not assume role",
  );
});

test("--as another account: a tagged session is refused by its namespace and service account tags", async () => {
  const run = await canI(
    "kube-system/karpenter",
    "sqs:ReceiveMessage",
    "arn:aws:sqs:eu-west-1:123456789012:orders",
    "--as",
    "shop/reports",
  );
  expect(run.code).toBe(1);
  expect(run.stdout).toContain("StringEquals aws:RequestTag/kubernetes-namespace kube-system (not matched)");
  expect(run.stdout).toContain("StringEquals aws:RequestTag/kubernetes-service-account karpenter (not matched)");
});

test("--as another account: without session tags (disableSessionTags) any account's session gets in", async () => {
  const run = await canI("metrics/exporter", "aps:RemoteWrite", "--as", "shop/anything");
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/^yes\n {2}allowed by arn:aws:iam::aws:policy\/AmazonPrometheusRemoteWriteAccess, /);
  expect(run.stdout).toContain("trust: untagged Pod Identity session (disableSessionTags) from account 123456789012");
  expect(run.stdout).toContain(": may assume role orders-stack-exporter@metrics");
});

test("--json names the target role the pods end up with", async () => {
  const run = await canI("shop/reports", "s3:GetObject", "arn:aws:s3:::orders-data/x", "--json");
  expect(JSON.parse(run.stdout)).toMatchObject({
    role: "arn:aws:iam::123456789012:role/orders-stack-reports@shop",
    targetRole: "arn:aws:iam::222233334444:role/orders-data",
    verdict: "unknown",
  });
  const listed = JSON.parse((await canI("shop/reports", "--list", "--json")).stdout);
  expect(listed.workloads[0].targetRole).toBe("arn:aws:iam::222233334444:role/orders-data");
});

test("--list of an account with both credential paths: one section each, a blank line between", async () => {
  const sections = (await canI("shop/orders-api", "--list")).stdout.split("\n\n");
  expect(sections.map((section) => section.split("\n")[0])).toEqual([
    "shop/orders-api (annotation eks.amazonaws.com/role-arn) → role orders-stack-orders-api@shop",
    expect.stringMatching(
      /^shop\/orders-api \(PodIdentityAssociation shop\/orders-api .*\) → role orders-stack-orders-api@shop$/,
    ),
  ]);
});

test("--list of a target-role account: who may assume its role, and one unknown row for the target role", async () => {
  const run = await canI("shop/reports", "--list");
  expect(run.code).toBe(0);
  const lines = run.stdout.split("\n");
  expect(lines[0]).toBe(
    "shop/reports (PodIdentityAssociation shop/reports (cluster test-cluster)) → role orders-stack-reports@shop, " +
      "then target role arn:aws:iam::222233334444:role/orders-data",
  );
  expect(lines.filter((line) => line.startsWith("  assumable by pods.eks.amazonaws.com: "))).toEqual([
    expect.stringContaining("namespace shop, service account reports, "),
    expect.stringContaining("namespace shop, service account reports-backfill, "),
  ]);
  expect(lines.at(-1)).toMatch(/^ {2}unknown - on - {2}\(arn:aws:iam::222233334444:role\/orders-data, /);
});
