import { createContext, type ReactNode, use } from "react";
import type { Membership } from "./types";

const TenantContext = createContext<Membership | null>(null);

export function TenantProvider({ value, children }: { value: Membership; children: ReactNode }) {
  return <TenantContext value={value}>{children}</TenantContext>;
}

/** The organization of the current `/t/:tenantSlug` page and the viewer's role in it. */
export function useTenant(): Membership {
  const tenant = use(TenantContext);
  if (!tenant) throw new Error("useTenant must be used below /t/:tenantSlug");
  return tenant;
}
