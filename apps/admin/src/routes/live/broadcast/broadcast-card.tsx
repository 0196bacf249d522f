import {
  Alert,
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  cn,
  Field,
  Select,
} from "@marquee/ui";
import { Camera, Radio, Square } from "lucide-react";
import { useEffect, useId, useRef } from "react";
import { type BroadcastStatus, isOnAir } from "./broadcast-controller";
import { canRecordLocally } from "./local-recorder";
import { canUseMediaDevices } from "./media-devices";
import type { Broadcast } from "./use-broadcast";

const STATUS_LABELS: Record<BroadcastStatus, string> = {
  idle: "Not broadcasting",
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
  stopped: "Stopped",
};

const STATUS_DOTS: Record<BroadcastStatus, string> = {
  idle: "bg-muted-foreground/50",
  connecting: "bg-warning animate-pulse",
  live: "bg-destructive animate-pulse",
  reconnecting: "bg-warning animate-pulse",
  stopped: "bg-muted-foreground/50",
};

/** Camera and microphone straight from this page to Cloudflare over WebRTC (WHIP). */
export function BroadcastCard({ broadcast }: { broadcast: Broadcast }) {
  const { controller, snapshot } = broadcast;
  const onAir = isOnAir(snapshot);
  const supported = canUseMediaDevices();
  const noDevices = snapshot.camera === null;
  const titleId = useId();

  return (
    <Card role="region" aria-labelledby={titleId}>
      <CardHeader>
        <CardTitle id={titleId}>Broadcast from this browser</CardTitle>
        <CardDescription>
          Your camera goes straight to Cloudflare; members watch with about a second of delay. Keep this page open while
          you teach.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-5">
        {!supported ? (
          <Alert tone="warning" title="This browser cannot use a camera here">
            Open the console over HTTPS in a current browser, or stream with an encoder instead.
          </Alert>
        ) : null}
        {supported && !canRecordLocally() ? (
          <Alert tone="warning" title="This broadcast won't have a replay">
            This browser cannot record the broadcast. Use a current Chrome, Edge, Firefox or Safari, or stream with an
            encoder, for members to watch the class afterwards.
          </Alert>
        ) : null}
        <CameraPreview stream={snapshot.camera} />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Camera">
            <Select
              value={snapshot.cameraId ?? undefined}
              onValueChange={(value) => controller.selectCamera(value)}
              options={snapshot.cameras}
              placeholder={noDevices ? "Turn the camera on first" : "Choose a camera"}
              disabled={onAir || snapshot.cameras.length === 0 || snapshot.openingCamera}
            />
          </Field>
          <Field label="Microphone">
            <Select
              value={snapshot.microphoneId ?? undefined}
              onValueChange={(value) => controller.selectMicrophone(value)}
              options={snapshot.microphones}
              placeholder={noDevices ? "Turn the camera on first" : "Choose a microphone"}
              disabled={onAir || snapshot.microphones.length === 0 || snapshot.openingCamera}
            />
          </Field>
        </div>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div className="flex items-center gap-2 text-sm">
            <span aria-hidden="true" className={cn("size-2 rounded-full", STATUS_DOTS[snapshot.status])} />
            <p role="status" className="font-medium">
              {STATUS_LABELS[snapshot.status]}
            </p>
          </div>
          <div className="flex flex-wrap gap-2">
            {noDevices && !onAir ? (
              <Button
                variant="outline"
                disabled={!supported}
                loading={snapshot.openingCamera}
                onClick={() => void controller.openCamera()}
              >
                <Camera aria-hidden="true" />
                Preview camera
              </Button>
            ) : null}
            {/* One button that changes: focus stays on it when the broadcast starts or stops. */}
            <Button
              variant={onAir ? "destructive" : "primary"}
              disabled={!supported}
              onClick={() => void (onAir ? controller.stop() : controller.start())}
            >
              {onAir ? <Square aria-hidden="true" /> : <Radio aria-hidden="true" />}
              {onAir ? "Stop broadcast" : "Start broadcast"}
            </Button>
          </div>
        </div>
        {snapshot.cameraError ? <Alert tone="destructive">{snapshot.cameraError}</Alert> : null}
        {snapshot.error ? <Alert tone="destructive">{snapshot.error}</Alert> : null}
        {snapshot.recording ? (
          <p className="text-xs text-muted-foreground">
            This page records the broadcast too. When you stop, the recording uploads to Cloudflare and becomes the
            replay; starting again records a new replay that replaces it.
            {snapshot.recordingKept
              ? " It is saved in this browser as it goes, so a closed tab does not lose it."
              : null}
          </p>
        ) : null}
      </CardContent>
    </Card>
  );
}

function CameraPreview({ stream }: { stream: MediaStream | null }) {
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (video.current) video.current.srcObject = stream;
  }, [stream]);
  return (
    <div className="relative aspect-video overflow-hidden rounded-lg border bg-black">
      <video
        ref={video}
        aria-label="Camera preview"
        autoPlay
        muted
        playsInline
        className={cn("size-full object-cover", !stream && "invisible")}
      />
      {!stream ? <p className="absolute inset-0 grid place-items-center text-sm text-white/70">Camera off</p> : null}
    </div>
  );
}
