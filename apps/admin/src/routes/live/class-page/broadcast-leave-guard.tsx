import { ConfirmDialog } from "@marquee/ui";
import { useEffect, useRef } from "react";
import { useBlocker } from "react-router";
import { type BroadcastSnapshot, isOnAir, needsPage } from "../broadcast/broadcast-controller";
import type { Broadcast } from "../broadcast/use-broadcast";

const COME_BACK = "open this class again to upload it.";

function describeLeaving(snapshot: BroadcastSnapshot): string {
  if (isOnAir(snapshot)) {
    return snapshot.recordingKept
      ? `The broadcast runs in this page: leaving ends it. Its recording stays in this browser: ${COME_BACK}`
      : "The broadcast runs in this page: leaving ends it, and its recording is lost, so the class will have no replay.";
  }
  return snapshot.uploadKept
    ? `The recording uploads from this page: leaving stops the upload. The recording stays in this browser: ${COME_BACK}`
    : "The recording uploads from this page: leaving stops it, and the class will have no replay.";
}

/** The broadcast and the recording's upload run in this page: ask before it goes away. */
export function BroadcastLeaveGuard({ broadcast }: { broadcast: Broadcast }) {
  const { snapshot } = broadcast;
  const busy = needsPage(snapshot);
  const onAir = isOnAir(snapshot);
  // Set once the user chose to leave: the dialog then closes without cancelling the navigation.
  const leaving = useRef(false);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => busy && currentLocation.pathname !== nextLocation.pathname,
  );

  useEffect(() => {
    if (!busy) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [busy]);

  return (
    <ConfirmDialog
      open={blocker.state === "blocked"}
      onOpenChange={(open) => {
        if (!open && !leaving.current) blocker.reset?.();
      }}
      title={onAir ? "Stop the broadcast and leave?" : "Stop the recording upload and leave?"}
      description={describeLeaving(snapshot)}
      confirmLabel="Leave"
      cancelLabel="Stay"
      tone="destructive"
      onConfirm={() => {
        leaving.current = true;
        blocker.proceed?.();
      }}
    />
  );
}
