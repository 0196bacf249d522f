import { generateKeyPairSync, randomBytes } from "node:crypto";
import type { SecretBox } from "@marquee/auth";
import { cloudflareConnections } from "@marquee/db";
import type { Fixture } from "./database.ts";
import { withDatabase } from "./database.ts";

/** The key as Cloudflare's keys.create hands it over and Marquee stores it: a JWK carrying its id. */
export type SigningKey = { id: string; privateKey: string };

export type Catalog = {
  signingKey: SigningKey;
  videoCount: number;
  /** A ready, signed, members-only video somewhere in the middle of the catalog, and its Cloudflare uid. */
  videoId: string;
  videoUid: string;
  searchTerm: string;
  searchMatches: number;
};

// Titles, descriptions and tags drawn from a small vocabulary, so that one word matches about
// one video in eight: a search that filters for real, not one that returns everything or nothing.
const WORDS = [
  "kata",
  "kihon",
  "kumite",
  "bunkai",
  "stance",
  "footwork",
  "breathing",
  "balance",
  "flow",
  "power",
  "speed",
  "timing",
  "distance",
  "guard",
  "strike",
  "block",
  "sweep",
  "throw",
  "roll",
  "fall",
  "grip",
  "posture",
  "hips",
  "shoulders",
  "warmup",
  "stretch",
  "drill",
  "partner",
  "solo",
  "pads",
  "bag",
  "shadow",
  "beginner",
  "advanced",
  "seminar",
  "grading",
  "review",
  "theory",
  "history",
  "etiquette",
  "morning",
  "evening",
  "weekend",
  "intensive",
  "recovery",
  "mobility",
  "core",
  "cardio",
  "sensei",
  "guest",
  "tournament",
  "demo",
  "slow",
  "fast",
  "precise",
  "relaxed",
  "left",
  "right",
  "forward",
  "backward",
  "circle",
  "line",
  "angle",
  "pressure",
];
const TAGS = [
  "basics",
  "forms",
  "sparring",
  "conditioning",
  "weapons",
  "kids",
  "adults",
  "theory",
  "competition",
  "flexibility",
  "self-defence",
  "grading",
];
const SEARCH_TERM = "footwork";

export function createSigningKey(): SigningKey {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const id = randomBytes(16).toString("hex");
  return { id, privateKey: JSON.stringify({ ...privateKey.export({ format: "jwk" }), kid: id, alg: "RS256" }) };
}

/**
 * The tenant's own Cloudflare connection with a real signing key (sealed with `secrets`, as the
 * console stores it) and `videoCount` ready videos that need signed URLs, one statement and a
 * fixed seed so every run gets the same catalog.
 */
export function seedCatalog(url: string, fixture: Fixture, secrets: SecretBox, videoCount: number): Promise<Catalog> {
  const signingKey = createSigningKey();
  return withDatabase(url, async (handle) => {
    const [connection] = await handle.db
      .insert(cloudflareConnections)
      .values({
        source: "tenant",
        tenantId: fixture.tenantId,
        accountId: randomBytes(16).toString("hex"),
        customerCode: "benchcode",
        apiTokenSealed: secrets.seal("bench-api-token-never-used"),
        apiTokenHint: "used",
        signingKeyId: signingKey.id,
        signingKeySealed: secrets.seal(signingKey.privateKey),
        verifiedAt: new Date(),
      })
      .returning({ id: cloudflareConnections.id });
    if (!connection) throw new Error("could not insert the Cloudflare connection");

    await handle.client.begin(async (sql) => {
      await sql`select setseed(0.42)`;
      await sql`
        insert into videos (tenant_id, connection_id, cloudflare_uid, title, description, tags, access_level,
                            status, require_signed_urls, duration_seconds, poster_seconds, ready_at, created_at)
        select ${fixture.tenantId}, ${connection.id}, md5('bench-video-' || g),
               initcap(w[1 + floor(random() * n)::int] || ' ' || w[1 + floor(random() * n)::int] || ' '
                       || w[1 + floor(random() * n)::int]),
               w[1 + floor(random() * n)::int] || ' ' || w[1 + floor(random() * n)::int] || ' '
                 || w[1 + floor(random() * n)::int] || ' ' || w[1 + floor(random() * n)::int] || ' '
                 || w[1 + floor(random() * n)::int] || ' ' || w[1 + floor(random() * n)::int],
               array[t[1 + floor(random() * tn)::int], t[1 + floor(random() * tn)::int]],
               'members', 'ready', true, 60 + floor(random() * 3600), 5, created, created
        from generate_series(1, ${videoCount}) g,
             lateral (select now() - g * interval '37 minutes' as created) c,
             (select ${WORDS}::text[] as w, ${WORDS.length}::int as n, ${TAGS}::text[] as t, ${TAGS.length}::int as tn) v`;
      await sql`analyze videos`;
    });

    const [middle] = await handle.client<{ id: string; uid: string }[]>`
      select id, cloudflare_uid as uid from videos where tenant_id = ${fixture.tenantId}
      order by created_at desc offset ${Math.floor(videoCount / 2)} limit 1`;
    if (!middle) throw new Error("no video seeded");
    const [matches] = await handle.client<{ count: number }[]>`
      select count(*)::int as count from videos
      where tenant_id = ${fixture.tenantId} and search_vector @@ websearch_to_tsquery('simple', ${SEARCH_TERM})`;
    return {
      signingKey,
      videoCount,
      videoId: middle.id,
      videoUid: middle.uid,
      searchTerm: SEARCH_TERM,
      searchMatches: matches?.count ?? 0,
    };
  });
}
