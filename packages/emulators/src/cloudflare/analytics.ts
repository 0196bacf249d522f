import type { Emulator } from "./context.ts";

export type DeliveredMinutes = { uid: string; minutes: number };

/** The UTC calendar day of an instant, as GraphQL's `date` dimension has it. */
export const utcDay = (at: Date) => at.toISOString().slice(0, 10);

export function isDay(value: unknown): value is string {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && utcDay(new Date(time)) === value;
}

// Video uids are hex; anything starting with a letter or digit keeps the ledger's object keys safe.
const isUid = (value: string) => /^[0-9A-Za-z][\w-]{0,63}$/.test(value);

// Sums of many segment fractions drift in the last binary digits; a microminute is far below anything billed.
export const tidyMinutes = (minutes: number) => Math.round(minutes * 1e6) / 1e6;

/**
 * Adds minutes delivered for a video on the UTC day of `at` (the emulator clock by default), as Cloudflare counts
 * them for `streamMinutesViewedAdaptiveGroups`; returns that video's total for the day.
 */
export function recordDelivery(emu: Emulator, accountId: string, uid: string, minutes: number, at?: Date) {
  if (!isUid(uid)) throw new Error(`uid must be a video uid, not ${uid}`);
  if (!Number.isFinite(minutes) || minutes < 0) throw new Error(`minutes must be a number >= 0, not ${minutes}`);
  if (at && Number.isNaN(at.getTime())) throw new Error("at must be a valid date");
  const day = utcDay(at ?? emu.clock.now());
  const ledger = emu.store.state.minutesDelivered;
  const days = ledger[accountId] ?? {};
  const videos = days[day] ?? {};
  days[day] = videos;
  ledger[accountId] = days;
  const total = (videos[uid] ?? 0) + minutes;
  videos[uid] = total;
  emu.store.changed();
  return { day, uid, minutes: tidyMinutes(total) };
}

/** Every (day, uid) row of an account with its minutes, within `[from, to)` when given (days as `YYYY-MM-DD`). */
export function deliveryRows(emu: Emulator, accountId: string, range: { from?: string; to?: string } = {}) {
  const rows: (DeliveredMinutes & { day: string })[] = [];
  for (const [day, videos] of Object.entries(emu.store.state.minutesDelivered[accountId] ?? {})) {
    if ((range.from && day < range.from) || (range.to && day >= range.to)) continue;
    for (const [uid, minutes] of Object.entries(videos)) rows.push({ day, uid, minutes });
  }
  return rows;
}

/** One day's minutes per video (today on the emulator clock by default), sorted by uid. */
export function minutesDelivered(emu: Emulator, accountId: string, day?: string): DeliveredMinutes[] {
  if (day !== undefined && !isDay(day)) throw new Error(`day must be YYYY-MM-DD, not ${day}`);
  return Object.entries(emu.store.state.minutesDelivered[accountId]?.[day ?? utcDay(emu.clock.now())] ?? {})
    .map(([uid, minutes]) => ({ uid, minutes: tidyMinutes(minutes) }))
    .sort((a, b) => (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0));
}
