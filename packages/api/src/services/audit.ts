import { auditLog, type DbOrTx } from "@marquee/db";

export type AuditEntry = {
  tenantId: string | null;
  actorUserId: string;
  action: string;
  targetType: string;
  targetId: string;
  data?: Record<string, unknown>;
};

export async function recordAudit(db: DbOrTx, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({ ...entry, data: entry.data ?? {} });
}
