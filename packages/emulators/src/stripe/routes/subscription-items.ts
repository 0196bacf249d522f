import type { Emulator } from "../context.ts";
import { badRequest, invalidParam } from "../errors.ts";
import { newId } from "../ids.ts";
import type { Params } from "../params.ts";
import type { Subscription } from "../types.ts";
import { type ApiContext, lookup } from "./shared.ts";

function recurringPrice(emu: Emulator, c: ApiContext, subscription: Subscription, item: Params) {
  const param = item.name("price");
  const price = lookup(emu, c, "prices", "price", item.required("price"), param);
  if (!price.active)
    throw invalidParam(param, "The price specified is inactive. This field only accepts active prices.");
  if (!price.recurring) {
    throw invalidParam(
      param,
      "The price specified is set to `type=one_time` but this field only accepts prices with `type=recurring`.",
    );
  }
  if (price.currency !== subscription.currency) {
    throw invalidParam(
      param,
      `The price's currency (${price.currency}) must match the subscription's (${subscription.currency}).`,
    );
  }
  return price;
}

/**
 * `items[i]`: with `id`, change that item's price or quantity (or remove it with `deleted`); without, add an item.
 * Periods are kept and nothing is prorated (`proration_behavior` is accepted and ignored).
 */
export function updateItems(emu: Emulator, c: ApiContext, subscription: Subscription, items: Params[]) {
  for (const item of items) {
    item.allow("id", "price", "quantity", "deleted", "metadata");
    const id = item.string("id");
    const quantity = item.int("quantity", 1, 999_999);
    if (!id) {
      const first = subscription.items[0];
      subscription.items.push({
        id: newId("si"),
        price: recurringPrice(emu, c, subscription, item).id,
        quantity: quantity ?? 1,
        metadata: item.metadata(),
        created: emu.clock.unix(),
        currentPeriodStart: first?.currentPeriodStart ?? emu.clock.unix(),
        currentPeriodEnd: first?.currentPeriodEnd ?? emu.clock.unix(),
      });
      continue;
    }
    const existing = subscription.items.find((i) => i.id === id);
    if (!existing) throw invalidParam(item.name("id"), `No such subscription item: '${id}'`, "resource_missing");
    if (item.bool("deleted")) {
      if (subscription.items.length === 1)
        throw badRequest("A subscription must have at least one active plan.", item.name("deleted"));
      subscription.items.splice(subscription.items.indexOf(existing), 1);
      continue;
    }
    if (item.has("price")) existing.price = recurringPrice(emu, c, subscription, item).id;
    existing.quantity = quantity ?? existing.quantity;
    existing.metadata = item.metadata(existing.metadata);
  }
}
