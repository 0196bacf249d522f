import { Alert, Button, PageHeader, toast } from "@marquee/ui";
import { errorMessage } from "@marquee/ui/trpc";
import { Ban, Pencil, Radio, Square } from "lucide-react";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { formatClassStart, formatMinutes } from "../../../lib/format";
import { useTenant } from "../../../lib/tenant-context";
import { trpc } from "../../../lib/trpc";
import type { LiveClassRow } from "../../../lib/types";
import { BackToClasses } from "../back-to-classes";
import { BroadcastCard } from "../broadcast/broadcast-card";
import { isOnAir } from "../broadcast/broadcast-controller";
import { EncoderPanel } from "../broadcast/encoder-panel";
import { KeptRecordingCard } from "../broadcast/kept-recording-card";
import { RecordingUploadCard } from "../broadcast/recording-upload-card";
import { useBroadcast } from "../broadcast/use-broadcast";
import { CancelClassDialog } from "../cancel-class-dialog";
import { ClassLoadState } from "../class-load-state";
import { ClassStatusBadge } from "../class-status";
import { invalidateClass, useLiveClass } from "../use-live-class";
import { BroadcastLeaveGuard } from "./broadcast-leave-guard";
import { ClassStats, ClassSummary } from "./class-stats";
import { EndClassDialog } from "./end-class-dialog";

/** `/t/:tenantSlug/live/:classId`: the class at a glance, and where it is broadcast from. */
export function ClassPage() {
  const { classId = "" } = useParams();
  const { query, liveClass } = useLiveClass(classId, { poll: true });
  if (!liveClass) return <ClassLoadState query={query} />;
  return <ClassView liveClass={liveClass} />;
}

function ClassView({ liveClass }: { liveClass: LiveClassRow }) {
  const tenant = useTenant();
  const utils = trpc.useUtils();
  const broadcast = useBroadcast(liveClass);
  const [ending, setEnding] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const markLive = trpc.live.markLive.useMutation({
    onSuccess: async () => {
      toast.success(`${liveClass.title} is live`);
      await invalidateClass(utils, liveClass.id);
    },
    onError: (error) => toast.error(errorMessage(error)),
  });
  const onAir = isOnAir(broadcast.snapshot);
  const { status } = liveClass;
  const open = status === "scheduled" || status === "live";
  const upload = broadcast.snapshot.upload;
  // Offered only before this page broadcasts or uploads itself: a newer recording replaces what it would upload.
  const keptRecording =
    broadcast.snapshot.status === "idle" && !upload ? (
      <KeptRecordingCard classId={liveClass.id} onUpload={(kept) => broadcast.controller.uploadKeptFile(kept)} />
    ) : null;

  return (
    <div className="grid gap-6">
      <title>{`${liveClass.title} · Live classes · ${tenant.name} · Marquee Console`}</title>
      <PageHeader
        eyebrow={<BackToClasses />}
        title={liveClass.title}
        description={
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <ClassStatusBadge status={status} />
            <span className="text-sm">
              <time dateTime={liveClass.scheduledStart.toISOString()}>
                {formatClassStart(liveClass.scheduledStart)}
              </time>
              {` · ${formatMinutes(liveClass.durationMinutes)} · ${liveClass.instructorName}`}
            </span>
          </span>
        }
        actions={
          open ? (
            <>
              <Button asChild variant="outline">
                <Link to={`/t/${tenant.slug}/live/${liveClass.id}/edit`}>
                  <Pencil aria-hidden="true" />
                  Edit
                </Link>
              </Button>
              {status === "scheduled" && !onAir ? (
                <>
                  <Button variant="outline" onClick={() => setCancelling(true)}>
                    <Ban aria-hidden="true" />
                    Cancel class
                  </Button>
                  <Button
                    variant="outline"
                    loading={markLive.isPending}
                    onClick={() => markLive.mutate({ id: liveClass.id })}
                  >
                    <Radio aria-hidden="true" />
                    Mark live
                  </Button>
                </>
              ) : (
                <Button variant="destructive" onClick={() => setEnding(true)}>
                  <Square aria-hidden="true" />
                  End class
                </Button>
              )}
            </>
          ) : null
        }
      />
      {status === "scheduled" ? (
        <p className="-mt-2 text-sm text-muted-foreground">
          Streaming with an encoder? Use Mark live when you start, so members see the class as live straight away.
        </p>
      ) : null}
      {open && liveClass.inputError ? <InputErrorAlert message={liveClass.inputError} /> : null}
      <ClassStats liveClass={liveClass} />
      {open ? (
        <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_26rem]">
          <div className="grid min-w-0 content-start gap-6">
            {keptRecording}
            <BroadcastCard broadcast={broadcast} />
            {upload ? <RecordingUploadCard upload={upload} onRetry={() => broadcast.controller.retryUpload()} /> : null}
          </div>
          <EncoderPanel liveClass={liveClass} browserOnAir={onAir} />
        </div>
      ) : (
        <div className="grid max-w-3xl gap-6">
          {keptRecording}
          {upload ? <RecordingUploadCard upload={upload} onRetry={() => broadcast.controller.retryUpload()} /> : null}
          <ClassSummary liveClass={liveClass} />
        </div>
      )}
      <EndClassDialog
        liveClass={liveClass}
        open={ending}
        onOpenChange={setEnding}
        broadcasting={onAir}
        stopBroadcast={() => broadcast.controller.stop()}
      />
      <CancelClassDialog liveClass={cancelling ? liveClass : null} onClose={() => setCancelling(false)} />
      <BroadcastLeaveGuard broadcast={broadcast} />
    </div>
  );
}

/** Cloudflare's own words on why it turned the stream away, with what it accepts. */
function InputErrorAlert({ message }: { message: string }) {
  return (
    <Alert tone="destructive" title="Cloudflare refused the broadcast">
      <p className="font-mono text-xs break-words">{message}</p>
      <p className="mt-1">
        Set your encoder to H.264 video and AAC audio, a closed GOP with a keyframe every 2–10 seconds, and a bitrate
        between 2 and 14 Mbps, then start streaming again.
      </p>
    </Alert>
  );
}
