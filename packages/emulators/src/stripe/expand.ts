import type { Emulator } from "./context.ts";
import { badRequest } from "./errors.ts";
import type { ApiObject } from "./types.ts";
import { priceView, productView } from "./views/catalog.ts";
import { checkoutSessionView, lineItemView } from "./views/checkout-session.ts";
import { customerView } from "./views/customer.ts";
import { invoiceView } from "./views/invoice.ts";
import { paymentIntentView } from "./views/payment-intent.ts";
import { subscriptionView } from "./views/subscription.ts";

type Resolve = (emu: Emulator, accountId: string, id: string) => ApiObject | undefined;

/** Which object an id names, by its prefix. */
const resolvers: [string, Resolve][] = [
  ["cus_", (emu, a, id) => map(emu.store.find("customers", a, id), customerView)],
  ["sub_", (emu, a, id) => map(emu.store.find("subscriptions", a, id), (s) => subscriptionView(emu, s))],
  ["in_", (emu, a, id) => map(emu.store.find("invoices", a, id), (i) => invoiceView(emu, i))],
  ["pi_", (emu, a, id) => map(emu.store.find("paymentIntents", a, id), paymentIntentView)],
  ["prod_", (emu, a, id) => map(emu.store.find("products", a, id), productView)],
  ["price_", (emu, a, id) => map(emu.store.find("prices", a, id), priceView)],
  ["cs_", (emu, a, id) => map(emu.store.find("checkoutSessions", a, id), (s) => checkoutSessionView(emu, s))],
];

const map = <T>(record: T | undefined, view: (record: T) => ApiObject) => (record ? view(record) : undefined);

/** Fields that exist only when expanded, like a Checkout Session's `line_items`. */
function virtualField(emu: Emulator, accountId: string, object: ApiObject, field: string): ApiObject | undefined {
  if (object.object !== "checkout.session" || field !== "line_items") return undefined;
  const session = emu.store.find("checkoutSessions", accountId, String(object.id));
  if (!session) return undefined;
  return {
    object: "list",
    data: session.lineItems.map((item) => lineItemView(emu, session, item)),
    has_more: false,
    url: `/v1/checkout/sessions/${session.id}/line_items`,
  };
}

const isObject = (value: unknown): value is ApiObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function expandPath(emu: Emulator, accountId: string, value: unknown, segments: string[], path: string): unknown {
  const [field, ...rest] = segments;
  if (field === undefined || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => expandPath(emu, accountId, item, segments, path));
  const cannot = badRequest(`This property cannot be expanded (${path}).`, "expand");
  if (!isObject(value)) throw cannot;
  let target = field in value ? value[field] : virtualField(emu, accountId, value, field);
  if (target === undefined) throw cannot;
  if (typeof target === "string") {
    const id = target;
    const resolve = resolvers.find(([prefix]) => id.startsWith(prefix))?.[1];
    target = resolve?.(emu, accountId, id);
    if (target === undefined) throw cannot;
  }
  return { ...value, [field]: expandPath(emu, accountId, target, rest, path) };
}

/** Applies `expand[]` paths such as `subscription`, `line_items` or `items.data.price.product`. */
export function expand(emu: Emulator, accountId: string, object: ApiObject, paths: string[]): ApiObject {
  let result = object;
  for (const path of paths) {
    const expanded = expandPath(emu, accountId, result, path.split("."), path);
    if (isObject(expanded)) result = expanded;
  }
  return result;
}
