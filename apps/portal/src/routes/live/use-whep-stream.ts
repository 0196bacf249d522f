import { endSession, exchangeSdp, type SignalledSession, SignallingError } from "@marquee/ui";
import { type RefObject, useEffect, useState } from "react";

export type StreamStatus = "connecting" | "waiting" | "playing" | "reconnecting";

/** While the instructor has not started their camera, the endpoint answers 409: ask again this often. */
const WAITING_RETRY_MS = 2_000;
const FIRST_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 15_000;

/**
 * Connects `video` to the stream and keeps it connected: "waiting" retries every 2 s until
 * the broadcast starts, a failed or dropped connection is renegotiated with growing pauses.
 * Leaving ends the session at the endpoint.
 */
export function useWhepStream(video: HTMLVideoElement | null, url: RefObject<string>): StreamStatus {
  const [status, setStatus] = useState<StreamStatus>("connecting");

  useEffect(() => {
    if (!video) return;
    let stopped = false;
    let peer: RTCPeerConnection | null = null;
    let session: SignalledSession | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    const abort = new AbortController();

    const close = () => {
      if (session) void endSession(session);
      session = null;
      peer?.close();
      peer = null;
    };
    const connectIn = (ms: number) => {
      clearTimeout(timer);
      timer = setTimeout(() => void connect(), ms);
    };
    const reconnect = () => {
      setStatus("reconnecting");
      connectIn(Math.min(FIRST_BACKOFF_MS * 2 ** failures, MAX_BACKOFF_MS));
      failures++;
    };

    const connect = async () => {
      close();
      const pc = new RTCPeerConnection();
      peer = pc;
      const stream = new MediaStream();
      pc.addTransceiver("video", { direction: "recvonly" });
      pc.addTransceiver("audio", { direction: "recvonly" });
      pc.ontrack = ({ track }) => {
        stream.addTrack(track);
        if (video.srcObject !== stream) {
          video.srcObject = stream;
          void video.play().catch(() => undefined);
        }
      };
      pc.onconnectionstatechange = () => {
        if (stopped || peer !== pc) return;
        if (pc.connectionState === "connected") {
          // A dropped connection that came back by itself needs no renegotiation.
          clearTimeout(timer);
          failures = 0;
          setStatus("playing");
        } else if (pc.connectionState === "failed" || pc.connectionState === "disconnected") {
          reconnect();
        }
      };
      try {
        const signalled = await exchangeSdp(pc, url.current, { signal: abort.signal });
        if (stopped || peer !== pc) {
          void endSession(signalled);
          return;
        }
        session = signalled;
      } catch (error) {
        if (stopped || peer !== pc) return;
        if (error instanceof SignallingError && error.status === 409) {
          setStatus("waiting");
          connectIn(WAITING_RETRY_MS);
          return;
        }
        reconnect();
      }
    };

    void connect();
    return () => {
      stopped = true;
      abort.abort();
      clearTimeout(timer);
      close();
      video.srcObject = null;
    };
  }, [video, url]);

  return status;
}
