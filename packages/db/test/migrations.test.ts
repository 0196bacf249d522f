import { getTestDatabase } from "@marquee/db/testing";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { tenants, users } from "../src/schema";

describe("migrations", () => {
  it("create the foundation tables with their constraints", async () => {
    const { db } = await getTestDatabase();
    const [tenant] = await db
      .insert(tenants)
      .values({ slug: `t-${Date.now()}`, name: "T" })
      .returning();
    expect(tenant?.status).toBe("active");
    const email = `Case-${Date.now()}@Example.com`;
    await db.insert(users).values({ email, name: "A", passwordHash: "x" });
    // The unique index is on lower(email): the same address in other case is a duplicate.
    await expect(
      db.insert(users).values({ email: email.toLowerCase(), name: "B", passwordHash: "x" }),
    ).rejects.toThrow();
    const rows = await db.execute(
      sql`select count(*)::int as n from users where lower(email) = ${email.toLowerCase()}`,
    );
    expect(rows).toBeDefined();
  });
});
