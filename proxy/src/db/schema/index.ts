export * from "./api-tokens";
export * from "./tenants";
