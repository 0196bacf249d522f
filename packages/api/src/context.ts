import {
  readSessionToken,
  type SecretBox,
  serializeBlankSessionCookie,
  serializeSessionCookie,
  type ValidatedSession,
  validateSessionToken,
} from "@marquee/auth";
import { type Db, type MembershipRole, type Tenant, tenants } from "@marquee/db";
import { eq } from "drizzle-orm";
import type { BillingEnvironment } from "./services/billing/environment";
import type { CloudflareEnvironment } from "./services/cloudflare/environment";

export type ApiConfig = {
  /** Secure cookies: true when the public URL is https. */
  secureCookies: boolean;
  /** Seals and opens secrets at rest (provider credentials). */
  secrets: SecretBox;
  cloudflare: CloudflareEnvironment;
  billing: BillingEnvironment;
};

export type TenantAccess = {
  tenant: Pick<Tenant, "id" | "slug" | "name" | "status">;
  role: MembershipRole | null;
};

export type InnerContextOptions = {
  db: Db;
  config: ApiConfig;
  sessionToken: string | null;
  /** Slug of the tenant the request is about (the `x-tenant` header), if any. */
  tenantSlug: string | null;
  clientIp: string | null;
  userAgent: string | null;
  /** Response headers: cookies and Retry-After are written here. */
  resHeaders: Headers;
  now?: () => Date;
};

export type Context = ReturnType<typeof createInnerContext>;

/**
 * The context of one HTTP request (one tRPC batch). Session and tenant lookups are lazy
 * and memoised: procedures that need neither cost no query, and a batch of ten
 * procedures costs one lookup each.
 */
export function createInnerContext(options: InnerContextOptions) {
  const now = options.now ?? (() => new Date());
  let auth: Promise<ValidatedSession | null> | undefined;
  const tenantAccess = new Map<string, Promise<TenantAccess | null>>();

  const ctx = {
    db: options.db,
    config: options.config,
    clientIp: options.clientIp,
    userAgent: options.userAgent,
    tenantSlug: options.tenantSlug,
    resHeaders: options.resHeaders,
    now,
    getAuth(): Promise<ValidatedSession | null> {
      auth ??= loadAuth();
      return auth;
    },
    /** After a change to the caller's own memberships: the next read loads them again. */
    forgetAuth() {
      auth = undefined;
      tenantAccess.clear();
    },
    /** Replace the memoised session after sign-in/out so later calls in the batch see the change. */
    setAuth(value: ValidatedSession | null) {
      auth = Promise.resolve(value);
      tenantAccess.clear();
    },
    /**
     * The tenant named by `slug` and the caller's role in it. A member's tenants come with
     * the session (no query); anyone else's lookup is one query, memoised per request.
     */
    getTenantAccess(slug: string): Promise<TenantAccess | null> {
      let access = tenantAccess.get(slug);
      if (!access) {
        access = ctx.getAuth().then((current) => {
          const membership = current?.memberships.find((m) => m.slug === slug);
          if (membership) {
            const { tenantId: id, name, status, role } = membership;
            return { tenant: { id, slug, name, status }, role };
          }
          return loadTenant(options.db, slug);
        });
        tenantAccess.set(slug, access);
      }
      return access;
    },
    setSessionCookie(token: string, expiresAt: Date) {
      options.resHeaders.append(
        "Set-Cookie",
        serializeSessionCookie(token, expiresAt, { secure: options.config.secureCookies }),
      );
    },
    clearSessionCookie() {
      options.resHeaders.append("Set-Cookie", serializeBlankSessionCookie({ secure: options.config.secureCookies }));
    },
  };

  async function loadAuth(): Promise<ValidatedSession | null> {
    if (!options.sessionToken) return null;
    const result = await validateSessionToken(options.db, options.sessionToken, now());
    if (!result) {
      ctx.clearSessionCookie();
      return null;
    }
    if (result.renewed) ctx.setSessionCookie(options.sessionToken, result.session.expiresAt);
    return result;
  }

  return ctx;
}

async function loadTenant(db: Db, slug: string): Promise<TenantAccess | null> {
  const [tenant] = await db
    .select({ id: tenants.id, slug: tenants.slug, name: tenants.name, status: tenants.status })
    .from(tenants)
    .where(eq(tenants.slug, slug))
    .limit(1);
  return tenant ? { tenant, role: null } : null;
}

export type FetchContextOptions = {
  db: Db;
  config: ApiConfig;
  req: Request;
  resHeaders: Headers;
  clientIp: string | null;
};

/** Builds the context from an incoming fetch Request (what the HTTP adapter calls). */
export function createRequestContext({ db, config, req, resHeaders, clientIp }: FetchContextOptions) {
  return createInnerContext({
    db,
    config,
    resHeaders,
    clientIp,
    sessionToken: readSessionToken(req.headers.get("cookie")),
    tenantSlug: req.headers.get("x-tenant")?.trim().toLowerCase() || null,
    userAgent: req.headers.get("user-agent"),
  });
}
