import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { type Env, requireStreamAccess } from "./auth.ts";
import type { Emulator } from "./context.ts";
import { ApiError, codes, fail } from "./envelope.ts";
import type { Faults } from "./faults.ts";
import { captionRoutes } from "./routes/captions.ts";
import { cdnRoutes } from "./routes/cdn.ts";
import { controlRoutes } from "./routes/control.ts";
import { graphqlRoutes } from "./routes/graphql.ts";
import { keyRoutes, tokenEndpoint } from "./routes/keys.ts";
import { liveInputRoutes } from "./routes/live-inputs.ts";
import { tokenRoutes } from "./routes/tokens.ts";
import { publicUploadRoutes, uploadRoutes } from "./routes/uploads.ts";
import { videoRoutes } from "./routes/videos.ts";
import type { Tus } from "./tus.ts";
import { webhookRoutes } from "./webhooks.ts";

/** Routes relative to the base URL, so the app works at `/` standalone or under a prefix via `app.route()`. */
export function createApp(emu: Emulator, tus: Tus, faults: Faults) {
  const basePath = new URL(emu.baseUrl).pathname.replace(/\/+$/, "");
  const app = new Hono();
  app.onError((error, c) => {
    if (error instanceof ApiError) return fail(c, error.status, error.code, error.message);
    if (error instanceof HTTPException) return error.getResponse();
    emu.log(
      `unhandled error on ${c.req.method} ${c.req.path}: ${error instanceof Error ? error.stack : String(error)}`,
    );
    return fail(c, 500, codes.internal, "Internal error in the emulator");
  });
  app.use("*", faults.middleware(basePath));

  const api = new Hono<Env>();
  api.route("/", tokenRoutes(emu));
  const stream = "/accounts/:accountId/stream";
  api.use(stream, requireStreamAccess(emu));
  api.use(`${stream}/*`, requireStreamAccess(emu));
  // Order matters: fixed segments (keys, webhook, live_inputs, direct_upload, storage-usage) before `/:uid`.
  api.route(`${stream}/keys`, keyRoutes(emu));
  api.route(`${stream}/webhook`, webhookRoutes(emu));
  api.route(`${stream}/live_inputs`, liveInputRoutes(emu));
  api.route(stream, uploadRoutes(emu, tus));
  api.route(stream, tokenEndpoint(emu));
  api.route(stream, captionRoutes(emu));
  api.route(stream, videoRoutes(emu));
  api.route("/graphql", graphqlRoutes(emu));
  api.all("*", (c) => fail(c, 404, codes.noRoute, "No route for the URI"));

  app.route("/client/v4", api);
  app.route("/upload", publicUploadRoutes(emu, tus));
  app.route("/cdn", cdnRoutes(emu));
  app.route("/__emulator", controlRoutes(emu, faults));
  return app;
}
