import { useEffect, useState } from "react";

const SECOND_MS = 1000;
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/**
 * Milliseconds until `target`, re-rendering when a countdown's text would change: every
 * second in the last hour, every minute before, and no more once the time has passed.
 */
export function useTimeUntil(target: Date): number {
  const at = target.getTime();
  const [now, setNow] = useState(() => Date.now());
  const remaining = at - now;

  useEffect(() => {
    if (remaining <= 0) return;
    const step = remaining <= HOUR_MS ? SECOND_MS : MINUTE_MS;
    // Wake just past the next boundary, so the text flips on time rather than up to a step late.
    const delay = (remaining % step || step) + 20;
    const timer = setTimeout(() => setNow(Date.now()), delay);
    return () => clearTimeout(timer);
  }, [remaining]);

  return remaining;
}

/** The current time, refreshed every `intervalMs`. */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
