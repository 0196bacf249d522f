import { Alert, Button, Card, CardContent, CardDescription, CardHeader, CardTitle, Skeleton, toast } from "@marquee/ui";
import { errorMessage } from "@marquee/ui/trpc";
import { Eye, EyeOff } from "lucide-react";
import { type ReactNode, useId, useState } from "react";
import { CopyField } from "../../../components/copy-field";
import { trpc } from "../../../lib/trpc";
import type { BroadcastDetails, LiveClassRow } from "../../../lib/types";
import { invalidateClass } from "../use-live-class";

const MASK = "••••••••••••••••••••";

/** Cloudflare's SRT URL as encoders take it: the passphrase and stream id ride in the query. */
function srtUrlOf(srt: NonNullable<BroadcastDetails["srt"]>): string {
  const url = new URL(srt.url);
  url.searchParams.set("passphrase", srt.passphrase);
  url.searchParams.set("streamid", srt.streamId);
  return url.toString();
}

type EncoderPanelProps = {
  liveClass: LiveClassRow;
  /** A browser broadcast is running in this page: the class must stay in browser mode meanwhile. */
  browserOnAir: boolean;
};

/**
 * RTMPS and SRT for OBS and other encoders. Revealing or copying a secret is the moment the
 * instructor commits to an encoder, so that is when the class switches to encoder mode (members
 * then watch over HLS); there is no separate switch to forget.
 */
export function EncoderPanel({ liveClass, browserOnAir }: EncoderPanelProps) {
  const utils = trpc.useUtils();
  const titleId = useId();
  const [revealed, setRevealed] = useState(false);
  const details = trpc.live.broadcast.useQuery({ id: liveClass.id }, { staleTime: 5 * 60_000 });
  const setMode = trpc.live.setBroadcastMode.useMutation({
    onSuccess: () => invalidateClass(utils, liveClass.id),
    onError: (error) => toast.error("The class could not switch to encoder mode", { description: errorMessage(error) }),
  });

  function chooseEncoder() {
    if (browserOnAir || liveClass.broadcastMode === "encoder" || setMode.isPending) return;
    setMode.mutate({ id: liveClass.id, mode: "encoder" });
  }

  return (
    <Card role="region" aria-labelledby={titleId}>
      <CardHeader className="flex flex-wrap items-start justify-between gap-3">
        <div className="grid gap-1">
          <CardTitle id={titleId}>Stream from OBS or another encoder</CardTitle>
          <CardDescription>
            When you stream with an encoder, members watch over HLS and Cloudflare records the class.
          </CardDescription>
        </div>
        <Button
          variant={revealed ? "secondary" : "outline"}
          size="sm"
          aria-pressed={revealed}
          disabled={!details.data}
          onClick={() => {
            if (!revealed) chooseEncoder();
            setRevealed(!revealed);
          }}
        >
          {revealed ? <EyeOff aria-hidden="true" /> : <Eye aria-hidden="true" />}
          Reveal
        </Button>
      </CardHeader>
      <CardContent className="grid gap-4">
        {details.isPending ? (
          <div role="status" aria-label="Loading the stream settings" className="grid gap-4">
            <Skeleton className="h-9" />
            <Skeleton className="h-9" />
            <Skeleton className="h-9" />
          </div>
        ) : details.isError ? (
          <Alert tone="destructive" title="The stream settings could not be loaded">
            {errorMessage(details.error)}{" "}
            <Button variant="link" size="sm" onClick={() => void details.refetch()}>
              Try again
            </Button>
          </Alert>
        ) : (
          <>
            <ModeNote liveClass={liveClass} browserOnAir={browserOnAir} />
            {details.data.rtmps ? (
              <IngestField
                label="RTMPS URL"
                copyLabel="RTMPS URL"
                value={details.data.rtmps.url}
                onCopy={chooseEncoder}
              />
            ) : null}
            {details.data.rtmps ? (
              <IngestField
                label="Stream key"
                copyLabel="stream key"
                value={details.data.rtmps.streamKey}
                hidden={!revealed}
                onCopy={chooseEncoder}
              />
            ) : null}
            {details.data.srt ? (
              <IngestField
                label="SRT URL"
                copyLabel="SRT URL"
                value={srtUrlOf(details.data.srt)}
                hidden={!revealed}
                onCopy={chooseEncoder}
                description="For encoders that speak SRT; it includes the passphrase."
              />
            ) : null}
            {!details.data.rtmps && !details.data.srt ? (
              <p className="text-sm text-muted-foreground">Cloudflare gave this class no encoder address.</p>
            ) : null}
          </>
        )}
      </CardContent>
    </Card>
  );
}

function ModeNote({ liveClass, browserOnAir }: EncoderPanelProps) {
  if (browserOnAir) {
    return (
      <p className="text-sm text-muted-foreground">
        You are broadcasting from this browser. Stop that broadcast before you stream with an encoder.
      </p>
    );
  }
  if (liveClass.broadcastMode === "webrtc") {
    return (
      <p className="text-sm text-muted-foreground">
        This class is set up for a browser broadcast. Revealing or copying the stream key switches it to your encoder.
      </p>
    );
  }
  return null;
}

type IngestFieldProps = {
  label: string;
  copyLabel: string;
  value: string;
  hidden?: boolean;
  description?: ReactNode;
  onCopy: () => void;
};

/** Copying works while the value is masked; it also counts as choosing the encoder. */
function IngestField({ hidden = false, ...field }: IngestFieldProps) {
  return <CopyField {...field} display={hidden ? MASK : field.value} />;
}
