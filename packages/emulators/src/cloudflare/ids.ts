import { randomBytes } from "node:crypto";

export function randomHex(bytes = 16): string {
  return randomBytes(bytes).toString("hex");
}

const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

/** Cloudflare customer codes are 16 lowercase alphanumerics. */
export function randomCustomerCode(): string {
  return Array.from(randomBytes(16), (byte) => alphabet[byte % alphabet.length]).join("");
}

/** Microseconds since the epoch of an RFC 3339 timestamp, keeping sub-millisecond digits. */
export function toMicros(iso: string): number {
  const match = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:?\d\d)?$/.exec(iso);
  if (!match) return Number.NaN;
  const seconds = Date.parse(`${match[1]}${match[3] ?? "Z"}`);
  const fraction = (match[2] ?? "").padEnd(6, "0").slice(0, 6);
  return seconds * 1000 + Number(fraction);
}

export type Clock = {
  now: () => Date;
  /**
   * RFC 3339 with microseconds, strictly increasing: list cursors (`before`/`after` = the last
   * item's `created`) must never tie, even for videos created in the same millisecond.
   */
  stamp: () => string;
};

export function createClock(now: () => Date = () => new Date()): Clock {
  let last = 0;
  return {
    now,
    stamp() {
      const micros = Math.max(now().getTime() * 1000, last + 1);
      last = micros;
      const whole = new Date(Math.floor(micros / 1000)).toISOString().slice(0, 19);
      return `${whole}.${String(micros % 1_000_000).padStart(6, "0")}Z`;
    },
  };
}
