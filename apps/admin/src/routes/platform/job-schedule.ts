const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const pad = (value: number) => String(value).padStart(2, "0");

/** A time of day from an offset into the UTC day: "02:00". */
function clock(offsetMs: number): string {
  const within = ((offsetMs % DAY) + DAY) % DAY;
  return `${pad(Math.floor(within / HOUR))}:${pad(Math.floor((within % HOUR) / MINUTE))}`;
}

/** "every minute", "hourly", "daily at 02:00 UTC": slots are counted from midnight UTC. */
export function describeSchedule(everyMs: number, offsetMs: number): string {
  if (everyMs >= DAY && everyMs % DAY === 0) {
    const days = everyMs / DAY;
    return `${days === 1 ? "daily" : `every ${days} days`} at ${clock(offsetMs)} UTC`;
  }
  if (everyMs >= HOUR && everyMs % HOUR === 0) {
    const hours = everyMs / HOUR;
    const minute = Math.floor((offsetMs % HOUR) / MINUTE);
    const base = hours === 1 ? "hourly" : `every ${hours} hours`;
    return minute > 0 ? `${base} at :${pad(minute)}` : base;
  }
  if (everyMs >= MINUTE && everyMs % MINUTE === 0) {
    const minutes = everyMs / MINUTE;
    return minutes === 1 ? "every minute" : `every ${minutes} minutes`;
  }
  const seconds = Math.max(1, Math.round(everyMs / SECOND));
  return seconds === 1 ? "every second" : `every ${seconds} seconds`;
}

const decimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

/** "85 ms", "1.2 s", "3 min 5 s". */
export function formatRunDuration(ms: number): string {
  if (ms < SECOND) return `${Math.round(ms)} ms`;
  if (ms < MINUTE) return `${decimal.format(ms / SECOND)} s`;
  const minutes = Math.floor(ms / MINUTE);
  const seconds = Math.round((ms % MINUTE) / SECOND);
  return seconds > 0 ? `${minutes} min ${seconds} s` : `${minutes} min`;
}
