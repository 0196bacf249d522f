import {
  Button,
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
  Spinner,
} from "@marquee/ui";
import { Archive, ArchiveRestore, Ellipsis, ExternalLink, Pencil } from "lucide-react";
import type { TenantRow } from "../../lib/types";

type TenantActionsProps = {
  tenant: TenantRow;
  busy: boolean;
  onEdit: () => void;
  onArchive: () => void;
  onRestore: () => void;
};

export function TenantActions({ tenant, busy, onEdit, onArchive, onRestore }: TenantActionsProps) {
  const active = tenant.status === "active";
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon-sm" aria-label={`Actions for ${tenant.name}`} disabled={busy}>
          {busy ? <Spinner label={null} /> : <Ellipsis aria-hidden="true" />}
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent>
        <DropdownMenuItem onSelect={onEdit}>
          <Pencil aria-hidden="true" />
          Edit
        </DropdownMenuItem>
        {active ? (
          <DropdownMenuItem asChild>
            {/* The member portal is a separate app: a full page load in a new tab. */}
            <a href={`/${tenant.slug}`} target="_blank" rel="noreferrer">
              <ExternalLink aria-hidden="true" />
              View public page
            </a>
          </DropdownMenuItem>
        ) : null}
        <DropdownMenuSeparator />
        {active ? (
          <DropdownMenuItem tone="destructive" onSelect={onArchive}>
            <Archive aria-hidden="true" />
            Archive
          </DropdownMenuItem>
        ) : (
          <DropdownMenuItem onSelect={onRestore}>
            <ArchiveRestore aria-hidden="true" />
            Restore
          </DropdownMenuItem>
        )}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
