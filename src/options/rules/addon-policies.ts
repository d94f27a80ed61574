import type { ServiceAccountRule } from "./rule";
import { validateAddonPolicies } from "../addon-policy-validation";

/** The add-on policies of an entry and their scoping options (the rules live in addon-policy-validation.ts). */
export const addonPolicies: ServiceAccountRule = ({ serviceAccount, path }) =>
  validateAddonPolicies(serviceAccount, path);
