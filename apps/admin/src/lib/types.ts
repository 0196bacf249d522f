import type { AdminRouter } from "@marquee/api";
import type { inferRouterOutputs } from "@trpc/server";

type Outputs = inferRouterOutputs<AdminRouter>;

export type Me = NonNullable<Outputs["me"]>;
export type Membership = Me["memberships"][number];
export type TenantRow = Outputs["tenants"]["list"][number];
export type MemberRow = Outputs["members"]["list"][number];
