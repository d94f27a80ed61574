export * from "./eks-irsa-project";
export * from "./identity-type";
export * from "./oidc-provider-source";
export * from "./policy-statement";
export * from "./service-account-options";
