import {
  type Kind,
  RTCPeerConnection,
  type RTCRtpCodecParameters,
  type RTCRtpTransceiver,
  useH264,
  useOPUS,
  useVP8,
} from "werift";

export type IceOptions = {
  /** Addresses to offer host candidates on besides the machine's interfaces; loopback is not gathered otherwise. */
  hostAddresses: string[];
  /** Bind ICE sockets in this UDP range (for containers that publish a fixed range); default any free port. */
  portRange?: [number, number];
};

/** The offer cannot be answered (malformed, or nothing the relay supports): a 400 for the client. */
export class OfferError extends Error {}

export type Codecs = { audio: RTCRtpCodecParameters[]; video: RTCRtpCodecParameters[] };

/** What the relay forwards unchanged and every browser decodes; the answer's order makes VP8 the browser's pick. */
export const publishCodecs = (): Codecs => ({ video: [useVP8(), useH264()], audio: [useOPUS()] });

export const relayKinds = ["video", "audio"] as const satisfies Kind[];
export type RelayKind = (typeof relayKinds)[number];

export function createPeer(ice: IceOptions, codecs: Codecs) {
  return new RTCPeerConnection({
    // No STUN or TURN: this runs offline. Host candidates, plus the peer-reflexive ones learnt from a
    // browser's checks (it may hide its own address behind an mDNS name), are enough on one machine.
    iceServers: [],
    iceUseIpv6: false,
    iceAdditionalHostAddresses: ice.hostAddresses,
    icePortRange: ice.portRange,
    codecs,
  });
}

/** The codec a transceiver sends or receives: its first negotiated one that is not RTX, RED or FEC. */
export function primaryCodec(transceiver: RTCRtpTransceiver): RTCRtpCodecParameters | undefined {
  if (transceiver.rejected || transceiver.stopped) return undefined;
  return transceiver.codecs.find((codec) => !/\/(rtx|red|ulpfec|flexfec-03)$/i.test(codec.mimeType));
}

const gathered = (pc: RTCPeerConnection, timeoutMs: number) =>
  new Promise<void>((resolve) => {
    if (pc.iceGatheringState === "complete") return resolve();
    const timer = setTimeout(resolve, timeoutMs);
    const { unSubscribe } = pc.iceGatheringStateChange.subscribe((state) => {
      if (state !== "complete") return;
      clearTimeout(timer);
      unSubscribe();
      resolve();
    });
  });

/**
 * Drops the browser's mDNS host candidates (`<uuid>.local`, used by pages without camera permission): werift would
 * block up to 10 s trying to resolve them. Without them, and without `end-of-candidates`, it waits for the browser's
 * connectivity checks and learns the real address from them (a peer-reflexive candidate).
 */
export function withoutMdnsCandidates(sdp: string): string {
  const lines = sdp.split(/\r?\n/);
  const kept = lines.filter((line) => !/^a=candidate:\S+ \d+ \S+ \d+ \S+\.local /i.test(line));
  if (kept.length === lines.length) return sdp;
  return kept.filter((line) => line !== "a=end-of-candidates").join("\r\n");
}

/** Applies an offer and returns the whole answer, candidates inline: WHIP/WHEP clients need no trickle ICE then. */
export async function answerOffer(pc: RTCPeerConnection, offer: string): Promise<string> {
  await pc.setRemoteDescription({ type: "offer", sdp: withoutMdnsCandidates(offer) });
  await pc.setLocalDescription(await pc.createAnswer());
  await gathered(pc, 5000);
  const sdp = pc.localDescription?.sdp;
  if (!sdp) throw new Error("no local description");
  return sdp;
}

/** Calls `onGone` once the peer is gone: at once on failed/closed, after `graceMs` of an unrecovered disconnect. */
export function watchPeer(
  pc: RTCPeerConnection,
  handlers: { onConnected: () => void; onGone: () => void },
  graceMs = 5000,
) {
  let grace: NodeJS.Timeout | undefined;
  const clear = () => {
    if (grace) clearTimeout(grace);
    grace = undefined;
  };
  pc.connectionStateChange.subscribe((state) => {
    if (state === "connected") {
      clear();
      handlers.onConnected();
    } else if (state === "failed" || state === "closed") {
      clear();
      handlers.onGone();
    } else if (state === "disconnected" && !grace) {
      grace = setTimeout(handlers.onGone, graceMs).unref();
    }
  });
  return clear;
}
