import { html, join, page } from "./layout.ts";

export type PortalPlan = {
  subscriptionId: string;
  productName: string;
  price: string;
  status: string;
  /** "Renews on March 5, 2027" or "Cancels on …". */
  dateLine: string;
  cancelAtPeriodEnd: boolean;
  switches: { priceId: string; label: string }[];
};

export type PortalPageModel = {
  merchant: string;
  returnUrl: string | null;
  email: string | null;
  plans: PortalPlan[];
  notice?: string;
  error?: string;
};

const statusLabels: Record<string, string> = {
  trialing: "Trial",
  active: "Active",
  past_due: "Past due",
  incomplete: "Incomplete",
};

function action(plan: PortalPlan, name: string, label: string, extra: { priceId?: string; secondary?: boolean } = {}) {
  return html`<form method="post"><input type="hidden" name="action" value="${name}"><input type="hidden" name="subscription" value="${plan.subscriptionId}">${extra.priceId ? html`<input type="hidden" name="price" value="${extra.priceId}">` : ""}<button type="submit"${extra.secondary ? html` class="secondary"` : ""}>${label}</button></form>`;
}

function planCard(plan: PortalPlan) {
  const cancelToggle = plan.cancelAtPeriodEnd
    ? action(plan, "uncancel", "Don't cancel")
    : action(plan, "cancel", "Cancel plan", { secondary: true });
  const switches = plan.cancelAtPeriodEnd
    ? []
    : plan.switches.map((option) => action(plan, "switch", option.label, { priceId: option.priceId, secondary: true }));
  return html`<section class="card" aria-labelledby="plan-${plan.subscriptionId}">
<h2 id="plan-${plan.subscriptionId}">${plan.productName} <span class="badge">${statusLabels[plan.status] ?? plan.status}</span></h2>
<p class="amount">${plan.price}</p>
<p class="muted">${plan.dateLine}</p>
<div class="actions">${cancelToggle}${join(switches)}</div>
</section>`;
}

export function portalPage(model: PortalPageModel): string {
  const title = `${model.merchant} billing`;
  const body = html`<main>
${model.returnUrl ? html`<p><a href="${model.returnUrl}">← Return to ${model.merchant}</a></p>` : ""}
<p class="muted">${model.merchant}${model.email ? ` · ${model.email}` : ""}</p>
<h1>Manage your subscription</h1>
${model.notice ? html`<div class="notice" role="status">${model.notice}</div>` : ""}
${model.error ? html`<div class="alert" role="alert">${model.error}</div>` : ""}
${model.plans.length > 0 ? join(model.plans.map(planCard)) : html`<div class="card"><p>No active subscription</p></div>`}
</main>`;
  return page(title, body);
}
