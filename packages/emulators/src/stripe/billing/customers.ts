import type { Emulator } from "../context.ts";
import { type EmitOptions, emit } from "../events.ts";
import { newId, randomAlnum } from "../ids.ts";
import type { Customer, Metadata } from "../types.ts";
import { customerView } from "../views/customer.ts";

export type CustomerFields = {
  email: string | null;
  name: string | null;
  description?: string | null;
  phone?: string | null;
  metadata?: Metadata;
};

export function createCustomer(emu: Emulator, accountId: string, fields: CustomerFields, options: EmitOptions) {
  const customer: Customer = {
    id: newId("cus"),
    accountId,
    email: fields.email,
    name: fields.name,
    description: fields.description ?? null,
    phone: fields.phone ?? null,
    metadata: fields.metadata ?? {},
    invoicePrefix: randomAlnum(8).toUpperCase(),
    nextInvoiceSequence: 1,
    created: options.at ?? emu.clock.unix(),
    deleted: false,
  };
  emu.store.state.customers.push(customer);
  emit(emu, accountId, "customer.created", customerView(customer), options);
  return customer;
}
