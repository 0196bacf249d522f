import { MediaStreamTrack, RTCPeerConnection, RtpHeader, RtpPacket, useH264, useOPUS, useVP8 } from "werift";

export type Signalled = { response: Response; location: string | null };

const newPeer = () =>
  new RTCPeerConnection({
    iceServers: [],
    iceUseIpv6: false,
    codecs: { video: [useVP8(), useH264()], audio: [useOPUS()] },
  });

type SignalOptions = { headers?: Record<string, string>; rewriteOffer?: (sdp: string) => string };

/** Offer, wait for every candidate, POST it as WHIP/WHEP does; applies the answer on 201. */
async function signal(pc: RTCPeerConnection, url: string, options: SignalOptions = {}): Promise<Signalled> {
  await pc.setLocalDescription(await pc.createOffer());
  if (pc.iceGatheringState !== "complete")
    await pc.iceGatheringStateChange.watch((state) => state === "complete", 5000).catch(() => {});
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/sdp", ...options.headers },
    body: (options.rewriteOffer ?? ((sdp) => sdp))(pc.localDescription?.sdp ?? ""),
  });
  if (response.status === 201) await pc.setRemoteDescription({ type: "answer", sdp: await response.clone().text() });
  return { response, location: response.headers.get("location") };
}

/**
 * A WHIP broadcaster sending synthetic RTP every 20 ms: VP8 packets whose payload is `v<n>` (arbitrary bytes are
 * fine for a relay) and Opus packets `a<n>`. Counts the keyframe requests (PLI) it receives.
 */
export async function publish(url: string, options: SignalOptions = {}) {
  const pc = newPeer();
  const video = new MediaStreamTrack({ kind: "video" });
  const audio = new MediaStreamTrack({ kind: "audio" });
  const videoSender = pc.addTransceiver(video, { direction: "sendonly" }).sender;
  pc.addTransceiver(audio, { direction: "sendonly" });
  const stats = { keyframeRequests: 0 };
  videoSender.onPictureLossIndication.subscribe(() => {
    stats.keyframeRequests += 1;
  });
  const signalled = await signal(pc, url, options);
  let n = 0;
  const timer = setInterval(() => {
    n += 1;
    const header = (timestamp: number) => new RtpHeader({ sequenceNumber: n % 65536, timestamp, marker: true });
    video.writeRtp(new RtpPacket(header(n * 1800), Buffer.from(`v${n}`)));
    audio.writeRtp(new RtpPacket(header(n * 960), Buffer.from(`a${n}`)));
  }, 20);
  return {
    ...signalled,
    pc,
    stats,
    async close() {
      clearInterval(timer);
      await pc.close();
    },
  };
}

/** A WHEP viewer (recvonly audio + video) recording every payload it receives, per kind, in arrival order. */
export async function play(url: string, options: SignalOptions = {}) {
  const pc = newPeer();
  pc.addTransceiver("video", { direction: "recvonly" });
  pc.addTransceiver("audio", { direction: "recvonly" });
  const received = { video: [] as string[], audio: [] as string[] };
  pc.onTrack.subscribe((track) => {
    track.onReceiveRtp.subscribe((packet) => {
      if (track.kind === "video" || track.kind === "audio") received[track.kind].push(packet.payload.toString());
    });
  });
  const signalled = await signal(pc, url, options);
  return { ...signalled, pc, received, close: () => pc.close() };
}

/** What a browser page without camera permission offers: its host addresses hidden behind mDNS names. */
export const hideBehindMdns = (sdp: string) =>
  sdp.replace(
    / (\d+\.\d+\.\d+\.\d+) (\d+) typ host/g,
    (_, _ip, port) => ` ${crypto.randomUUID()}.local ${port} typ host`,
  );

/** True when `received` is `sent` numbers n, n+1, ... in order, as `prefix<n>`. */
export function isContiguousRun(received: string[], prefix: string) {
  const numbers = received.map((payload) => Number(payload.slice(prefix.length)));
  return (
    received.every((payload) => payload.startsWith(prefix)) &&
    numbers.every((value, index) => index === 0 || value === (numbers[index - 1] ?? 0) + 1)
  );
}
