import type { Account } from "../types.ts";

export function accountView(account: Account) {
  return {
    id: account.id,
    object: "account",
    business_profile: {
      mcc: null,
      name: account.displayName,
      product_description: null,
      support_address: null,
      support_email: null,
      support_phone: null,
      support_url: null,
      url: null,
    },
    business_type: "company",
    capabilities: { card_payments: "active", transfers: "active" },
    charges_enabled: true,
    controller: { type: "account" },
    country: "US",
    created: account.created,
    default_currency: "usd",
    details_submitted: true,
    email: null,
    metadata: {},
    payouts_enabled: true,
    settings: {
      branding: { icon: null, logo: null, primary_color: null, secondary_color: null },
      dashboard: { display_name: account.displayName, timezone: "Etc/UTC" },
    },
    type: "standard",
  };
}
