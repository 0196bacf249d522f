import type { Emulator } from "../context.ts";
import { invalidParam, missingParam, noSuch } from "../errors.ts";
import { type EmitOptions, emit } from "../events.ts";
import { newId } from "../ids.ts";
import type { Params } from "../params.ts";
import type { Interval, Price, Product } from "../types.ts";
import { priceView, productView } from "../views/catalog.ts";

const intervals = ["day", "week", "month", "year"] as const satisfies readonly Interval[];

export function createProduct(emu: Emulator, accountId: string, params: Params, options: EmitOptions): Product {
  const now = emu.clock.unix();
  const product: Product = {
    id: params.string("id") || newId("prod"),
    accountId,
    name: params.required("name", { max: 250 }),
    description: params.nullable("description") ?? null,
    active: params.bool("active") ?? true,
    defaultPrice: null,
    metadata: params.metadata(),
    created: now,
    updated: now,
  };
  if (emu.store.find("products", accountId, product.id)) {
    throw invalidParam("id", `Product already exists.`, "resource_already_exists");
  }
  emu.store.state.products.push(product);
  emit(emu, accountId, "product.created", productView(product), options);
  return product;
}

/**
 * A price from `product` or `product_data`, `unit_amount`, `currency` and optional `recurring`, as in
 * `POST /v1/prices` and a Checkout line item's `price_data`.
 */
export function createPrice(
  emu: Emulator,
  accountId: string,
  params: Params,
  options: EmitOptions,
  inline = false,
): Price {
  const productData = params.object("product_data");
  let productId = params.string("product");
  if (productId && productData)
    throw invalidParam("product_data", "You may only specify one of these parameters: product, product_data.");
  if (productData)
    productId = createProduct(
      emu,
      accountId,
      productData.allow("name", "active", "description", "metadata"),
      options,
    ).id;
  if (!productId) throw missingParam(params.name("product"));
  if (!emu.store.find("products", accountId, productId)) throw noSuch("product", productId, params.name("product"));
  const recurring = params.object("recurring");
  const unitAmount = params.int("unit_amount", 0, 99_999_999);
  if (unitAmount === undefined) throw missingParam(params.name("unit_amount"));
  const currency = params.required("currency").toLowerCase();
  if (!/^[a-z]{3}$/.test(currency)) throw invalidParam(params.name("currency"), `Invalid currency: ${currency}.`);
  const price: Price = {
    id: newId("price"),
    accountId,
    product: productId,
    unitAmount,
    currency,
    recurring: recurring
      ? {
          interval: recurring.oneOf("interval", intervals) ?? fail(missingParam(recurring.name("interval"))),
          intervalCount: recurring.int("interval_count", 1, 36) ?? 1,
        }
      : null,
    // Prices made from a line item's `price_data` are archived at once, as on Stripe: they belong to that purchase.
    active: inline ? false : (params.bool("active") ?? true),
    nickname: params.nullable("nickname") ?? null,
    lookupKey: params.nullable("lookup_key") ?? null,
    metadata: params.metadata(),
    created: emu.clock.unix(),
  };
  emu.store.state.prices.push(price);
  emit(emu, accountId, "price.created", priceView(price), options);
  return price;
}

function fail(error: Error): never {
  throw error;
}
