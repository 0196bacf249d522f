export * from "./audit-log";
export * from "./memberships";
export * from "./rate-limits";
export * from "./relations";
export * from "./tenants";
export * from "./users";
