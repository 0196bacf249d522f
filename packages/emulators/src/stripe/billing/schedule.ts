import type { Emulator } from "../context.ts";
import { expireSession } from "./checkout.ts";
import { nextDue } from "./renewals.ts";

type Due = { at: number; run: () => void };

function earliestDue(emu: Emulator, until: number): Due | undefined {
  const sessions = emu.store.state.checkoutSessions.filter((session) => session.status === "open");
  const candidates = [
    ...emu.store.state.subscriptions.map((subscription) => nextDue(emu, subscription)),
    ...sessions.map((session) => ({
      at: session.expiresAt,
      run: () => expireSession(emu, session, { at: session.expiresAt }),
    })),
  ].filter((due): due is Due => due !== null && due.at <= until);
  return candidates.reduce<Due | undefined>(
    (earliest, due) => (earliest && earliest.at <= due.at ? earliest : due),
    undefined,
  );
}

/**
 * Runs everything due up to `until` in time order, each at its own moment (a year's advance renews a monthly
 * subscription twelve times, each invoice and event dated at its period boundary).
 */
export function runDue(emu: Emulator, until: number) {
  // Every step emits an event, and emitting marks the state for saving.
  for (let due = earliestDue(emu, until); due; due = earliestDue(emu, until)) due.run();
}
