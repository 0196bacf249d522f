import type { PortalRouter } from "@marquee/api";
import { createQueryClient } from "@marquee/ui/trpc";
import { QueryClientProvider } from "@tanstack/react-query";
import { httpBatchLink } from "@trpc/client";
import { createTRPCReact, getQueryKey } from "@trpc/react-query";
import { type ReactNode, useState } from "react";
import superjson from "superjson";

export const trpc = createTRPCReact<PortalRouter>();

export function TRPCProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(() => {
    // A revoked or expired session surfaces as UNAUTHORIZED anywhere; re-asking `me` updates every page.
    const client = createQueryClient({
      onUnauthorized: () => void client.invalidateQueries({ queryKey: getQueryKey(trpc.auth.me) }),
    });
    return client;
  });
  const [client] = useState(() =>
    trpc.createClient({ links: [httpBatchLink({ url: "/trpc/portal", transformer: superjson })] }),
  );
  return (
    <trpc.Provider client={client} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </trpc.Provider>
  );
}
