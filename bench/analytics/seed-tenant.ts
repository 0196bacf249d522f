import { hashPassword } from "@marquee/auth";
import type postgres from "postgres";
import { HISTORY_OWNER, HISTORY_TENANT_SLUG, type HistoryOptions } from "./options.ts";
import { stableId } from "./seed-context.ts";

export const TIERS = [
  { rank: 1, name: "Basic", monthly: 900, yearly: 9000 },
  { rank: 2, name: "Premium", monthly: 1900, yearly: 19_000 },
  { rank: 3, name: "Black belt", monthly: 3900, yearly: 39_000 },
] as const;

export const PACKS = [
  { name: "Starter pack", tokens: 5, priceCents: 2500 },
  { name: "Class pass", tokens: 12, priceCents: 5000 },
] as const;

export type SeededTenant = { tenantId: string; connectionId: string; instructorId: string; premiumTierId: string };

/**
 * The tenant as it was set up `months` ago: its own Cloudflare account (a row only, never
 * called), an owner (who can sign in to the console with HISTORY_OWNER's password) and an
 * instructor, three tiers and two token packs.
 */
export async function seedTenant(sql: postgres.TransactionSql, options: HistoryOptions, start: Date) {
  const [existing] = await sql`select 1 from tenants where slug = ${HISTORY_TENANT_SLUG}`;
  if (existing) throw new Error(`tenant "${HISTORY_TENANT_SLUG}" is already seeded here: use a fresh database`);
  const id = (kind: string) => stableId(`${options.seed}-${kind}`);
  const tenantId = id("tenant");
  const connectionId = id("connection");
  await sql`
    insert into tenants (id, slug, name, created_at, updated_at)
    values (${tenantId}, ${HISTORY_TENANT_SLUG}, 'Analytics Bench Dojo', ${start}, ${start})`;
  await sql`
    insert into cloudflare_connections (id, source, tenant_id, account_id, customer_code, verified_at, created_at, updated_at)
    values (${connectionId}, 'tenant', ${tenantId}, md5(${tenantId}), 'benchcode', ${start}, ${start}, ${start})`;

  const staff = [
    {
      id: id("owner"),
      email: HISTORY_OWNER.email,
      name: "Olga Owner",
      role: "owner",
      // The project's own hashing, so the server's sign-in accepts it.
      passwordHash: await hashPassword(HISTORY_OWNER.password),
    },
    {
      id: id("instructor"),
      email: "instructor@analytics.bench",
      name: "Ivo Instructor",
      role: "instructor",
      passwordHash: "not-a-hash",
    },
  ];
  for (const person of staff) {
    await sql`
      insert into users (id, email, name, password_hash, created_at, updated_at)
      values (${person.id}, ${person.email}, ${person.name}, ${person.passwordHash}, ${start}, ${start})`;
    await sql`
      insert into memberships (tenant_id, user_id, role, created_at, updated_at)
      values (${tenantId}, ${person.id}, ${person.role}, ${start}, ${start})`;
  }

  for (const tier of TIERS) {
    await sql`
      insert into tiers (id, tenant_id, name, rank, monthly_price_cents, yearly_price_cents, stripe_product_id,
                         stripe_monthly_price_id, stripe_yearly_price_id, created_at, updated_at)
      values (${id(`tier-${tier.rank}`)}, ${tenantId}, ${tier.name}, ${tier.rank}, ${tier.monthly}, ${tier.yearly},
              ${`prod_bench_${tier.rank}`}, ${`price_bench_${tier.rank}_month`}, ${`price_bench_${tier.rank}_year`},
              ${start}, ${start})`;
  }
  for (const pack of PACKS) {
    await sql`
      insert into token_packs (tenant_id, name, tokens, price_cents, created_at, updated_at)
      values (${tenantId}, ${pack.name}, ${pack.tokens}, ${pack.priceCents}, ${start}, ${start})`;
  }
  const [instructor] = staff.filter((person) => person.role === "instructor");
  if (!instructor) throw new Error("no instructor among the staff");
  return { tenantId, connectionId, instructorId: instructor.id, premiumTierId: id("tier-2") } satisfies SeededTenant;
}
