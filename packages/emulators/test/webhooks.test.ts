import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  directUpload,
  fixtureVideo,
  type Harness,
  startEmulator,
  startReceiver,
  verifySignature,
  waitFor,
} from "./harness.ts";

let h: Harness;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let secret: string;
let clip: Buffer;

beforeAll(async () => {
  h = await startEmulator();
  receiver = await startReceiver();
  const webhook = await h.cf.stream.webhooks.update({ account_id: h.account.accountId, notificationUrl: receiver.url });
  secret = String((webhook as { secret: string }).secret);
  clip = await readFile(await fixtureVideo());
});
afterAll(async () => {
  await h.close();
  await receiver.close();
});

const deliveriesFor = (uid: string) =>
  receiver.received.filter((r) => (JSON.parse(r.body) as { uid: string }).uid === uid);

describe("webhook delivery", () => {
  it("retries while the receiver fails, then delivers", async () => {
    const flaky = await startReceiver([500, 503]);
    const other = await h.emulator.createAccount();
    const cf = h.sdk(other.apiToken);
    const hook = await cf.stream.webhooks.update({ account_id: other.accountId, notificationUrl: flaky.url });
    const { uid } = await directUpload({ ...h, cf, account: other }, new Blob([clip]));
    await waitFor(() => flaky.received.length === 3);
    const deliveries = h.emulator.webhooks.deliveries(other.accountId);
    expect(deliveries).toHaveLength(1);
    await waitFor(() => deliveries[0]?.state === "delivered");
    expect(deliveries[0]?.attempts.map((a) => a.status)).toEqual([500, 503, 200]);
    expect(flaky.received.every((r) => verifySignature(r, String((hook as { secret: string }).secret)))).toBe(true);
    expect(JSON.parse(flaky.received[2]?.body ?? "").uid).toBe(uid);
    await flaky.close();
  });

  it("gives up after the configured attempts when the receiver is unreachable", async () => {
    const other = await h.emulator.createAccount();
    await h
      .sdk(other.apiToken)
      .stream.webhooks.update({ account_id: other.accountId, notificationUrl: "http://127.0.0.1:9/unreachable" });
    await directUpload({ ...h, cf: h.sdk(other.apiToken), account: other }, new Blob([clip]));
    const delivery = await waitFor(() =>
      h.emulator.webhooks.deliveries(other.accountId).find((d) => d.state === "failed"),
    );
    expect(delivery?.attempts).toHaveLength(4);
    expect(delivery?.attempts[0]?.error).toBeTruthy();
  });

  it("re-delivers the same event on request and can duplicate every delivery", async () => {
    const { uid } = await directUpload(h, new Blob([clip]));
    await waitFor(() => deliveriesFor(uid).length === 1);
    const original = h.emulator.webhooks.deliveries(h.account.accountId).find((d) => d.subject === uid);
    const response = await fetch(`${h.control}/webhooks/deliveries/${original?.id}/redeliver`, { method: "POST" });
    expect(response.status).toBe(201);
    await waitFor(() => deliveriesFor(uid).length === 2);
    const [first, second] = deliveriesFor(uid);
    expect(second?.body).toBe(first?.body);

    await fetch(`${h.control}/webhooks/settings`, { method: "PUT", body: JSON.stringify({ duplicate: true }) });
    const { uid: twice } = await directUpload(h, new Blob([clip]));
    await waitFor(() => deliveriesFor(twice).length === 2);
    h.emulator.webhooks.setDuplicate(false);
  });

  it("manages the webhook subscription and keeps its secret", async () => {
    const account_id = h.account.accountId;
    const current = await h.cf.stream.webhooks.get({ account_id });
    expect(current).toMatchObject({ notificationUrl: receiver.url, notification_url: receiver.url, secret });
    const replaced = await h.cf.stream.webhooks.update({ account_id, notification_url: `${receiver.url}?v=2` });
    expect(replaced).toMatchObject({ notificationUrl: `${receiver.url}?v=2`, secret });
    await expect(h.cf.stream.webhooks.update({ account_id, notificationUrl: "ftp://example.com" })).rejects.toThrow();
    await h.cf.stream.webhooks.update({ account_id, notificationUrl: receiver.url });
  });
});
