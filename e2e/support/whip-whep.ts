import type { BrowserContext, Page } from "@playwright/test";

/**
 * WHIP and WHEP driven from inside a page, the way a browser client of Cloudflare Stream
 * does it: one POST of a complete offer, the answer applied, DELETE on the session URL to
 * hang up. The page keeps its peer connection on `window` for the later calls.
 */

export type SignalOutcome = { status: number; location: string | null; detail: string };
export type PlaybackProgress = {
  connectionState: string;
  framesDecoded: number;
  audioSamples: number;
  videoWidth: number;
  currentTime: number;
};

type PageState = {
  whip?: { pc: RTCPeerConnection; stream: MediaStream; location: string | null };
  whep?: { pc: RTCPeerConnection; video: HTMLVideoElement; location: string | null };
};

/** Camera and microphone (Chromium's fake devices) sent over WHIP. */
export function publishOverWhip(page: Page, whipUrl: string): Promise<SignalOutcome> {
  return page.evaluate(async (url): Promise<SignalOutcome> => {
    const state = window as unknown as PageState;
    const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 360 }, audio: true });
    const pc = new RTCPeerConnection();
    for (const track of stream.getTracks()) pc.addTransceiver(track, { direction: "sendonly", streams: [stream] });
    await pc.setLocalDescription(await pc.createOffer());
    // The offer must carry its candidates: WHIP as Cloudflare speaks it has no trickle ICE.
    await new Promise<void>((resolve) => {
      if (pc.iceGatheringState === "complete") return resolve();
      const timer = setTimeout(resolve, 2_000);
      pc.addEventListener("icegatheringstatechange", () => {
        if (pc.iceGatheringState !== "complete") return;
        clearTimeout(timer);
        resolve();
      });
    });
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/sdp" },
      body: pc.localDescription?.sdp ?? "",
    });
    const body = await response.text();
    if (response.status !== 201) {
      pc.close();
      for (const track of stream.getTracks()) track.stop();
      return { status: response.status, location: null, detail: body };
    }
    await pc.setRemoteDescription({ type: "answer", sdp: body });
    const location = new URL(response.headers.get("location") ?? url, url).toString();
    state.whip = { pc, stream, location };
    return { status: response.status, location, detail: "" };
  }, whipUrl);
}

/** Hangs up the page's WHIP session: DELETE on its URL, then the local peer and camera stop. */
export function stopWhip(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const { whip } = window as unknown as PageState;
    if (!whip?.location) throw new Error("no WHIP session in this page");
    const response = await fetch(whip.location, { method: "DELETE" });
    whip.pc.close();
    for (const track of whip.stream.getTracks()) track.stop();
    return response.status;
  });
}

/** The WHIP peer's own view: connected, and how many video frames it has sent. */
export function whipProgress(page: Page): Promise<{ connectionState: string; framesSent: number }> {
  return page.evaluate(async () => {
    const { whip } = window as unknown as PageState;
    if (!whip) throw new Error("no WHIP session in this page");
    let framesSent = 0;
    (await whip.pc.getStats()).forEach((report) => {
      if (report.type === "outbound-rtp" && report.kind === "video") framesSent += report.framesSent ?? 0;
    });
    return { connectionState: whip.pc.connectionState, framesSent };
  });
}

/**
 * Receives video and audio over WHEP into a muted, autoplaying `<video>` added to the page.
 * A refused offer (409 while nothing is broadcast) leaves no session behind.
 */
export function playOverWhep(page: Page, whepUrl: string): Promise<SignalOutcome> {
  return page.evaluate(async (url): Promise<SignalOutcome> => {
    const state = window as unknown as PageState;
    const pc = new RTCPeerConnection();
    pc.addTransceiver("video", { direction: "recvonly" });
    pc.addTransceiver("audio", { direction: "recvonly" });
    const video = document.createElement("video");
    video.muted = true;
    video.autoplay = true;
    video.playsInline = true;
    video.setAttribute("aria-label", "WHEP playback");
    const received = new MediaStream();
    pc.addEventListener("track", (event) => {
      received.addTrack(event.track);
      video.srcObject = received;
      void video.play().catch(() => undefined);
    });
    await pc.setLocalDescription(await pc.createOffer());
    await new Promise<void>((resolve) => {
      if (pc.iceGatheringState === "complete") return resolve();
      const timer = setTimeout(resolve, 2_000);
      pc.addEventListener("icegatheringstatechange", () => {
        if (pc.iceGatheringState !== "complete") return;
        clearTimeout(timer);
        resolve();
      });
    });
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/sdp" },
      body: pc.localDescription?.sdp ?? "",
    });
    const body = await response.text();
    if (response.status !== 201) {
      pc.close();
      return { status: response.status, location: null, detail: body };
    }
    await pc.setRemoteDescription({ type: "answer", sdp: body });
    document.body.append(video);
    const location = new URL(response.headers.get("location") ?? url, url).toString();
    state.whep = { pc, video, location };
    return { status: response.status, location, detail: "" };
  }, whepUrl);
}

/** What the viewer's browser has made of the stream so far: decoded frames and sound, picture size, playhead. */
export function whepProgress(page: Page): Promise<PlaybackProgress> {
  return page.evaluate(async () => {
    const { whep } = window as unknown as PageState;
    if (!whep) throw new Error("no WHEP session in this page");
    let framesDecoded = 0;
    let audioSamples = 0;
    (await whep.pc.getStats()).forEach((report) => {
      if (report.type !== "inbound-rtp") return;
      if (report.kind === "video") framesDecoded += report.framesDecoded ?? 0;
      if (report.kind === "audio") audioSamples += report.totalSamplesReceived ?? 0;
    });
    return {
      connectionState: whep.pc.connectionState,
      framesDecoded,
      audioSamples,
      videoWidth: whep.video.videoWidth,
      currentTime: whep.video.currentTime,
    };
  });
}

/** Ends the page's WHEP session from the viewer's side (the session may already be gone). */
export function stopWhep(page: Page): Promise<void> {
  return page.evaluate(async () => {
    const { whep } = window as unknown as PageState;
    if (!whep) return;
    if (whep.location) await fetch(whep.location, { method: "DELETE" }).catch(() => undefined);
    whep.pc.close();
  });
}

/**
 * Keeps every RTCPeerConnection the context's pages create, so a test can read the stats of
 * a connection made by the app's own code (its WHEP player, say).
 */
export async function recordPeerConnections(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const peers: RTCPeerConnection[] = [];
    window.RTCPeerConnection = new Proxy(window.RTCPeerConnection, {
      construct(target, args: ConstructorParameters<typeof RTCPeerConnection>, newTarget) {
        const pc = Reflect.construct(target, args, newTarget) as RTCPeerConnection;
        peers.push(pc);
        return pc;
      },
    });
    Object.defineProperty(window, "recordedPeerConnections", { value: peers });
  });
}

/** Video frames decoded so far over all the page's peer connections (see `recordPeerConnections`). */
export function framesDecodedInPage(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const peers = (window as unknown as { recordedPeerConnections?: RTCPeerConnection[] }).recordedPeerConnections;
    let frames = 0;
    for (const pc of peers ?? []) {
      (await pc.getStats()).forEach((report) => {
        if (report.type === "inbound-rtp" && report.kind === "video") frames += report.framesDecoded ?? 0;
      });
    }
    return frames;
  });
}
