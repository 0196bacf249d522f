import { errorMessage } from "@marquee/ui/trpc";
import { createContext, type ReactNode, use, useEffect, useState, useSyncExternalStore } from "react";
import { trpc } from "../../../lib/trpc";
import type { UploadItem } from "./upload-item";
import { UploadQueue } from "./upload-queue";

type UploadQueueValue = { queue: UploadQueue; announcement: string };

const UploadQueueContext = createContext<UploadQueueValue | null>(null);

/** Holds the uploads for the whole Videos area, so opening a video's page does not stop them. */
export function UploadQueueProvider({ children }: { children: ReactNode }) {
  const utils = trpc.useUtils();
  const [announcement, setAnnouncement] = useState("");
  const [queue] = useState(
    () =>
      new UploadQueue({
        createUpload: (input) => utils.client.videos.createUpload.mutate(input),
        removeVideo: (id) => utils.client.videos.remove.mutate({ id }),
        onVideosChanged: () => void utils.videos.list.invalidate(),
        describeError: errorMessage,
        announce: setAnnouncement,
      }),
  );
  useEffect(() => () => queue.stopAll(), [queue]);
  return <UploadQueueContext value={{ queue, announcement }}>{children}</UploadQueueContext>;
}

export function useUploadQueue(): UploadQueueValue & { items: UploadItem[] } {
  const value = use(UploadQueueContext);
  if (!value) throw new Error("useUploadQueue must be used inside the Videos area");
  const items = useSyncExternalStore(value.queue.subscribe, value.queue.getSnapshot);
  return { ...value, items };
}
