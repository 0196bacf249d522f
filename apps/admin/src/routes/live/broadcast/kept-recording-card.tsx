import { Button, Card, CardDescription, CardFooter, CardHeader, CardTitle, ConfirmDialog, toast } from "@marquee/ui";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Trash2, Upload } from "lucide-react";
import { useEffect, useId, useState } from "react";
import { formatBytes, formatDateTime } from "../../../lib/format";
import {
  findKeptRecordings,
  type KeptFile,
  type KeptRecordings,
  removeKeptRecording,
  waitForKeptRecording,
} from "./kept-recordings";

type KeptRecordingCardProps = {
  classId: string;
  /** Hands the recording to the page's broadcast, whose upload card then shows its progress. */
  onUpload: (kept: KeptFile) => void;
};

/**
 * A recording an earlier page of this class kept in the browser and never uploaded: the tab
 * crashed, was closed, or left mid-upload. The newest first; the next shows once it is dealt with.
 */
export function KeptRecordingCard({ classId, onUpload }: KeptRecordingCardProps) {
  const queryClient = useQueryClient();
  const titleId = useId();
  const [discarding, setDiscarding] = useState(false);
  const queryKey = ["kept-recordings", classId];
  const kept = useQuery({ queryKey, queryFn: () => findKeptRecordings(classId), retry: false });
  const busy = kept.data?.busy.join("/") ?? "";
  const listedAt = kept.dataUpdatedAt;

  // A recording still held (by a page that is closing, or by this one while it uploads): look again once it is free.
  useEffect(() => {
    if (!busy) return;
    const stop = new AbortController();
    for (const name of busy.split("/")) {
      void waitForKeptRecording(name, stop.signal)
        .then(() => queryClient.invalidateQueries({ queryKey: ["kept-recordings", classId] }))
        .catch(() => undefined);
    }
    return () => stop.abort();
  }, [busy, listedAt, classId, queryClient]);

  const recording = kept.data?.idle[0];
  if (!recording) return null;

  const forget = (name: string) =>
    queryClient.setQueryData<KeptRecordings>(queryKey, (current) =>
      current ? { ...current, idle: current.idle.filter((other) => other.name !== name) } : current,
    );

  return (
    <Card role="region" aria-labelledby={titleId}>
      <CardHeader>
        <CardTitle id={titleId}>A recording from your last broadcast wasn't uploaded</CardTitle>
        <CardDescription>
          Recorded <time dateTime={recording.startedAt.toISOString()}>{formatDateTime(recording.startedAt)}</time>
          {` · ${formatBytes(recording.file.size)}. `}
          It is kept in this browser. Upload it to make it the class's replay, in place of any replay it has.
        </CardDescription>
      </CardHeader>
      <CardFooter className="flex-wrap">
        <Button
          onClick={() => {
            forget(recording.name);
            onUpload(recording);
          }}
        >
          <Upload aria-hidden="true" />
          Upload recording
        </Button>
        <Button variant="outline" onClick={() => setDiscarding(true)}>
          <Trash2 aria-hidden="true" />
          Discard
        </Button>
      </CardFooter>
      <ConfirmDialog
        open={discarding}
        onOpenChange={setDiscarding}
        title="Discard this recording?"
        description="It is deleted from this browser for good. The class keeps whatever replay it already has."
        confirmLabel="Discard recording"
        tone="destructive"
        onConfirm={async () => {
          try {
            await removeKeptRecording(recording.name);
          } catch (error) {
            toast.error("The recording could not be deleted from this browser");
            throw error;
          }
          forget(recording.name);
          toast.success("Recording discarded");
        }}
      />
    </Card>
  );
}
