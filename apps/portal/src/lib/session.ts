import type { MemberRole } from "@marquee/ui";
import { trpc } from "./trpc";

const STAFF_ROLES: readonly MemberRole[] = ["owner", "admin", "instructor"];

/** The signed-in user (or null) and their organizations; shared by every page through the cache. */
export function useMe() {
  return trpc.auth.me.useQuery(undefined, { staleTime: 60_000 });
}

export function canOpenConsole(me: { user: { isPlatformAdmin: boolean }; memberships: { role: MemberRole }[] }) {
  return me.user.isPlatformAdmin || me.memberships.some((membership) => STAFF_ROLES.includes(membership.role));
}

/**
 * What a visitor may see of an organization (its profile, which videos are locked, playback,
 * their plan, tokens and classes) depends on who they are: reload it after signing in or out and after joining.
 */
export function invalidateViewerData(utils: ReturnType<typeof trpc.useUtils>) {
  return Promise.all([
    utils.tenant.invalidate(),
    utils.videos.invalidate(),
    utils.playback.invalidate(),
    utils.billing.overview.invalidate(),
    utils.wallet.invalidate(),
    utils.live.invalidate(),
  ]);
}
