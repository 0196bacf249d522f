import { type Context, Hono } from "hono";
import { type CardForm, checkCard } from "../billing/cards.ts";
import { completeCheckout, expireSession } from "../billing/checkout.ts";
import type { Emulator } from "../context.ts";
import { describeInterval, formatAmount, productName } from "../format.ts";
import { type CheckoutPageModel, checkoutPage } from "../pages/checkout-page.ts";
import { messagePage } from "../pages/layout.ts";
import type { CheckoutSession } from "../types.ts";
import { priceOf } from "../views/subscription.ts";

function model(emu: Emulator, session: CheckoutSession, form?: Partial<CardForm>): CheckoutPageModel {
  const customer = session.customer ? emu.store.find("customers", session.accountId, session.customer) : undefined;
  const prices = session.lineItems.map((line) => ({ line, price: priceOf(emu, session.accountId, line.price) }));
  const firstPrice = prices[0]?.price;
  return {
    merchant: emu.store.account(session.accountId)?.displayName ?? "Merchant",
    mode: session.mode,
    lines: prices.map(({ line, price }) => ({
      name: productName(emu, price),
      quantity: line.quantity,
      amount: formatAmount(price.unitAmount * line.quantity, price.currency),
      interval: describeInterval(price),
    })),
    total: formatAmount(session.amountSubtotal, session.currency),
    interval: firstPrice ? describeInterval(firstPrice) : "",
    trialDays: session.subscriptionData.trialPeriodDays,
    cancelUrl: session.cancelUrl,
    email: customer?.email ?? session.customerEmail ?? form?.email ?? "",
    emailLocked: Boolean(customer?.email ?? session.customerEmail),
    name: form?.name ?? "",
  };
}

/** `/c/pay/<id>`: the hosted Checkout page, a plain HTML form. */
export function hostedCheckoutRoutes(emu: Emulator) {
  const app = new Hono();
  const current = (c: Context) => {
    const session = emu.store.state.checkoutSessions.find((s) => s.id === c.req.param("id"));
    if (session?.status === "open" && session.expiresAt <= emu.clock.unix()) expireSession(emu, session);
    return session;
  };
  const closed = (c: Context, session: CheckoutSession | undefined) => {
    if (!session) return c.html(messagePage("Checkout not found", "This checkout link is not valid."), 404);
    const back = session.cancelUrl ? { href: session.cancelUrl, label: "← Back" } : undefined;
    if (session.status === "complete") {
      return c.html(messagePage("Already paid", "This checkout session is already complete. Thank you!", back), 410);
    }
    return c.html(messagePage("Checkout expired", "This checkout session has expired. Please start again.", back), 410);
  };

  app.get("/:id", (c) => {
    const session = current(c);
    if (session?.status !== "open") return closed(c, session);
    return c.html(checkoutPage(model(emu, session)));
  });

  app.post("/:id", async (c) => {
    const session = current(c);
    if (session?.status !== "open") return closed(c, session);
    const body = new URLSearchParams(await c.req.text());
    const form: CardForm = {
      email: body.get("email") ?? "",
      number: body.get("number") ?? "",
      expiry: body.get("expiry") ?? "",
      cvc: body.get("cvc") ?? "",
      name: body.get("name") ?? "",
    };
    const page = model(emu, session, form);
    const result = checkCard({ ...form, email: page.emailLocked ? page.email : form.email }, emu.clock.now());
    if (!result.ok) {
      return c.html(checkoutPage({ ...page, error: result }), result.declined ? 402 : 400);
    }
    completeCheckout(emu, session, {
      email: page.emailLocked ? page.email : form.email.trim(),
      name: form.name.trim() || null,
    });
    if (!session.successUrl) return c.html(messagePage("Payment complete", "Thank you! You can close this page."));
    return c.redirect(session.successUrl.replaceAll("{CHECKOUT_SESSION_ID}", session.id), 303);
  });
  return app;
}
