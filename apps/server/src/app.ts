import { getConnInfo } from "@hono/node-server/conninfo";
import {
  type ApiConfig,
  adminRouter,
  type BillingEnvironment,
  type CloudflareEnvironment,
  createRequestContext,
  portalRouter,
} from "@marquee/api";
import { isTrustedRequestOrigin, type SecretBox } from "@marquee/auth";
import { type DatabaseHandle, pingDatabase } from "@marquee/db";
import type { AnyTRPCRouter } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { type Context, Hono, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import { mountCron } from "./cron";
import { mountImages } from "./images";
import type { Logger } from "./logger";
import { mountSpa } from "./static";
import { mountWebhooks } from "./webhooks";

export type AppOptions = {
  database: DatabaseHandle;
  logger: Logger;
  publicUrl: string;
  trustProxy: boolean;
  secrets: SecretBox;
  cloudflare: CloudflareEnvironment;
  billing: BillingEnvironment;
  /** Embedded mode: the emulators' Hono apps, mounted at /emulators/cloudflare and /emulators/stripe. */
  emulators?: { cloudflare?: Hono; stripe?: Hono };
  /** Bearer secret of POST /api/cron/:job; unset turns the endpoint away. */
  cronSecret?: string | null;
  /** Injectable for tests that need an exact time (webhook timestamps). */
  now?: () => Date;
  /** Built SPAs to serve; omitted in tests and when the Vite dev servers serve them. */
  spa?: { portalDist: string; adminDist: string };
};

export function createApp(options: AppOptions) {
  const { database, logger } = options;
  const apiConfig: ApiConfig = {
    secureCookies: options.publicUrl.startsWith("https://"),
    secrets: options.secrets,
    cloudflare: options.cloudflare,
    billing: options.billing,
  };
  const trustedOrigins = [new URL(options.publicUrl).origin];
  const app = new Hono();
  // The emulators stand in for Cloudflare's and Stripe's hosts: they are mounted before our
  // own headers, CSRF check and logging, which belong to Marquee's pages and API only.
  if (options.emulators?.cloudflare) app.route("/emulators/cloudflare", options.emulators.cloudflare);
  if (options.emulators?.stripe) app.route("/emulators/stripe", options.emulators.stripe);
  const mediaOrigins = cloudflareOrigins(options.cloudflare);

  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:", "https:", ...mediaOrigins],
        // hls.js feeds the video through blob: URLs and adds data: caption tracks.
        mediaSrc: ["'self'", "blob:", "data:", "https:", ...mediaOrigins],
        workerSrc: ["'self'", "blob:"],
        connectSrc: ["'self'", "https:", ...mediaOrigins],
        frameSrc: ["'self'", "https:", ...mediaOrigins],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
      strictTransportSecurity: apiConfig.secureCookies ? "max-age=31536000; includeSubDomains" : false,
      crossOriginEmbedderPolicy: false,
    }),
  );

  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    const ms = Math.round((performance.now() - started) * 10) / 10;
    const entry = { method: c.req.method, path: c.req.path, status: c.res.status, ms };
    if (c.res.status >= 500) logger.error(entry, "request failed");
    else logger.debug(entry, "request");
  });

  // CSRF: every state-changing request made with our cookie must come from our own origin.
  // Webhooks carry signatures and cron triggers a bearer secret instead; the emulators stand in for foreign hosts.
  const csrf: MiddlewareHandler = async (c, next) => {
    if (c.req.path.startsWith("/api/webhooks/") || c.req.path.startsWith("/api/cron/")) return next();
    const trusted = isTrustedRequestOrigin({
      method: c.req.method,
      host: c.req.header("host") ?? null,
      origin: c.req.header("origin") ?? null,
      secFetchSite: c.req.header("sec-fetch-site") ?? null,
      trustedOrigins,
    });
    if (!trusted) return c.json({ error: { message: "Cross-site request refused.", code: "FORBIDDEN" } }, 403);
    return next();
  };
  app.use("/trpc/*", csrf);
  app.use("/api/*", csrf);

  app.get("/healthz", async (c) => {
    try {
      await pingDatabase(database);
      return c.json({ status: "ok", database: database.driver });
    } catch (error) {
      logger.error({ err: error }, "health check: database unreachable");
      return c.json({ status: "unavailable" }, 503);
    }
  });

  const clientIp = (c: Context): string | null => {
    if (options.trustProxy) {
      const forwarded = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
      if (forwarded) return forwarded;
    }
    try {
      return getConnInfo(c).remote.address ?? null;
    } catch {
      return null;
    }
  };

  const mountTrpc = (endpoint: "/trpc/portal" | "/trpc/admin", router: AnyTRPCRouter) => {
    app.use(
      `${endpoint}/*`,
      bodyLimit({ maxSize: 1024 * 1024, onError: (c) => c.json({ error: { message: "Request too large." } }, 413) }),
    );
    app.all(`${endpoint}/*`, (c) =>
      fetchRequestHandler({
        endpoint,
        req: c.req.raw,
        router,
        createContext: ({ req, resHeaders }) =>
          createRequestContext({ db: database.db, config: apiConfig, req, resHeaders, clientIp: clientIp(c) }),
        onError: ({ error, path, type }) => {
          if (error.code === "INTERNAL_SERVER_ERROR")
            logger.error({ err: error.cause ?? error, path, type }, "procedure failed");
        },
      }),
    );
  };
  mountTrpc("/trpc/portal", portalRouter);
  mountTrpc("/trpc/admin", adminRouter);

  mountWebhooks(app, {
    database,
    logger,
    secrets: options.secrets,
    billing: options.billing,
    cloudflare: options.cloudflare,
    now: options.now ?? (() => new Date()),
  });

  mountCron(app, {
    secret: options.cronSecret ?? null,
    jobDeps: {
      db: database.db,
      secrets: options.secrets,
      cloudflare: options.cloudflare,
      billing: options.billing,
      now: options.now ?? (() => new Date()),
    },
    logger,
  });

  mountImages(app, { database });

  app.all("/api/*", (c) => c.json({ error: { message: "Not found." } }, 404));

  if (options.spa) {
    for (const [prefix, dist] of [
      ["/admin", options.spa.adminDist],
      ["/", options.spa.portalDist],
    ] as const) {
      if (!mountSpa(app, prefix, dist))
        logger.warn({ dist }, `no build to serve at ${prefix}; run the build or the Vite dev server`);
    }
  }

  app.notFound((c) => c.json({ error: { message: "Not found." } }, 404));
  app.onError((error, c) => {
    logger.error({ err: error, path: c.req.path }, "unhandled error");
    return c.json({ error: { message: "Something went wrong on our side. Please try again." } }, 500);
  });
  return app;
}

/** A Cloudflare stand-in on plain http (a standalone emulator) must be allowed by the CSP too. */
function cloudflareOrigins(cloudflare: CloudflareEnvironment): string[] {
  const api = cloudflare.apiBaseUrl;
  if (!api?.startsWith("http://")) return [];
  return [new URL(api).origin];
}
