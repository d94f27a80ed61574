/** What `npx projen plan` and `npx projen can-i` share (stack/test/offline-program.ts): how they read their input. */

/** What stack/test/offline-program.ts exports, loaded by path (see ./can-i-command.ts for why). */
interface OfflineProgram {
  failureMessage(error: unknown): string;
  stackNameFrom(args: string[], defaultStack: string | undefined, task: string): string;
  offlineAccount(config: Record<string, string>, region?: string): { accountId?: string; partition?: string };
  offlineMocks(
    config: Record<string, string>,
    stack: string,
    region?: string,
  ): { stackOutputs?: Record<string, Record<string, unknown>>; partition?: string };
  offlineConfig(fromFile: {
    values: Record<string, string>;
    encrypted: string[];
    unqualified: string[];
    region?: string;
  }): Record<string, string>;
}
const { failureMessage, stackNameFrom, offlineAccount, offlineMocks, offlineConfig } =
  jest.requireActual<OfflineProgram>("../../stack/test/offline-program");

test("a failure says the program's own message, without the SDK's prefix per input it passed through", () => {
  const config = 'Invalid oidcProviderArn: "x" is in partition aws-cn, but this stack deploys to partition aws';
  const nested = new Error(
    `error serializing property "policyArn": error serializing property "assumeRolePolicy": ${config}`,
  );
  expect(failureMessage(nested)).toBe(config);
  // Only a leading prefix: the same words inside the message stay.
  expect(failureMessage('no error serializing property "x": here')).toBe('no error serializing property "x": here');
});

test.each([
  [["--stack", "prod"], "prod"],
  [["-s", "acme/prod"], "prod"],
  [["--stack=acme/orders/prod"], "prod"],
  [[], "dev"],
])("%j names stack %s (a fully qualified name's last part, as Pulumi.<stack>.yaml)", (args, stack) => {
  expect(stackNameFrom(args, "dev", "plan")).toBe(stack);
});

test("the account of the stack file's OIDC provider, the partition of its region", () => {
  const arn = "arn:aws-us-gov:iam::111122223333:oidc-provider/oidc.eks.us-gov-west-1.amazonaws.com/id/X";
  expect(offlineAccount({ oidcProviderArn: arn }, "us-gov-west-1")).toMatchObject({
    accountId: "111122223333",
    partition: "aws-us-gov",
  });
  expect(offlineAccount({ oidcProviderArn: "not an arn" })).toMatchObject({
    accountId: "123456789012",
    partition: "aws",
  });
});

test("another stack's output (STACK_REFERENCE), under the name the config gives: the mocks' provider, in the region's partition", () => {
  const mocks = offlineMocks(
    { oidcProviderStackReference: "acme/eks/prod", oidcProviderOutputName: "issuerArn" },
    "dev",
    "cn-north-1",
  );
  expect(mocks.partition).toBe("aws-cn");
  expect(mocks.stackOutputs).toEqual({
    "acme/eks/prod": { issuerArn: expect.stringMatching(/^arn:aws-cn:iam::123456789012:oidc-provider\//) },
  });
});

test("placeholders of keys a stack file leaves unset are in the partition of its region", () => {
  const config = offlineConfig({ values: {}, encrypted: [], unqualified: [], region: "us-gov-east-1" });
  expect(config.oidcProviderArn).toMatch(/^arn:aws-us-gov:iam::123456789012:oidc-provider\//);
  const set = "arn:aws-us-gov:iam::111122223333:oidc-provider/oidc.eks.us-gov-east-1.amazonaws.com/id/X";
  expect(offlineConfig({ values: { oidcProviderArn: set }, encrypted: [], unqualified: [] }).oidcProviderArn).toBe(set);
});
