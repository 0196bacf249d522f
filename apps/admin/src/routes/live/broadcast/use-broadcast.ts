import { toast } from "@marquee/ui";
import { errorMessage } from "@marquee/ui/trpc";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { trpc } from "../../../lib/trpc";
import type { LiveClassRow } from "../../../lib/types";
import { invalidateClass } from "../use-live-class";
import { BroadcastController, type BroadcastDeps, type BroadcastSnapshot } from "./broadcast-controller";

export type Broadcast = { controller: BroadcastController; snapshot: BroadcastSnapshot };

/** The class page's browser broadcast; it ends with the page. */
export function useBroadcast(liveClass: LiveClassRow): Broadcast {
  const utils = trpc.useUtils();
  const setMode = trpc.live.setBroadcastMode.useMutation();
  const createUpload = trpc.live.createRecordingUpload.useMutation();
  const markLive = trpc.live.markLive.useMutation({
    onSuccess: () => invalidateClass(utils, liveClass.id),
    // Cloudflare's own status makes the class live within a minute anyway.
    onError: (error) => toast.error("The class could not be marked live", { description: errorMessage(error) }),
  });
  const deps = useRef<BroadcastDeps | null>(null);
  const [controller] = useState(
    () =>
      new BroadcastController(() => {
        if (!deps.current) throw new Error("The broadcast is not ready yet");
        return deps.current;
      }),
  );
  const snapshot = useSyncExternalStore(controller.subscribe, controller.getSnapshot);
  const { id, status } = liveClass;

  useEffect(() => {
    deps.current = {
      classId: id,
      prepare: async () => {
        await setMode.mutateAsync({ id, mode: "webrtc" });
        void invalidateClass(utils, id);
        const details = await utils.live.broadcast.fetch({ id }, { staleTime: 0 });
        return details.whipUrl;
      },
      onConnected: () => {
        if (status === "scheduled") markLive.mutate({ id });
      },
      createRecordingUpload: async (sizeBytes) => {
        const upload = await createUpload.mutateAsync({ id, sizeBytes });
        void invalidateClass(utils, id);
        return upload;
      },
      describeError: errorMessage,
    };
  });

  useEffect(() => () => controller.dispose(), [controller]);

  return { controller, snapshot };
}
