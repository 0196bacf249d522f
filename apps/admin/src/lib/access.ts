import type { MemberRole } from "@marquee/ui";
import type { Me, Membership } from "./types";

const STAFF_ROLES: readonly MemberRole[] = ["owner", "admin", "instructor"];
const TENANT_ADMIN_ROLES: readonly MemberRole[] = ["owner", "admin"];

export function isStaffRole(role: MemberRole): boolean {
  return STAFF_ROLES.includes(role);
}

export function canManageMembers(role: MemberRole): boolean {
  return TENANT_ADMIN_ROLES.includes(role);
}

/** Settings hold the organization's provider credentials: owners and admins only, as on the server. */
export function canManageSettings(role: MemberRole): boolean {
  return TENANT_ADMIN_ROLES.includes(role);
}

/** Tiers, token packs and members' tokens are about money: owners and admins, as on the server. */
export function canManageBilling(role: MemberRole): boolean {
  return TENANT_ADMIN_ROLES.includes(role);
}

/** Audience and revenue figures: owners and admins, as on the server. */
export function canViewAnalytics(role: MemberRole): boolean {
  return TENANT_ADMIN_ROLES.includes(role);
}

/** Live classes' seats and attendance: instructors for the classes they teach, owners and admins for all. */
export function canViewClassAnalytics(role: MemberRole): boolean {
  return STAFF_ROLES.includes(role);
}

/** Every staff role uploads and edits videos; instructors teach with them. */
export function canManageVideos(role: MemberRole): boolean {
  return STAFF_ROLES.includes(role);
}

/** Live classes: instructors run their own, owners and admins every class (the server filters the list). */
export function canRunLiveClasses(role: MemberRole): boolean {
  return STAFF_ROLES.includes(role);
}

/** Owners and admins see and run every class, and choose who teaches; instructors only their own. */
export function canManageAllClasses(role: MemberRole): boolean {
  return TENANT_ADMIN_ROLES.includes(role);
}

/** The organizations this user helps run; plain memberships give no console access. */
export function staffMemberships(me: Me): Membership[] {
  return me.memberships.filter((membership) => isStaffRole(membership.role));
}

export function canEnterConsole(me: Me): boolean {
  return me.user.isPlatformAdmin || staffMemberships(me).length > 0;
}

/** The page an organization opens on: members for those who manage them, else its overview. */
export function tenantHomePath(membership: Membership): string {
  return canManageMembers(membership.role) ? `/t/${membership.slug}/members` : `/t/${membership.slug}`;
}
