import { resolve } from "node:path";
import { E2E_PORT } from "./server";

export const DEMO_PASSWORD = "marquee-demo";

/** Seeded by the server in embedded mode (and with SEED_DEMO=true). */
export const DEMO_ACCOUNTS = {
  platformAdmin: { email: "platform@marquee.local", name: "Pat Platform" },
  tenantAdmin: { email: "admin@demo-dojo.local", name: "Ada Admin" },
  member: { email: "mia@demo-dojo.local", name: "Mia Member" },
} as const;

export type DemoRole = keyof typeof DEMO_ACCOUNTS;

/**
 * Signed-in browser state per role, written once per run by auth.setup.ts. Playwright empties
 * test-results/ when a run starts, so no state outlives the server whose sessions it holds; the
 * port keeps runs against different servers (E2E_PORT) from signing each other out.
 */
export function storageStatePath(role: DemoRole): string {
  return resolve("test-results", ".auth", String(E2E_PORT), `${role}.json`);
}

/** A person nobody has used yet, so tests never depend on each other's data. */
export function newPerson(label: string) {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return {
    id,
    firstName: label,
    name: `${label} Tester ${id}`,
    email: `${label.toLowerCase()}-${id}@e2e.marquee.local`,
    password: `pw-${id}-long-enough`,
  };
}
