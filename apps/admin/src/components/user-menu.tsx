import {
  Avatar,
  cn,
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
  focusRing,
  toast,
} from "@marquee/ui";
import { errorMessage } from "@marquee/ui/trpc";
import { useQueryClient } from "@tanstack/react-query";
import { ChevronsUpDown, ExternalLink, LogOut, ShieldCheck } from "lucide-react";
import { useNavigate } from "react-router";
import { trpc } from "../lib/trpc";
import type { Me } from "../lib/types";

export function UserMenu({ me }: { me: Me }) {
  const queryClient = useQueryClient();
  const utils = trpc.useUtils();
  const navigate = useNavigate();
  const signOut = trpc.auth.signOut.useMutation({
    onSuccess: async () => {
      // Nothing the previous user saw may linger for the next one on this screen.
      queryClient.clear();
      utils.me.setData(undefined, null);
      await navigate("/sign-in", { replace: true });
      toast.success("You're signed out");
    },
    onError: (error) => toast.error(errorMessage(error)),
  });

  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        disabled={signOut.isPending}
        className={cn(
          "flex w-full cursor-pointer items-center gap-3 rounded-lg p-2 text-left transition-colors hover:bg-subtle",
          focusRing,
        )}
      >
        <Avatar name={me.user.name} />
        <span className="grid min-w-0 flex-1">
          <span className="truncate text-sm font-medium">{me.user.name}</span>
          <span className="truncate text-xs text-muted-foreground">{me.user.email}</span>
        </span>
        <ChevronsUpDown aria-hidden="true" className="size-4 shrink-0 text-muted-foreground" />
      </DropdownMenuTrigger>
      <DropdownMenuContent side="top" align="start" className="w-(--radix-dropdown-menu-trigger-width)">
        <DropdownMenuLabel className="text-xs text-muted-foreground">
          {me.user.isPlatformAdmin ? (
            <span className="inline-flex items-center gap-1.5">
              <ShieldCheck aria-hidden="true" className="size-3.5" />
              Platform administrator
            </span>
          ) : (
            "Signed in"
          )}
        </DropdownMenuLabel>
        <DropdownMenuItem asChild>
          {/* The portal is a separate app: a full page load, not a router link. */}
          <a href="/">
            <ExternalLink aria-hidden="true" />
            Open the portal
          </a>
        </DropdownMenuItem>
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={() => signOut.mutate()}>
          <LogOut aria-hidden="true" />
          Sign out
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
