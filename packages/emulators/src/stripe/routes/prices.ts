import { Hono } from "hono";
import { createPrice } from "../billing/catalog.ts";
import type { Emulator } from "../context.ts";
import { changedFields, emit } from "../events.ts";
import { paginate } from "../pagination.ts";
import { priceView } from "../views/catalog.ts";
import { type Env, fromRequest, load, owned, respond } from "./shared.ts";

const createParams = [
  "product",
  "product_data",
  "unit_amount",
  "currency",
  "recurring",
  "active",
  "metadata",
  "nickname",
  "lookup_key",
  "tax_behavior",
];

export function priceRoutes(emu: Emulator) {
  const app = new Hono<Env>();

  app.post("/", (c) => {
    const params = c.get("params").allow(...createParams);
    return respond(emu, c, priceView(createPrice(emu, c.get("account").id, params, fromRequest(c))));
  });

  app.get("/", (c) => {
    const params = c.get("params");
    params.allow("product", "active", "type", "currency", "lookup_keys", "limit", "starting_after", "ending_before");
    const product = params.string("product");
    const active = params.bool("active");
    const type = params.oneOf("type", ["one_time", "recurring"]);
    const currency = params.string("currency")?.toLowerCase();
    const lookupKeys = params.strings("lookup_keys");
    const prices = owned(emu, c, "prices").filter(
      (p) =>
        (!product || p.product === product) &&
        (active === undefined || p.active === active) &&
        (!type || (type === "recurring") === (p.recurring !== null)) &&
        (!currency || p.currency === currency) &&
        (!lookupKeys || (p.lookupKey !== null && lookupKeys.includes(p.lookupKey))),
    );
    return respond(emu, c, paginate(prices, params, "/v1/prices", "price", priceView));
  });

  app.get("/:id", (c) => respond(emu, c, priceView(load(emu, c, "prices", "price"))));

  // Amount, currency, product and interval are immutable on Stripe: they are unknown parameters here.
  app.post("/:id", (c) => {
    const price = load(emu, c, "prices", "price");
    const params = c.get("params").allow("active", "metadata", "nickname", "lookup_key");
    const before = priceView(price);
    price.active = params.bool("active") ?? price.active;
    price.metadata = params.metadata(price.metadata);
    const nickname = params.nullable("nickname");
    if (nickname !== undefined) price.nickname = nickname;
    const lookupKey = params.nullable("lookup_key");
    if (lookupKey !== undefined) price.lookupKey = lookupKey;
    const after = priceView(price);
    emit(emu, price.accountId, "price.updated", after, { ...fromRequest(c), previous: changedFields(before, after) });
    return respond(emu, c, after);
  });
  return app;
}
