export * from "./eks-irsa-project";
export * from "./options/addon-policy";
export * from "./options/eks-irsa-project-options";
export * from "./options/identity-type";
export * from "./options/oidc-provider-source";
export * from "./options/pod-identity-agent-mode";
export * from "./options/policy-statement";
export * from "./options/service-account-options";
