import { jobRuns } from "@marquee/db";
import { getTestDatabase } from "@marquee/db/testing";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "./support/test-app";

const SECRET = "cron-secret-for-tests-0123456789";
// A moment of its own, so this file's slots never meet another file's.
const frozen = new Date(Date.UTC(2033, 4, 6, 2, 30, 0));
let app: Awaited<ReturnType<typeof createTestApp>>;

beforeAll(async () => {
  app = await createTestApp({ cronSecret: SECRET, now: () => frozen });
});

const trigger = (job: string, authorization?: string) =>
  app.request(`/api/cron/${job}`, {
    method: "POST",
    headers: authorization ? { authorization } : {},
  });

describe("POST /api/cron/:job", () => {
  it("refuses a missing or wrong secret with 401", async () => {
    expect((await trigger("recordings.cleanup")).status).toBe(401);
    expect((await trigger("recordings.cleanup", "Bearer not-the-secret")).status).toBe(401);
    expect((await trigger("recordings.cleanup", SECRET)).status).toBe(401);
  });

  it("answers 404 for a job it does not know", async () => {
    const response = await trigger("no.such.job", `Bearer ${SECRET}`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("recordings.cleanup");
  });

  it("runs the job's current slot once, and records the run", async () => {
    const first = await trigger("recordings.cleanup", `Bearer ${SECRET}`);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({
      job: "recordings.cleanup",
      slot: "2033-05-06T02:00:00.000Z",
      ran: true,
      status: "succeeded",
    });
    const again = await trigger("recordings.cleanup", `Bearer ${SECRET}`);
    expect(await again.json()).toMatchObject({ ran: false });
    const db = (await getTestDatabase()).db;
    const runs = await db
      .select()
      .from(jobRuns)
      .where(and(eq(jobRuns.job, "recordings.cleanup"), eq(jobRuns.slot, new Date("2033-05-06T02:00:00.000Z"))));
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: "succeeded" });
    expect(runs[0]?.finishedAt).toBeInstanceOf(Date);
  });

  it("runs a job again at once with ?force=true, as a run of its own", async () => {
    await trigger("classes.migrateToCatalog", `Bearer ${SECRET}`);
    const forced = await app.request("/api/cron/classes.migrateToCatalog?force=true", {
      method: "POST",
      headers: { authorization: `Bearer ${SECRET}` },
    });
    expect(await forced.json()).toMatchObject({ ran: true, status: "succeeded", slot: frozen.toISOString() });
    const unauthorised = await app.request("/api/cron/classes.migrateToCatalog?force=true", { method: "POST" });
    expect(unauthorised.status).toBe(401);
  });
});
