import type { RTCPeerConnection, RTCRtpCodecParameters, RTCRtpTransceiver, RtpPacket } from "werift";
import { randomHex } from "../ids.ts";
import type { LiveInput } from "../types.ts";
import {
  answerOffer,
  createPeer,
  type IceOptions,
  OfferError,
  primaryCodec,
  publishCodecs,
  type RelayKind,
  relayKinds,
  watchPeer,
} from "./peer.ts";
import type { Viewer } from "./viewer.ts";

export type Publisher = {
  id: string;
  input: LiveInput;
  pc: RTCPeerConnection;
  state: "pending" | "live" | "ended";
  /** The codec of each published kind, which viewers must negotiate to receive the packets unchanged. */
  codecs: Partial<Record<RelayKind, RTCRtpCodecParameters>>;
  viewers: Set<Viewer>;
  /** Asks the broadcaster for a keyframe (PLI), coalesced so a burst of viewers costs one. */
  requestKeyframe: () => void;
  stopTimers: () => void;
};

const keyframeIntervalMs = 500;
/**
 * A browser's close or crash reaches us only as silence: werift ignores DTLS close_notify and RTCP BYE, and ICE
 * consent takes 30 s to expire. Browsers send media continuously (black frames when the camera is off).
 */
const silenceMs = 5000;

function keyframeRequests(video: RTCRtpTransceiver | undefined, ssrc: () => number | undefined) {
  let last = 0;
  let queued: NodeJS.Timeout | undefined;
  const send = () => {
    queued = undefined;
    last = Date.now();
    const mediaSsrc = ssrc();
    if (video && mediaSsrc !== undefined) video.receiver.sendRtcpPLI(mediaSsrc).catch(() => {});
  };
  return {
    request() {
      if (queued) return;
      const wait = last + keyframeIntervalMs - Date.now();
      if (wait > 0) queued = setTimeout(send, wait);
      else send();
    },
    stop: () => clearTimeout(queued),
  };
}

/** Strips header extensions: their ids are the broadcaster's negotiation, meaningless to a viewer. */
function relayable(packet: RtpPacket) {
  const copy = packet.clone();
  copy.header.extensions = [];
  copy.header.extension = false;
  return copy;
}

/**
 * Accepts a WHIP offer. Media from the broadcaster fans out to every viewer's tracks as it arrives; `events.live`
 * fires on the connection or the first packet, `events.gone` when the peer leaves or never connects.
 */
export async function startPublisher(
  ice: IceOptions,
  input: LiveInput,
  offer: string,
  events: { live: (publisher: Publisher) => void; gone: (publisher: Publisher) => void },
  connectTimeoutMs = 15_000,
) {
  const pc = createPeer(ice, publishCodecs());
  const codecs: Publisher["codecs"] = {};
  const viewers = new Set<Viewer>();
  let videoSsrc: number | undefined;
  let lastMediaAt = 0;
  let onMedia = () => {};
  pc.onTrack.subscribe((track) => {
    const kind = track.kind;
    if (kind !== "video" && kind !== "audio") return;
    track.onReceiveRtp.subscribe((packet) => {
      lastMediaAt = Date.now();
      onMedia();
      // Another payload type (a codec switch) would reach viewers mislabelled: drop it.
      if (packet.header.payloadType !== codecs[kind]?.payloadType) return;
      if (kind === "video") videoSsrc = packet.header.ssrc;
      const copy = relayable(packet);
      for (const viewer of viewers) viewer.tracks[kind]?.writeRtp(copy);
    });
  });

  const answer = await answerOffer(pc, offer).catch(async (error: unknown) => {
    await pc.close();
    throw new OfferError(`The SDP offer could not be applied: ${error instanceof Error ? error.message : error}`);
  });
  const transceiverOf = (kind: RelayKind) => pc.getTransceivers().find((t) => t.kind === kind && primaryCodec(t));
  for (const kind of relayKinds) {
    const transceiver = transceiverOf(kind);
    const codec = transceiver && primaryCodec(transceiver);
    if (codec) codecs[kind] = codec;
  }
  if (!codecs.video && !codecs.audio) {
    await pc.close();
    throw new OfferError("No supported media in the offer: send VP8 or H264 video and/or Opus audio");
  }
  const video = transceiverOf("video");
  const keyframes = keyframeRequests(video, () => videoSsrc ?? video?.receiver.track?.ssrc);
  const publisher: Publisher = {
    id: randomHex(16),
    input,
    pc,
    state: "pending",
    codecs,
    viewers,
    requestKeyframe: keyframes.request,
    stopTimers: () => {
      clearTimeout(pending);
      clearInterval(silence);
      keyframes.stop();
      stopWatching();
    },
  };
  onMedia = () => {
    if (publisher.state !== "pending") return;
    lastMediaAt = Date.now();
    events.live(publisher);
  };
  const stopWatching = watchPeer(pc, { onConnected: onMedia, onGone: () => events.gone(publisher) });
  const pending = setTimeout(() => {
    if (publisher.state === "pending") events.gone(publisher);
  }, connectTimeoutMs).unref();
  const silence = setInterval(() => {
    if (publisher.state === "live" && Date.now() - lastMediaAt > silenceMs) events.gone(publisher);
  }, 1000).unref();
  return { publisher, answer };
}
