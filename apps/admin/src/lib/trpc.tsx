import type { AdminRouter } from "@marquee/api";
import { createQueryClient } from "@marquee/ui/trpc";
import { QueryClientProvider, useQueryClient } from "@tanstack/react-query";
import { httpBatchLink } from "@trpc/client";
import { createTRPCReact, getQueryKey } from "@trpc/react-query";
import { type ReactNode, useState } from "react";
import superjson from "superjson";

export const trpc = createTRPCReact<AdminRouter>();

function createClient(tenantSlug: string | null) {
  return trpc.createClient({
    links: [
      httpBatchLink({
        url: "/trpc/admin",
        transformer: superjson,
        headers: () => (tenantSlug ? { "x-tenant": tenantSlug } : {}),
      }),
    ],
  });
}

function Providers({
  client,
  queryClient,
  children,
}: {
  client: ReturnType<typeof createClient>;
  queryClient: ReturnType<typeof createQueryClient>;
  children: ReactNode;
}) {
  return (
    <trpc.Provider client={client} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </trpc.Provider>
  );
}

/** The console-wide client: `me`, auth and platform procedures, which need no organization. */
export function TRPCProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(() => {
    // A revoked or expired session surfaces as UNAUTHORIZED anywhere; re-asking `me` lets the guard redirect.
    const client = createQueryClient({
      onUnauthorized: () => void client.invalidateQueries({ queryKey: getQueryKey(trpc.me) }),
    });
    return client;
  });
  const [client] = useState(() => createClient(null));
  return (
    <Providers client={client} queryClient={queryClient}>
      {children}
    </Providers>
  );
}

/**
 * Tenant-scoped procedures read the organization from `x-tenant`. Each organization gets its
 * own client and cache (mount with `key={tenantSlug}`): query keys do not include the header,
 * so a shared cache would show one organization's rows under another's name after a switch.
 */
export function TenantTRPCProvider({ tenantSlug, children }: { tenantSlug: string; children: ReactNode }) {
  const rootQueryClient = useQueryClient();
  const [queryClient] = useState(() =>
    createQueryClient({
      onUnauthorized: () => void rootQueryClient.invalidateQueries({ queryKey: getQueryKey(trpc.me) }),
    }),
  );
  const [client] = useState(() => createClient(tenantSlug));
  return (
    <Providers client={client} queryClient={queryClient}>
      {children}
    </Providers>
  );
}
