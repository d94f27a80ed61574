import type { EksIrsaProjectOptions } from "../eks-irsa-project-options";
import type { ServiceAccountOptions } from "../service-account-options";
import type { ServiceAccountSettings, StackSettings } from "../stack-settings";

/** What every rule sees: the options as written and as resolved. */
export interface ValidationContext {
  readonly options: EksIrsaProjectOptions;
  readonly settings: StackSettings;
  /** The option path of a field of the index-th service account, as the user wrote it. */
  readonly pathOf: (index: number, field: string) => string;
}

/** One resolved service account, and how to name its fields as the user wrote them. */
export interface ServiceAccountContext extends ValidationContext {
  readonly serviceAccount: ServiceAccountSettings;
  /** The entry of `serviceAccounts` as written; undefined for the example service account. */
  readonly given?: ServiceAccountOptions;
  /** The option path of one of its fields, e.g. `serviceAccounts[2].roleName`, or `serviceAccountName`. */
  readonly path: (field: string) => string;
}

/** A check of the whole options: one sentence per problem (option, value, rule, fix). */
export type ProjectRule = (context: ValidationContext) => string[];

/** A check of one service account. */
export type ServiceAccountRule = (context: ServiceAccountContext) => string[];

/** A value as it appears in messages. */
export function quote(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}
