import { formatTokens } from "./format";

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

// The viewer's own time zone, named, because members and instructors may live in different ones.
const classTimeFormat = new Intl.DateTimeFormat(undefined, {
  weekday: "short",
  month: "short",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
  timeZoneName: "short",
});

/** "Tue, Nov 24, 10:30 AM GMT+9". */
export function formatClassTime(date: Date): string {
  return classTimeFormat.format(date);
}

/** "45 min", "1 h", "1 h 30 min". */
export function formatClassDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** "10 tokens", or "Free". */
export function formatPrice(tokens: number): string {
  return tokens === 0 ? "Free" : formatTokens(tokens);
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "Starts in 2 days 3 h", "Starts in 2 h 05 min", "Starts in 4 min 09 s"; "Starting soon" once the time has come. */
export function formatCountdown(remainingMs: number): string {
  const total = Math.floor(remainingMs / 1000);
  if (total <= 0) return "Starting soon";
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (days > 0) return `Starts in ${days} ${days === 1 ? "day" : "days"} ${hours} h`;
  if (hours > 0) return `Starts in ${hours} h ${pad(minutes)} min`;
  if (minutes > 0) return `Starts in ${minutes} min ${pad(seconds)} s`;
  return `Starts in ${seconds} s`;
}

/** How long a replay stays open: "7 days", "5 hours", "less than an hour". */
export function formatReplayRemaining(remainingMs: number): string {
  if (remainingMs >= DAY_MS) {
    const days = Math.round(remainingMs / DAY_MS);
    return `${days} ${days === 1 ? "day" : "days"}`;
  }
  if (remainingMs >= HOUR_MS) {
    const hours = Math.floor(remainingMs / HOUR_MS);
    return `${hours} ${hours === 1 ? "hour" : "hours"}`;
  }
  return "less than an hour";
}
