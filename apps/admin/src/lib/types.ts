import type { AdminRouter } from "@marquee/api";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";

type Inputs = inferRouterInputs<AdminRouter>;
type Outputs = inferRouterOutputs<AdminRouter>;

export type Me = NonNullable<Outputs["me"]>;
export type Membership = Me["memberships"][number];
export type TenantRow = Outputs["tenants"]["list"][number];
export type MemberRow = Outputs["members"]["list"][number];
export type CloudflareSettings = Outputs["settings"]["cloudflare"]["get"];
export type CloudflareSaveInput = Inputs["settings"]["cloudflare"]["save"];
