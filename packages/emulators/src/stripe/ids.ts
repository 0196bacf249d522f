import { randomBytes } from "node:crypto";

const alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

export function randomAlnum(length: number): string {
  return Array.from(randomBytes(length), (byte) => alphabet[byte % alphabet.length]).join("");
}

/** Stripe's id lengths after the prefix, roughly as the real ones. */
const lengths: Record<string, number> = { prod: 14, cus: 14, si: 14, acct: 16, req: 14, cs_test: 58 };

export function newId(prefix: string): string {
  return `${prefix}_${randomAlnum(lengths[prefix] ?? 24)}`;
}

export type Clock = {
  now: () => Date;
  /** Unix seconds of `now()`: every timestamp in Stripe's objects. */
  unix: () => number;
};

/** The emulator's time: the base clock plus what `clock.advance` added (kept in the state, so it survives restarts). */
export function createClock(base: () => Date, offset: () => number): Clock {
  const now = () => new Date(base().getTime() + offset() * 1000);
  return { now, unix: () => Math.floor(now().getTime() / 1000) };
}
