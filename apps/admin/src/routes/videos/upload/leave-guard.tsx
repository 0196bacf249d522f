import { ConfirmDialog } from "@marquee/ui";
import { useEffect, useRef } from "react";
import { useBlocker } from "react-router";
import { useTenant } from "../../../lib/tenant-context";
import { isUploadActive } from "./upload-item";
import { useUploadQueue } from "./upload-queue-context";

/** Uploads live in this tab's Videos area: ask before leaving it, or closing the tab, while some are running. */
export function LeaveGuard() {
  const tenant = useTenant();
  const { queue, items } = useUploadQueue();
  const active = items.some(isUploadActive);
  // Set once the user chose to leave: the dialog then closes without cancelling the navigation.
  const leaving = useRef(false);
  const base = `/t/${tenant.slug}/videos`;
  const blocker = useBlocker(
    ({ nextLocation }) => active && nextLocation.pathname !== base && !nextLocation.pathname.startsWith(`${base}/`),
  );

  useEffect(() => {
    if (!active) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [active]);

  return (
    <ConfirmDialog
      open={blocker.state === "blocked"}
      onOpenChange={(open) => {
        if (!open && !leaving.current) blocker.reset?.();
      }}
      title="Stop the uploads and leave?"
      description="Uploads run in this page. Leaving stops them, and videos that were not fully uploaded are deleted."
      confirmLabel="Stop uploads and leave"
      cancelLabel="Stay"
      tone="destructive"
      onConfirm={async () => {
        leaving.current = true;
        await queue.cancelAll();
        blocker.proceed?.();
      }}
    />
  );
}
