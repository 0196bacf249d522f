/**
 * WHIP (publish) and WHEP (play) signalling as Cloudflare Stream speaks it: one HTTP POST
 * of a complete SDP offer (no trickle ICE), a 201 with the answer and the session's
 * Location, and a DELETE of that Location to end the session.
 */

/** The endpoint refused the offer; `status` 409 means "nothing is being broadcast yet". */
export class SignallingError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "SignallingError";
  }
}

export type SignalledSession = {
  /** The session resource: DELETE it to end the session. */
  location: string;
};

/** Waits until the offer carries every candidate, or for `timeoutMs` (a lone host candidate is enough locally). */
function iceGatheringComplete(pc: RTCPeerConnection, timeoutMs: number): Promise<void> {
  if (pc.iceGatheringState === "complete") return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      pc.removeEventListener("icegatheringstatechange", onChange);
      resolve();
    };
    const onChange = () => {
      if (pc.iceGatheringState === "complete") done();
    };
    const timer = setTimeout(done, timeoutMs);
    pc.addEventListener("icegatheringstatechange", onChange);
  });
}

/**
 * Creates the offer for the transceivers already on `pc`, posts it to `endpoint` and applies
 * the answer. The caller adds tracks (WHIP) or recvonly transceivers (WHEP) first.
 */
export async function exchangeSdp(
  pc: RTCPeerConnection,
  endpoint: string,
  options: { signal?: AbortSignal; gatherTimeoutMs?: number } = {},
): Promise<SignalledSession> {
  await pc.setLocalDescription(await pc.createOffer());
  await iceGatheringComplete(pc, options.gatherTimeoutMs ?? 2_000);
  const offer = pc.localDescription?.sdp;
  if (!offer) throw new SignallingError(0, "The browser could not create a WebRTC offer.");
  const response = await fetch(endpoint, {
    method: "POST",
    headers: { "content-type": "application/sdp" },
    body: offer,
    signal: options.signal,
  });
  if (response.status !== 201 && response.status !== 200) {
    const detail = (await response.text().catch(() => "")).trim();
    throw new SignallingError(response.status, detail || `The stream refused the connection (${response.status}).`);
  }
  const answer = await response.text();
  const location = new URL(response.headers.get("location") ?? endpoint, endpoint).toString();
  await pc.setRemoteDescription({ type: "answer", sdp: answer });
  return { location };
}

/** Ends a WHIP or WHEP session; a session already gone counts as ended. */
export async function endSession(session: SignalledSession): Promise<void> {
  await fetch(session.location, { method: "DELETE", keepalive: true }).catch(() => undefined);
}
