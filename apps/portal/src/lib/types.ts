import type { PortalRouter } from "@marquee/api";
import type { inferRouterOutputs } from "@trpc/server";

type Outputs = inferRouterOutputs<PortalRouter>;

/** A signed-in viewer, as `auth.me` returns it. */
export type Me = NonNullable<Outputs["auth"]["me"]>;
export type PublicTenant = Outputs["tenant"]["bySlug"];
