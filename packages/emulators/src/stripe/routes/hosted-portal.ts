import { type Context, Hono } from "hono";
import { changeItemPrice, notifyUpdated, periodEnd, setCancelAtPeriodEnd } from "../billing/subscriptions.ts";
import type { Emulator } from "../context.ts";
import { formatDate, productName, shortPrice } from "../format.ts";
import { messagePage } from "../pages/layout.ts";
import { type PortalPageModel, portalPage } from "../pages/portal-page.ts";
import type { PortalSession, Subscription } from "../types.ts";
import { priceOf, subscriptionView } from "../views/subscription.ts";

function model(
  emu: Emulator,
  session: PortalSession,
  message: { notice?: string; error?: string } = {},
): PortalPageModel {
  const { accountId } = session;
  const switchable = emu.store.state.prices.filter(
    (p) =>
      p.accountId === accountId && p.active && p.recurring && emu.store.find("products", accountId, p.product)?.active,
  );
  const plans = emu.store.state.subscriptions
    .filter((s) => s.accountId === accountId && s.customer === session.customer && s.status !== "canceled")
    .map((subscription) => {
      const price = priceOf(emu, accountId, subscription.items[0]?.price ?? "");
      const end = formatDate(periodEnd(subscription));
      return {
        subscriptionId: subscription.id,
        productName: productName(emu, price),
        price: shortPrice(price),
        status: subscription.status,
        dateLine: subscription.cancelAtPeriodEnd ? `Cancels on ${end}` : `Renews on ${end}`,
        cancelAtPeriodEnd: subscription.cancelAtPeriodEnd,
        switches: switchable
          .filter((p) => p.id !== price.id && p.currency === price.currency)
          .map((p) => ({ priceId: p.id, label: `Switch to ${productName(emu, p)} — ${shortPrice(p)}` })),
      };
    });
  return {
    merchant: emu.store.account(accountId)?.displayName ?? "Merchant",
    returnUrl: session.returnUrl,
    email: emu.store.find("customers", accountId, session.customer)?.email ?? null,
    plans,
    ...message,
  };
}

/** Applies one portal button; answers the confirmation to show, or throws a message for the alert. */
function act(emu: Emulator, session: PortalSession, subscription: Subscription, form: URLSearchParams): string {
  const before = subscriptionView(emu, subscription);
  const action = form.get("action");
  const at = emu.clock.unix();
  if (action === "cancel" || action === "uncancel") {
    setCancelAtPeriodEnd(subscription, action === "cancel", at);
  } else if (action === "switch") {
    const price = emu.store.find("prices", session.accountId, form.get("price") ?? "");
    const item = subscription.items[0];
    if (!price?.active || !price.recurring || !item) throw new Error("That plan is not available.");
    changeItemPrice(subscription, item.id, price);
  } else {
    throw new Error("Unknown action.");
  }
  notifyUpdated(emu, subscription, before, { at });
  const end = formatDate(periodEnd(subscription));
  if (action === "cancel") return `Your plan will be canceled on ${end}.`;
  if (action === "uncancel") return `Your plan will renew on ${end}.`;
  const price = priceOf(emu, session.accountId, subscription.items[0]?.price ?? "");
  return `You switched to ${productName(emu, price)} (${shortPrice(price)}).`;
}

/** `/p/session/<id>`: the hosted Billing Portal, one form per button. */
export function hostedPortalRoutes(emu: Emulator) {
  const app = new Hono();
  const find = (c: Context) => emu.store.state.portalSessions.find((s) => s.id === c.req.param("id"));
  const missing = (c: Context) => c.html(messagePage("Link not valid", "This billing portal link is not valid."), 404);

  app.get("/:id", (c) => {
    const session = find(c);
    return session ? c.html(portalPage(model(emu, session))) : missing(c);
  });

  app.post("/:id", async (c) => {
    const session = find(c);
    if (!session) return missing(c);
    const form = new URLSearchParams(await c.req.text());
    const subscription = emu.store.state.subscriptions.find(
      (s) => s.id === form.get("subscription") && s.customer === session.customer && s.accountId === session.accountId,
    );
    if (!subscription || subscription.status === "canceled") {
      return c.html(portalPage(model(emu, session, { error: "That subscription is no longer active." })), 400);
    }
    try {
      return c.html(portalPage(model(emu, session, { notice: act(emu, session, subscription, form) })));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return c.html(portalPage(model(emu, session, { error: message })), 400);
    }
  });
  return app;
}
