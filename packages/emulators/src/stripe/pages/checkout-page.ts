import type { CardField } from "../billing/cards.ts";
import { type Html, html, join, page } from "./layout.ts";

export type CheckoutLine = { name: string; quantity: number; amount: string; interval: string };

export type CheckoutPageModel = {
  merchant: string;
  mode: "payment" | "subscription";
  lines: CheckoutLine[];
  total: string;
  /** "per month", or "" for one-time payments. */
  interval: string;
  trialDays: number | null;
  cancelUrl: string | null;
  email: string;
  emailLocked: boolean;
  name: string;
  error?: { message: string; field: CardField | null };
};

function field(
  model: CheckoutPageModel,
  id: string,
  name: CardField | "name",
  label: string,
  attributes: Html,
  value = "",
): Html {
  const invalid = model.error?.field === name;
  return html`<label for="${id}">${label}</label>
<input id="${id}" name="${name}" value="${value}" ${attributes}${invalid ? html` aria-invalid="true" aria-describedby="form-error"` : ""}>`;
}

export function checkoutPage(model: CheckoutPageModel): string {
  const subscribing = model.mode === "subscription";
  const headline = subscribing ? `Subscribe to ${model.lines[0]?.name ?? model.merchant}` : `Pay ${model.merchant}`;
  const trial = model.trialDays
    ? html`<p class="muted">${model.trialDays} days free, then ${model.total} ${model.interval}</p>`
    : "";
  const items = join(
    model.lines.map(
      (line) =>
        html`<li><span>${line.name}${line.quantity > 1 ? ` × ${line.quantity}` : ""}</span><span>${line.amount}${line.interval ? ` ${line.interval}` : ""}</span></li>`,
    ),
  );
  const error = model.error ? html`<div class="alert" role="alert" id="form-error">${model.error.message}</div>` : "";
  const submit = subscribing ? (model.trialDays ? "Start trial" : "Subscribe") : `Pay ${model.total}`;
  const body = html`<main class="grid">
<section aria-labelledby="summary-title">
${model.cancelUrl ? html`<p><a href="${model.cancelUrl}">← Back</a></p>` : ""}
<p class="muted">${model.merchant}</p>
<h1 id="summary-title">${headline}</h1>
<p class="amount">${model.trialDays ? `${model.trialDays} days free` : model.total} ${model.trialDays ? "" : html`<span class="muted">${model.interval}</span>`}</p>
${trial}
<ul class="items">${items}</ul>
</section>
<section class="card" aria-labelledby="pay-title">
<h2 id="pay-title">${subscribing ? "Subscription details" : "Payment details"}</h2>
${error}
<form method="post" novalidate>
${field(model, "email", "email", "Email", html`type="email" autocomplete="email" required${model.emailLocked ? html` readonly` : ""}`, model.email)}
<fieldset><legend>Card information</legend>
${field(model, "card-number", "number", "Card number", html`inputmode="numeric" autocomplete="cc-number" placeholder="1234 1234 1234 1234" required`)}
<div class="row"><div>${field(model, "card-expiry", "expiry", "Expiry (MM / YY)", html`autocomplete="cc-exp" placeholder="MM / YY" required`)}</div>
<div>${field(model, "card-cvc", "cvc", "CVC", html`inputmode="numeric" autocomplete="cc-csc" placeholder="123" required`)}</div></div>
</fieldset>
${field(model, "card-name", "name", "Name on card", html`autocomplete="cc-name"`, model.name)}
<button type="submit" class="wide">${submit}</button>
</form>
<p class="hint">Test cards: 4242 4242 4242 4242 succeeds, 4000 0000 0000 0002 is declined, 4000 0000 0000 9995 has insufficient funds. Any future expiry and any CVC.</p>
</section>
</main>`;
  return page(headline, body);
}
