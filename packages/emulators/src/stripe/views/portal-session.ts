import type { Emulator } from "../context.ts";
import type { PortalSession } from "../types.ts";
import { portalPageUrl } from "../urls.ts";

export function portalSessionView(emu: Emulator, session: PortalSession) {
  return {
    id: session.id,
    object: "billing_portal.session",
    configuration: emu.store.account(session.accountId)?.portalConfiguration ?? null,
    created: session.created,
    customer: session.customer,
    customer_account: null,
    flow: null,
    livemode: false,
    locale: null,
    on_behalf_of: null,
    return_url: session.returnUrl,
    url: portalPageUrl(emu.baseUrl, session.id),
  };
}
