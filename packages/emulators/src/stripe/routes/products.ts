import { Hono } from "hono";
import { createProduct } from "../billing/catalog.ts";
import type { Emulator } from "../context.ts";
import { badRequest, noSuch } from "../errors.ts";
import { changedFields, emit } from "../events.ts";
import { paginate } from "../pagination.ts";
import { productView } from "../views/catalog.ts";
import { type Env, fromRequest, load, owned, respond } from "./shared.ts";

export function productRoutes(emu: Emulator) {
  const app = new Hono<Env>();

  app.post("/", (c) => {
    const params = c.get("params").allow("id", "name", "description", "active", "metadata");
    return respond(emu, c, productView(createProduct(emu, c.get("account").id, params, fromRequest(c))));
  });

  app.get("/", (c) => {
    const params = c.get("params").allow("active", "ids", "limit", "starting_after", "ending_before", "created");
    const active = params.bool("active");
    const ids = params.strings("ids");
    const products = owned(emu, c, "products").filter(
      (p) => (active === undefined || p.active === active) && (!ids || ids.includes(p.id)),
    );
    return respond(emu, c, paginate(products, params, "/v1/products", "product", productView));
  });

  app.get("/:id", (c) => respond(emu, c, productView(load(emu, c, "products", "product"))));

  app.post("/:id", (c) => {
    const product = load(emu, c, "products", "product");
    const params = c.get("params").allow("name", "description", "active", "metadata", "default_price");
    const before = productView(product);
    const name = params.string("name");
    if (name !== undefined) product.name = params.required("name", { max: 250 });
    const description = params.nullable("description");
    if (description !== undefined) product.description = description;
    product.active = params.bool("active") ?? product.active;
    product.metadata = params.metadata(product.metadata);
    const defaultPrice = params.nullable("default_price");
    if (defaultPrice) {
      const price = emu.store.find("prices", product.accountId, defaultPrice);
      if (price?.product !== product.id) throw noSuch("price", defaultPrice, "default_price");
    }
    if (defaultPrice !== undefined) product.defaultPrice = defaultPrice;
    product.updated = emu.clock.unix();
    const after = productView(product);
    emit(emu, product.accountId, "product.updated", after, {
      ...fromRequest(c),
      previous: changedFields(before, after),
    });
    return respond(emu, c, after);
  });

  app.delete("/:id", (c) => {
    const product = load(emu, c, "products", "product");
    if (emu.store.state.prices.some((p) => p.product === product.id)) {
      throw badRequest("This product cannot be deleted because it has one or more user-created prices.");
    }
    emu.store.state.products.splice(emu.store.state.products.indexOf(product), 1);
    emit(emu, product.accountId, "product.deleted", productView(product), fromRequest(c));
    return c.json({ id: product.id, object: "product", deleted: true });
  });
  return app;
}
