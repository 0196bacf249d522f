import { getTestCloudflare, paidTenant, testSecrets } from "@marquee/api/testing";
import { signPayload } from "@marquee/billing";
import { stripeConnections, webhookEvents } from "@marquee/db";
import { getTestDatabase } from "@marquee/db/testing";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import { createLogger } from "../src/logger";

let app: ReturnType<typeof createApp>;
let tenant: Awaited<ReturnType<typeof paidTenant>>;
let secret: string;

beforeAll(async () => {
  tenant = await paidTenant();
  const db = (await getTestDatabase()).db;
  const [row] = await db.select().from(stripeConnections).where(eq(stripeConnections.tenantId, tenant.tenant.id));
  secret = testSecrets.open(row?.webhookSecretSealed ?? "");
  app = createApp({
    database: await getTestDatabase(),
    logger: createLogger("silent"),
    publicUrl: "http://marquee.test",
    trustProxy: false,
    secrets: testSecrets,
    cloudflare: (await getTestCloudflare()).environment,
    billing: tenant.deps.billing,
  });
});

const event = (id: string) =>
  JSON.stringify({ id, object: "event", type: "product.created", data: { object: { id: "prod_1", metadata: {} } } });

function post(path: string, body: string, signature: string | null) {
  return app.request(path, {
    method: "POST",
    // A foreign origin: webhooks are exempt from the CSRF check, the signature stands instead.
    headers: {
      "content-type": "application/json",
      origin: "https://stripe.com",
      ...(signature ? { "stripe-signature": signature } : {}),
    },
    body,
  });
}

describe("POST /api/webhooks/stripe/:tenantId", () => {
  it("accepts Stripe's signature on the raw body, stores the event and answers a repeat as a duplicate", async () => {
    const id = `evt_${crypto.randomUUID()}`;
    const body = event(id);
    const now = Math.floor(Date.now() / 1000);
    const first = await post(`/api/webhooks/stripe/${tenant.tenant.id}`, body, signPayload(body, secret, now));
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ ok: true, result: "ignored" });
    const again = await post(`/api/webhooks/stripe/${tenant.tenant.id}`, body, signPayload(body, secret, now));
    expect(await again.json()).toEqual({ ok: true, result: "duplicate" });
    const db = (await getTestDatabase()).db;
    const rows = await db
      .select()
      .from(webhookEvents)
      .where(and(eq(webhookEvents.provider, "stripe"), eq(webhookEvents.tenantId, tenant.tenant.id)));
    const stored = rows.filter((r) => r.eventKey === `${tenant.tenant.id}:${id}`);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ type: "product.created", attempts: 2, payload: JSON.parse(body) });
    expect(stored[0]?.processedAt).toBeInstanceOf(Date);
  });

  it("rejects a body changed after signing, a stale signature and a missing one", async () => {
    const body = event(`evt_${crypto.randomUUID()}`);
    const now = Math.floor(Date.now() / 1000);
    const path = `/api/webhooks/stripe/${tenant.tenant.id}`;
    // Re-serialising changes the bytes: the check must run on the raw body.
    const reformatted = JSON.stringify(JSON.parse(body), null, 2);
    expect((await post(path, reformatted, signPayload(body, secret, now))).status).toBe(401);
    expect((await post(path, body, signPayload(body, secret, now - 3600))).status).toBe(401);
    expect((await post(path, body, null)).status).toBe(401);
    expect((await post(path, body, signPayload(body, "whsec_wrongsecret000", now))).status).toBe(401);
  });

  it("answers 404 for a tenant without Stripe and for a malformed route", async () => {
    const body = event("evt_unknown");
    const header = signPayload(body, secret, Math.floor(Date.now() / 1000));
    expect((await post(`/api/webhooks/stripe/${crypto.randomUUID()}`, body, header)).status).toBe(404);
    expect((await post("/api/webhooks/stripe/not-a-tenant", body, header)).status).toBe(404);
    expect((await post("/api/webhooks/stripe/platform", body, header)).status).toBe(404);
  });
});
