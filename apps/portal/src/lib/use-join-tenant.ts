import { toast } from "@marquee/ui";
import { errorMessage } from "@marquee/ui/trpc";
import { invalidateViewerData } from "./session";
import { trpc } from "./trpc";
import type { PublicTenant } from "./types";

/** Joins the organization, then reloads what membership changes: the profile, `me`, videos and playback. */
export function useJoinTenant(tenant: PublicTenant) {
  const utils = trpc.useUtils();
  return trpc.tenant.join.useMutation({
    onSuccess: async ({ role }) => {
      utils.tenant.bySlug.setData({ slug: tenant.slug }, (current) =>
        current ? { ...current, viewerRole: role } : current,
      );
      toast.success(`Welcome to ${tenant.name}!`);
      await Promise.all([utils.auth.me.invalidate(), invalidateViewerData(utils)]);
    },
    onError: (error) => toast.error(errorMessage(error)),
  });
}
