import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  type AccountPauses,
  createAccountPauses,
  createStreamClient,
  type StreamClientConfig,
  StreamError,
} from "../src";
import { envelope, type FakeCloudflare, type FakeReply, failure, startFakeCloudflare } from "./support/fake-cloudflare";

const VIDEO = { uid: "a".repeat(32), status: { state: "ready", pctComplete: "100.000000" }, meta: { name: "Intro" } };
const START = 1_700_000_000_000;

let fake: FakeCloudflare;
let pauses: AccountPauses;
let clock: number;
let sleeps: number[];

function client(overrides: Partial<StreamClientConfig> = {}) {
  return createStreamClient({
    accountId: "acc-1",
    apiToken: "secret-token-value",
    apiBaseUrl: fake.baseUrl,
    customerDomain: "https://customer-test.cloudflarestream.com",
    accountPauses: pauses,
    now: () => clock,
    // The fake clock moves with every wait, so Retry-After and pauses are checked without real waiting.
    sleep: async (ms) => {
      sleeps.push(ms);
      clock += ms;
    },
    random: () => 0.5,
    ...overrides,
  });
}

async function rejection(promise: Promise<unknown>): Promise<StreamError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof StreamError)) throw new Error(`expected a StreamError, got ${String(error)}`);
  return error;
}

beforeEach(async () => {
  fake = await startFakeCloudflare();
  pauses = createAccountPauses();
  clock = START;
  sleeps = [];
});

afterEach(async () => {
  await fake.close();
});

describe("retries", () => {
  it("waits out a 429's Retry-After (seconds) and then succeeds", async () => {
    fake.setHandler((_, i) =>
      i === 0
        ? { status: 429, headers: { "retry-after": "2" }, json: failure(971, "Please wait") }
        : { status: 200, json: envelope(VIDEO) },
    );
    const video = await client().getVideo(VIDEO.uid);
    expect(video.uid).toBe(VIDEO.uid);
    expect(fake.requests).toHaveLength(2);
    expect(sleeps).toEqual([2000]);
  });

  it("honours Retry-After as an HTTP date and retry-after-ms", async () => {
    const at = new Date(START + 3000).toUTCString();
    fake.setHandler((_, i): FakeReply => {
      if (i === 0) return { status: 429, headers: { "retry-after": at }, json: failure(971, "Please wait") };
      if (i === 1) return { status: 503, headers: { "retry-after-ms": "750" }, json: failure(10002, "busy") };
      return { status: 200, json: envelope(VIDEO) };
    });
    await client().getVideo(VIDEO.uid);
    expect(sleeps).toEqual([3000, 750]);
  });

  it("backs off exponentially on 5xx and gives up with a plain-words error", async () => {
    fake.setHandler(() => ({ status: 502, json: failure(10002, "Internal error") }));
    const error = await rejection(client().getVideo(VIDEO.uid));
    expect(error.kind).toBe("unavailable");
    expect(error.status).toBe(502);
    expect(error.message).toBe("Cloudflare is not responding; try again in a minute");
    expect(fake.requests).toHaveLength(4);
    // Equal jitter with random()=0.5: three quarters of 500, 1000, 2000 ms.
    expect(sleeps).toEqual([375, 750, 1500]);
  });

  it("does not retry a request Cloudflare refused", async () => {
    fake.setHandler(() => ({ status: 400, json: failure(10005, "maxDurationSeconds must be positive") }));
    const error = await rejection(client().createDirectUpload({ maxDurationSeconds: 0 }));
    expect(error.kind).toBe("invalid");
    expect(error.codes).toEqual([10005]);
    expect(error.message).toBe("Cloudflare refused the request: maxDurationSeconds must be positive");
    expect(fake.requests).toHaveLength(1);
  });

  it("maps a permission error to an auth error that says what to fix, without the token", async () => {
    fake.setHandler(() => ({ status: 403, json: failure(10000, "Authentication error") }));
    const error = await rejection(client().getVideo(VIDEO.uid));
    expect(error.kind).toBe("auth");
    expect(error.message).toMatch(/Stream Read and Edit permission/);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]?.headers.authorization).toBe("Bearer secret-token-value");
    const everything = JSON.stringify({ message: error.message, details: error.details, text: String(error) });
    expect(everything).not.toContain("secret-token-value");
  });

  it("retries when Cloudflare cannot be reached, then reports it", async () => {
    const unreachable = fake.baseUrl;
    await fake.close();
    const error = await rejection(client({ apiBaseUrl: unreachable }).getVideo(VIDEO.uid));
    expect(error.kind).toBe("unavailable");
    expect(error.message).toBe("Cloudflare could not be reached; try again in a minute");
    expect(sleeps).toHaveLength(3);
    fake = await startFakeCloudflare();
  });
});

describe("timeouts", () => {
  it("abandons an attempt that hangs and retries it", async () => {
    fake.setHandler((_, i) => (i === 0 ? "hang" : { status: 200, json: envelope(VIDEO) }));
    const video = await client({ timeoutMs: 200 }).getVideo(VIDEO.uid);
    expect(video.uid).toBe(VIDEO.uid);
    expect(fake.requests).toHaveLength(2);
  });

  it("reports a timeout once every attempt has hung", async () => {
    fake.setHandler(() => "hang");
    const started = Date.now();
    const error = await rejection(client({ timeoutMs: 150, retry: { maxAttempts: 2 } }).getVideo(VIDEO.uid));
    expect(error.kind).toBe("timeout");
    expect(error.message).toBe("Cloudflare did not answer in time; try again in a minute");
    expect(fake.requests).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe("account pause after a long 429", () => {
  it("pauses the account and fails the next calls fast without a request", async () => {
    fake.setHandler(() => ({ status: 429, headers: { "retry-after": "300" }, json: failure(971, "Please wait") }));
    const first = await rejection(client().getVideo(VIDEO.uid));
    expect(first.kind).toBe("rate_limited");
    expect(first.retryAt?.getTime()).toBe(START + 300_000);
    expect(first.message).toBe("Cloudflare is limiting requests for this account; try again in 5 minutes");
    expect(sleeps).toEqual([]);
    expect(fake.requests).toHaveLength(1);

    // Another client (another tenant) on the same account shares the pause.
    const second = await rejection(client().listVideos());
    expect(second.kind).toBe("rate_limited");
    expect(second.retryAt?.getTime()).toBe(START + 300_000);
    expect(fake.requests).toHaveLength(1);

    const otherAccount = client({ accountId: "acc-2" });
    fake.setHandler(() => ({ status: 200, json: envelope(VIDEO) }));
    await expect(otherAccount.getVideo(VIDEO.uid)).resolves.toMatchObject({ uid: VIDEO.uid });

    clock = START + 300_001;
    await expect(client().getVideo(VIDEO.uid)).resolves.toMatchObject({ uid: VIDEO.uid });
    expect(fake.requests).toHaveLength(3);
  });

  it("never pauses longer than Cloudflare's five-minute block", async () => {
    fake.setHandler(() => ({ status: 429, headers: { "retry-after": "3600" }, json: failure(971, "Please wait") }));
    const error = await rejection(client().getVideo(VIDEO.uid));
    expect(error.retryAt?.getTime()).toBe(START + 300_000);
  });

  it("pauses once short 429s use up the attempts", async () => {
    fake.setHandler(() => ({ status: 429, headers: { "retry-after": "1" }, json: failure(971, "Please wait") }));
    const error = await rejection(client().getVideo(VIDEO.uid));
    expect(error.kind).toBe("rate_limited");
    expect(fake.requests).toHaveLength(4);
    expect(sleeps).toEqual([1000, 1000, 1000]);
    await rejection(client().getVideo(VIDEO.uid));
    expect(fake.requests).toHaveLength(4);
  });
});
