import type { Price } from "../types.ts";

const day = 86_400;

/** `anchor` moved by `count` intervals; months clamp to the month's last day, as Stripe's billing cycles do. */
export function shift(anchor: number, recurring: NonNullable<Price["recurring"]>, count: number): number {
  const steps = recurring.intervalCount * count;
  if (recurring.interval === "day") return anchor + steps * day;
  if (recurring.interval === "week") return anchor + steps * 7 * day;
  const date = new Date(anchor * 1000);
  const months = recurring.interval === "year" ? steps * 12 : steps;
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1)).getTime();
  const targetDate = new Date(target);
  const lastDay = new Date(Date.UTC(targetDate.getUTCFullYear(), targetDate.getUTCMonth() + 1, 0)).getUTCDate();
  targetDate.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  targetDate.setUTCHours(date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds());
  return Math.floor(targetDate.getTime() / 1000);
}

/** The first cycle boundary after `after` for a subscription anchored at `anchor`. */
export function nextBoundary(anchor: number, recurring: NonNullable<Price["recurring"]>, after: number): number {
  let count = 1;
  while (shift(anchor, recurring, count) <= after) count += 1;
  return shift(anchor, recurring, count);
}

export const days = (count: number) => count * day;
