import { cn, focusRing } from "@marquee/ui";
import { Cloud, CreditCard, type LucideIcon, Radio } from "lucide-react";
import { NavLink } from "react-router";

type SettingsSection = { path: string; label: string; icon: LucideIcon };

// One entry per section, each a child route of the settings layout.
const sections: SettingsSection[] = [
  { path: "cloudflare", label: "Cloudflare", icon: Cloud },
  { path: "payments", label: "Payments", icon: CreditCard },
  { path: "live", label: "Live", icon: Radio },
];

export function SettingsNav() {
  return (
    <nav aria-label="Settings sections" className="overflow-x-auto border-b">
      <ul className="flex gap-1">
        {sections.map(({ path, label, icon: Icon }) => (
          <li key={path}>
            <NavLink
              to={path}
              className={cn(
                "-mb-px flex h-10 items-center gap-2 rounded-t-md border-b-2 border-transparent px-3 text-sm font-medium whitespace-nowrap text-muted-foreground transition-colors hover:text-foreground",
                "aria-[current=page]:border-primary aria-[current=page]:text-foreground",
                focusRing,
              )}
            >
              <Icon aria-hidden="true" className="size-4" />
              {label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
