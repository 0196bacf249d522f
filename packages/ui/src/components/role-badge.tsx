import { Badge } from "./badge";

export type MemberRole = "owner" | "admin" | "instructor" | "member";

export const ROLE_LABELS: Record<MemberRole, string> = {
  owner: "Owner",
  admin: "Admin",
  instructor: "Instructor",
  member: "Member",
};

export const ROLE_DESCRIPTIONS: Record<MemberRole, string> = {
  owner: "Full control, including owners and billing",
  admin: "Manages members and content",
  instructor: "Teaches and runs classes",
  member: "Watches and takes part",
};

const tones = { owner: "primary", admin: "primary", instructor: "success", member: "neutral" } as const;

export function RoleBadge({ role }: { role: MemberRole }) {
  return <Badge tone={tones[role]}>{ROLE_LABELS[role]}</Badge>;
}
