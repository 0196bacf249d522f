import { getTestCloudflare, getTestStripe, testSecrets } from "@marquee/api/testing";
import { getTestDatabase } from "@marquee/db/testing";
import { type AppOptions, createApp } from "../../src/app";
import { createLogger } from "../../src/logger";

/** The server as tests use it: the test database, both emulators, no logs; override what a test needs. */
export async function createTestApp(overrides: Partial<AppOptions> = {}) {
  return createApp({
    database: await getTestDatabase(),
    logger: createLogger("silent"),
    publicUrl: "http://marquee.test",
    trustProxy: false,
    secrets: testSecrets,
    cloudflare: (await getTestCloudflare()).environment,
    billing: (await getTestStripe()).environment,
    ...overrides,
  });
}
