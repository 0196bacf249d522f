import { existsSync } from "node:fs";
import { join } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Hono } from "hono";

const IMMUTABLE = "public, max-age=31536000, immutable";

/**
 * Serves a built SPA under `prefix` with history fallback: any GET below the prefix that
 * is not a file and does not look like one gets index.html, so deep links work.
 * Register it after the API routes: it answers everything below its prefix.
 */
export function mountSpa(app: Hono, prefix: "/" | `/${string}`, distDir: string): boolean {
  const indexFile = join(distDir, "index.html");
  if (!existsSync(indexFile)) return false;
  const base = prefix === "/" ? "" : prefix;
  const pattern = prefix === "/" ? "*" : `${prefix}/*`;
  const stripPrefix = (path: string) => (base && path.startsWith(base) ? path.slice(base.length) || "/" : path);

  app.use(pattern, async (c, next) => {
    await next();
    // Vite fingerprints everything under assets/; index.html must always be revalidated.
    if (c.res.ok) c.res.headers.set("Cache-Control", c.req.path.startsWith(`${base}/assets/`) ? IMMUTABLE : "no-cache");
  });
  app.use(pattern, serveStatic({ root: distDir, rewriteRequestPath: stripPrefix }));
  app.get(pattern, async (c, next) => {
    const last = c.req.path.split("/").pop() ?? "";
    if (last.includes(".")) return next();
    return serveStatic({ path: indexFile })(c, next);
  });
  return true;
}
