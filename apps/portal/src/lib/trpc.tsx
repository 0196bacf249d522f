import type { PortalRouter } from "@marquee/api";
import { createQueryClient } from "@marquee/ui/trpc";
import { QueryClientProvider } from "@tanstack/react-query";
import { httpBatchLink, httpLink, type Operation, splitLink } from "@trpc/client";
import { createTRPCReact, getQueryKey } from "@trpc/react-query";
import { type ReactNode, useEffect, useState } from "react";
import superjson from "superjson";
import type { TenantRoute } from "./tenant-route";

export const trpc = createTRPCReact<PortalRouter>();

const url = "/trpc/portal";
/** Sent as the page closes: each goes alone, with keepalive (see `createClient`). */
const HEARTBEATS = new Set(["playback.heartbeat", "live.heartbeat"]);

/**
 * Tenant-scoped procedures (videos, playback, billing, wallet, live) read the organization from `x-tenant`: the one
 * an operation names in its context (`{ tenantSlug }`), else the one of the page on screen.
 */
function tenantHeader(ops: Operation[], route: TenantRoute): Record<string, string> {
  const named = ops.map((op) => op.context.tenantSlug).find((slug) => typeof slug === "string");
  const slug = typeof named === "string" ? named : route.slug();
  return slug ? { "x-tenant": slug } : {};
}

function createClient(route: TenantRoute) {
  return trpc.createClient({
    links: [
      splitLink({
        condition: (op) => HEARTBEATS.has(op.path),
        // One request per heartbeat, with keepalive: the last one must outlive a closing tab.
        true: httpLink({
          url,
          transformer: superjson,
          headers: ({ op }) => tenantHeader([op], route),
          fetch: (input, init) => fetch(input, { ...init, keepalive: true }),
        }),
        false: httpBatchLink({ url, transformer: superjson, headers: ({ opList }) => tenantHeader(opList, route) }),
      }),
    ],
  });
}

export function TRPCProvider({ tenantRoute, children }: { tenantRoute: TenantRoute; children: ReactNode }) {
  const [queryClient] = useState(() => {
    // A revoked or expired session surfaces as UNAUTHORIZED anywhere; re-asking `me` updates every page.
    const client = createQueryClient({
      onUnauthorized: () => void client.invalidateQueries({ queryKey: getQueryKey(trpc.auth.me) }),
    });
    return client;
  });
  const [client] = useState(() => createClient(tenantRoute));

  useEffect(() => {
    let current = tenantRoute.slug();
    return tenantRoute.subscribe((slug) => {
      if (!slug || slug === current) return;
      current = slug;
      // Query keys do not include the header: one organization's videos or plans must never show under another's.
      for (const scoped of [trpc.videos, trpc.playback, trpc.billing, trpc.wallet, trpc.live]) {
        queryClient.removeQueries({ queryKey: getQueryKey(scoped) });
      }
    });
  }, [tenantRoute, queryClient]);

  return (
    <trpc.Provider client={client} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </trpc.Provider>
  );
}
