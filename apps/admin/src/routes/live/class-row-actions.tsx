import {
  Button,
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@marquee/ui";
import { Ban, Ellipsis, Pencil, Radio } from "lucide-react";
import { Link } from "react-router";
import { useTenant } from "../../lib/tenant-context";
import type { LiveClassRow } from "../../lib/types";

type ClassRowActionsProps = { liveClass: LiveClassRow; onCancel: () => void };

/** Edit, Broadcast and Cancel class, for a class that has not started. */
export function ClassRowActions({ liveClass, onCancel }: ClassRowActionsProps) {
  const tenant = useTenant();
  const base = `/t/${tenant.slug}/live/${liveClass.id}`;
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon-sm" aria-label={`Actions for ${liveClass.title}`}>
          <Ellipsis aria-hidden="true" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent>
        <DropdownMenuItem asChild>
          <Link to={`${base}/edit`}>
            <Pencil aria-hidden="true" />
            Edit
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem asChild>
          <Link to={base}>
            <Radio aria-hidden="true" />
            Broadcast
          </Link>
        </DropdownMenuItem>
        <DropdownMenuSeparator />
        <DropdownMenuItem tone="destructive" onSelect={onCancel}>
          <Ban aria-hidden="true" />
          Cancel class
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
