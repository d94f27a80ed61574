/**
 * Whether a policy statement allows or denies its actions.
 */
export enum PolicyEffect {
  /** Allow the actions on the resources. */
  ALLOW = "Allow",
  /** Deny the actions on the resources, overriding any allow. */
  DENY = "Deny",
}

/**
 * A condition of an IAM policy statement, as in `aws.iam.getPolicyDocument`.
 */
export interface PolicyConditionOptions {
  /**
   * The condition operator, for example `StringEquals` or `ArnLike`.
   */
  readonly test: string;

  /**
   * The context key, for example `aws:SourceVpce`.
   */
  readonly variable: string;

  /**
   * The values the context key is compared with.
   */
  readonly values: string[];
}

/**
 * One statement of the inline policy (`aws.iam.RolePolicy`) of a service account's role.
 *
 * `resources` and managed policy ARNs may use the tokens `${partition}` and `${accountId}`:
 * the generated stack fills them in from the OIDC provider ARN (IRSA) or the caller's account
 * (Pod Identity), so one declaration works in `aws`, `aws-cn` and `aws-us-gov`.
 */
export interface PolicyStatementOptions {
  /**
   * The statement id.
   * @default - none
   */
  readonly sid?: string;

  /**
   * Allow or deny.
   * @default PolicyEffect.ALLOW
   */
  readonly effect?: PolicyEffect;

  /**
   * The actions, each `service:Action` (wildcards allowed in the action part, for example `s3:Get*`).
   * An allow of `*` on `*` is refused.
   */
  readonly actions: string[];

  /**
   * The resource ARNs the actions apply to.
   */
  readonly resources: string[];

  /**
   * Conditions under which the statement applies.
   * @default - none
   */
  readonly conditions?: PolicyConditionOptions[];
}
