import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import type { Emulator } from "./context.ts";
import { StripeApiError, unrecognizedUrl } from "./errors.ts";
import type { StripeEmulatorControls } from "./index.ts";
import { accountRoutes } from "./routes/account.ts";
import { billingPortalRoutes } from "./routes/billing-portal.ts";
import { checkoutSessionRoutes } from "./routes/checkout-sessions.ts";
import { controlRoutes } from "./routes/control.ts";
import { customerRoutes } from "./routes/customers.ts";
import { eventRoutes } from "./routes/events.ts";
import { hostedCheckoutRoutes } from "./routes/hosted-checkout.ts";
import { hostedPortalRoutes } from "./routes/hosted-portal.ts";
import { idempotency } from "./routes/idempotency.ts";
import { invoiceRoutes, paymentIntentRoutes } from "./routes/invoices.ts";
import { apiMiddleware } from "./routes/middleware.ts";
import { priceRoutes } from "./routes/prices.ts";
import { productRoutes } from "./routes/products.ts";
import type { Env } from "./routes/shared.ts";
import { subscriptionRoutes } from "./routes/subscriptions.ts";
import { webhookEndpointRoutes } from "./routes/webhook-endpoints.ts";

/** Routes relative to the base URL, so the app works at `/` standalone or under a prefix via `app.route()`. */
export function createApp(emu: Emulator, controls: StripeEmulatorControls) {
  const app = new Hono();
  app.onError((error, c) => {
    if (error instanceof StripeApiError) return c.json({ error: error.body }, error.status);
    if (error instanceof HTTPException) return error.getResponse();
    emu.log(
      `unhandled error on ${c.req.method} ${c.req.path}: ${error instanceof Error ? error.stack : String(error)}`,
    );
    return c.json({ error: { type: "api_error", message: "Internal error in the Stripe emulator" } }, 500);
  });

  const api = new Hono<Env>();
  api.use("*", apiMiddleware(emu));
  api.use("*", idempotency(emu));
  api.route("/", accountRoutes(emu));
  api.route("/products", productRoutes(emu));
  api.route("/prices", priceRoutes(emu));
  api.route("/customers", customerRoutes(emu));
  api.route("/checkout/sessions", checkoutSessionRoutes(emu));
  api.route("/subscriptions", subscriptionRoutes(emu));
  api.route("/invoices", invoiceRoutes(emu));
  api.route("/payment_intents", paymentIntentRoutes(emu));
  api.route("/billing_portal", billingPortalRoutes(emu));
  api.route("/webhook_endpoints", webhookEndpointRoutes(emu));
  api.route("/events", eventRoutes(emu));
  api.all("*", (c) => {
    throw unrecognizedUrl(c.req.method, new URL(c.req.url).pathname);
  });

  app.route("/v1", api);
  app.route("/c/pay", hostedCheckoutRoutes(emu));
  app.route("/p/session", hostedPortalRoutes(emu));
  app.route("/_control", controlRoutes(emu, controls));
  return app;
}
