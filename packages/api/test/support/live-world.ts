import { creditTokens } from "../../src/services/billing/wallet";
import {
  addMember,
  adminCaller,
  connectedTenant,
  createMember,
  createUser,
  portalCaller,
  testDb,
} from "../../src/testing";

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** A tenant on the Cloudflare emulator, its owner, an instructor, and a clock tests can move. */
export async function liveWorld() {
  const t = await connectedTenant();
  let offset = 0;
  const now = () => new Date(Date.now() + offset);
  const advance = (ms: number) => {
    offset += ms;
  };
  const instructor = await createUser();
  await addMember(t.tenantId, instructor.id, "instructor");
  const admin = (await adminCaller({ userId: t.user.id, tenantSlug: t.tenant.slug, now })).caller;
  const teacher = (await adminCaller({ userId: instructor.id, tenantSlug: t.tenant.slug, now })).caller;
  const member = async (tokens: number) => {
    const { user } = await createMember("member", t.tenantId);
    if (tokens > 0) {
      await creditTokens(await testDb(), { tenantId: t.tenantId, userId: user.id, amount: tokens, reason: "grant" });
    }
    const { caller } = await portalCaller({ userId: user.id, tenantSlug: t.tenant.slug, now });
    return { user, caller };
  };
  const schedule = (caller: typeof teacher, fields: { price?: number; keep?: boolean; inHours?: number } = {}) =>
    caller.live.create({
      title: `Randori ${crypto.randomUUID().slice(0, 6)}`,
      description: "Free practice",
      scheduledStart: new Date(now().getTime() + (fields.inHours ?? 1) * HOUR),
      durationMinutes: 60,
      priceTokens: fields.price ?? 10,
      keepRecording: fields.keep ?? true,
    });
  const jobDeps = () => ({ ...t.deps, now });
  return { ...t, now, advance, instructor, admin, teacher, member, schedule, jobDeps };
}

export type LiveWorld = Awaited<ReturnType<typeof liveWorld>>;
