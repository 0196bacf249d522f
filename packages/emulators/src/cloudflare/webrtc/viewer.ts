import {
  MediaStream,
  MediaStreamTrack,
  type RTCPeerConnection,
  RTCRtpCodecParameters,
  type RtcpPacket,
  RtcpPayloadSpecificFeedback,
  useNACK,
  usePLI,
} from "werift";
import { randomHex } from "../ids.ts";
import {
  answerOffer,
  type Codecs,
  createPeer,
  type IceOptions,
  OfferError,
  primaryCodec,
  relayKinds,
  watchPeer,
} from "./peer.ts";
import type { Publisher } from "./publisher.ts";

export type Viewer = {
  id: string;
  publisher: Publisher;
  pc: RTCPeerConnection;
  /** Local tracks the publisher writes the broadcaster's packets into; each sender re-labels them for this viewer. */
  tracks: Partial<Record<"video" | "audio", MediaStreamTrack>>;
  stopTimers: () => void;
};

/** Receiver reports come every 1–5 s from a live browser; a closed tab sends nothing (see `silenceMs` upstream). */
const silenceMs = 10_000;

/** Payload-specific feedback with FMT 1 (PLI) or 4 (FIR, RFC 5104). */
const asksForKeyframe = (packet: RtcpPacket) =>
  packet instanceof RtcpPayloadSpecificFeedback && (packet.feedback.count === 1 || packet.feedback.count === 4);

/** The broadcaster's codec, re-offered with the feedback a browser needs to ask for keyframes and resends. */
const viewerCodec = (codec: RTCRtpCodecParameters) =>
  new RTCRtpCodecParameters({
    mimeType: codec.mimeType,
    clockRate: codec.clockRate,
    channels: codec.channels,
    parameters: codec.parameters,
    payloadType: codec.payloadType,
    rtcpFeedback: codec.mimeType.startsWith("video/") ? [useNACK(), usePLI()] : [],
  });

/**
 * Answers a WHEP offer with the publisher's tracks. Only the broadcaster's own codec is negotiated, so packets pass
 * through unchanged but for the payload type; keyframe requests from the viewer go upstream.
 */
export async function startViewer(
  ice: IceOptions,
  publisher: Publisher,
  offer: string,
  events: { gone: (viewer: Viewer) => void },
  connectTimeoutMs = 15_000,
) {
  const codecs: Codecs = { video: [], audio: [] };
  const tracks: Viewer["tracks"] = {};
  for (const kind of relayKinds) {
    const source = publisher.codecs[kind];
    if (!source) continue;
    const codec = viewerCodec(source);
    codecs[kind] = [codec];
    tracks[kind] = new MediaStreamTrack({ kind, codec });
  }
  const pc = createPeer(ice, codecs);
  const stream = new MediaStream();
  let lastRtcpAt = 0;
  for (const track of Object.values(tracks)) {
    const transceiver = pc.addTransceiver(track, { direction: "sendonly", streams: [stream] });
    transceiver.sender.onRtcp.subscribe((packet) => {
      lastRtcpAt = Date.now();
      if (asksForKeyframe(packet)) publisher.requestKeyframe();
    });
  }
  const answer = await answerOffer(pc, offer).catch(async (error: unknown) => {
    await pc.close();
    throw new OfferError(`The SDP offer could not be applied: ${error instanceof Error ? error.message : error}`);
  });
  if (!pc.getTransceivers().some((t) => primaryCodec(t) && t.mid !== null)) {
    await pc.close();
    throw new OfferError("The offer receives none of the broadcast's tracks (or none in its codec)");
  }

  let connected = false;
  const viewer: Viewer = {
    id: randomHex(16),
    publisher,
    pc,
    tracks,
    stopTimers: () => {
      clearTimeout(pending);
      clearInterval(silence);
      stopWatching();
    },
  };
  const pending = setTimeout(() => {
    if (!connected) events.gone(viewer);
  }, connectTimeoutMs).unref();
  const silence = setInterval(() => {
    if (connected && Date.now() - lastRtcpAt > silenceMs) events.gone(viewer);
  }, 1000).unref();
  const stopWatching = watchPeer(pc, {
    onConnected: () => {
      if (!connected) lastRtcpAt = Date.now();
      connected = true;
      // The keyframe asked for at join time went out before this viewer could receive it.
      publisher.requestKeyframe();
    },
    onGone: () => events.gone(viewer),
  });
  return { viewer, answer };
}
