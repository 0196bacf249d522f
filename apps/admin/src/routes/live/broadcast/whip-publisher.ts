import { endSession, exchangeSdp, type SignalledSession, SignallingError } from "@marquee/ui";

export type ConnectionState = "connecting" | "live" | "reconnecting" | "stopped";

export type WhipPublisherEvents = {
  onState: (state: ConnectionState) => void;
  /** The first time media flows to Cloudflare. */
  onConnected: () => void;
  /** The connection failed and every retry did too: the broadcast is over. */
  onGaveUp: (message: string) => void;
};

// As Cloudflare documents for WHIP; the local emulator needs no ICE server at all.
const ICE_SERVERS: RTCIceServer[] = [{ urls: "stun:stun.cloudflare.com:3478" }];
const RETRY_DELAYS_MS = [1_000, 2_000, 4_000];

export function describeSignallingError(error: unknown): string {
  if (error instanceof SignallingError) {
    if (error.status === 0) return error.message;
    return `Cloudflare refused the broadcast (${error.status}): ${error.message}`;
  }
  if (error instanceof DOMException && error.name === "AbortError") return "The broadcast was stopped.";
  return "Cloudflare could not be reached. Check your connection and try again.";
}

/**
 * Publishes a MediaStream to a WHIP endpoint. A connection that fails is posted again, after
 * 1, 2 and 4 seconds; a connection that is only "disconnected" is left to recover by itself.
 */
export class WhipPublisher {
  private pc: RTCPeerConnection | null = null;
  private session: SignalledSession | null = null;
  private abort = new AbortController();
  private retries = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private connectedOnce = false;
  private stopped = false;

  constructor(
    private readonly stream: MediaStream,
    private readonly whipUrl: string,
    private readonly events: WhipPublisherEvents,
  ) {}

  /** Resolves once Cloudflare answered the first offer; rejects when it did not. */
  async start() {
    this.events.onState("connecting");
    await this.connect();
  }

  async stop() {
    if (this.stopped) return;
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.abort.abort();
    await this.teardown();
    this.events.onState("stopped");
  }

  private async connect() {
    const pc = new RTCPeerConnection({ iceServers: ICE_SERVERS });
    this.pc = pc;
    for (const track of this.stream.getTracks()) pc.addTransceiver(track, { direction: "sendonly" });
    pc.addEventListener("connectionstatechange", () => this.onConnectionState(pc));
    this.session = await exchangeSdp(pc, this.whipUrl, { signal: this.abort.signal });
  }

  private onConnectionState(pc: RTCPeerConnection) {
    if (pc !== this.pc || this.stopped) return;
    switch (pc.connectionState) {
      case "connected":
        this.retries = 0;
        this.events.onState("live");
        if (!this.connectedOnce) {
          this.connectedOnce = true;
          this.events.onConnected();
        }
        return;
      case "disconnected":
        this.events.onState("reconnecting");
        return;
      case "failed":
        this.scheduleRetry();
        return;
    }
  }

  private scheduleRetry() {
    const delay = RETRY_DELAYS_MS[this.retries];
    if (delay === undefined) {
      this.events.onGaveUp("The connection to Cloudflare was lost and could not be restored.");
      return;
    }
    this.retries++;
    this.events.onState("reconnecting");
    this.retryTimer = setTimeout(() => void this.reconnect(), delay);
  }

  private async reconnect() {
    await this.teardown();
    if (this.stopped) return;
    try {
      await this.connect();
    } catch {
      if (!this.stopped) this.scheduleRetry();
    }
  }

  private async teardown() {
    const { pc, session } = this;
    this.pc = null;
    this.session = null;
    pc?.close();
    if (session) await endSession(session);
  }
}
