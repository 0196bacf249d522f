import type { Emulator } from "../context.ts";
import { connectWebRtc, disconnect, forgetWebRtcSession } from "../live.ts";
import type { LiveInput } from "../types.ts";
import { type IceOptions, OfferError } from "./peer.ts";
import { type Publisher, startPublisher } from "./publisher.ts";
import { startViewer, type Viewer } from "./viewer.ts";

export type { IceOptions } from "./peer.ts";

/** A WHIP/WHEP request the hub turns down; the route answers `status` with the message as text. */
export class SessionRefused extends Error {
  constructor(
    readonly status: 400 | 409 | 415 | 503,
    message: string,
  ) {
    super(message);
  }
}

export type SessionKind = "publish" | "play";
export type WebRtcStatus = { publishing: boolean; viewers: number };
export type WebRtcHub = ReturnType<typeof createWebRtcHub>;

type Session = { kind: SessionKind; accountId: string; end: () => void };

const offerRefused = (error: unknown) => {
  throw error instanceof OfferError ? new SessionRefused(400, error.message) : error;
};

/**
 * One WHIP broadcaster per live input, relayed to its WHEP viewers. Sessions are addressed by an unguessable id
 * (the `Location` the client DELETEs); `drop` hangs up everything of an input when it stops being live elsewhere.
 */
export function createWebRtcHub(ice: IceOptions) {
  const publishers = new Map<string, Publisher>();
  const answering = new Set<string>();
  const sessions = new Map<string, Session>();
  let closed = false;

  const endViewer = (viewer: Viewer) => {
    sessions.delete(viewer.id);
    viewer.stopTimers();
    for (const track of Object.values(viewer.tracks)) track.stop();
    const input = viewer.publisher.input;
    if (viewer.publisher.viewers.delete(viewer)) input.viewers = Math.max(0, input.viewers - 1);
    return viewer.pc.close();
  };

  /** With `emu`, a broadcast that was live disconnects its input (status, notification). */
  const endPublisher = (publisher: Publisher, emu?: Emulator) => {
    if (publisher.state === "ended") return Promise.resolve();
    const wasLive = publisher.state === "live";
    publisher.state = "ended";
    if (publishers.get(publisher.input.uid) === publisher) publishers.delete(publisher.input.uid);
    sessions.delete(publisher.id);
    publisher.stopTimers();
    const closing = [...publisher.viewers].map(endViewer);
    closing.push(publisher.pc.close());
    if (wasLive && emu && publisher.input.session?.protocol === "webrtc") disconnect(emu, publisher.input);
    return Promise.all(closing).then(() => {});
  };

  const goLive = (emu: Emulator, publisher: Publisher, secret: string) => {
    const input = publisher.input;
    const current = emu.store.liveInput(input.accountId, input.uid) === input && input.webRtcSecret === secret;
    // Deleted, disabled, keys rotated or another broadcast started while the peer was connecting.
    if (!current || !input.enabled || input.session) return void endPublisher(publisher);
    publisher.state = "live";
    connectWebRtc(emu, input);
  };

  const hub = {
    /** Throws the refusal a WHIP offer for this input would get, before the offer is even read. */
    checkPublish(input: LiveInput) {
      if (!input.enabled) throw new SessionRefused(409, "The live input is disabled and refuses connections");
      if (publishers.has(input.uid) || answering.has(input.uid) || input.session)
        throw new SessionRefused(409, "The live input already has a broadcaster: one publisher at a time");
      if (closed) throw new SessionRefused(503, "The emulator is shutting down");
    },

    checkPlay(input: LiveInput) {
      const publisher = publishers.get(input.uid);
      if (publisher?.state !== "live")
        throw new SessionRefused(409, "The live input is not broadcasting over WebRTC (WHIP): nothing to play");
      return publisher;
    },

    async publish(emu: Emulator, input: LiveInput, offer: string) {
      hub.checkPublish(input);
      answering.add(input.uid);
      const secret = input.webRtcSecret;
      const started = await startPublisher(ice, input, offer, {
        live: (publisher) => goLive(emu, publisher, secret),
        gone: (publisher) => void endPublisher(publisher, emu),
      })
        .catch(offerRefused)
        .finally(() => answering.delete(input.uid));
      const { publisher } = started;
      if (closed) {
        await endPublisher(publisher);
        throw new SessionRefused(503, "The emulator is shutting down");
      }
      publishers.set(input.uid, publisher);
      sessions.set(publisher.id, {
        kind: "publish",
        accountId: input.accountId,
        end: () => endPublisher(publisher, emu),
      });
      return { sessionId: publisher.id, answer: started.answer };
    },

    async play(input: LiveInput, offer: string) {
      const publisher = hub.checkPlay(input);
      const started = await startViewer(ice, publisher, offer, { gone: (viewer) => void endViewer(viewer) }).catch(
        offerRefused,
      );
      const { viewer } = started;
      if (publisher.state !== "live") {
        await endViewer(viewer);
        throw new SessionRefused(409, "The broadcast ended");
      }
      publisher.viewers.add(viewer);
      input.viewers += 1;
      sessions.set(viewer.id, { kind: "play", accountId: input.accountId, end: () => void endViewer(viewer) });
      publisher.requestKeyframe();
      return { sessionId: viewer.id, answer: started.answer };
    },

    /** DELETE on a session URL; false when no such session of that kind exists on the account. */
    end(accountId: string, sessionId: string, kind: SessionKind) {
      const session = sessions.get(sessionId);
      if (!session || session.accountId !== accountId || session.kind !== kind) return false;
      session.end();
      return true;
    },

    /** Hangs up an input's broadcaster and viewers without touching the input: the caller is disconnecting it. */
    drop(inputUid: string) {
      const publisher = publishers.get(inputUid);
      if (publisher) void endPublisher(publisher);
    },

    status(inputUid: string): WebRtcStatus {
      const publisher = publishers.get(inputUid);
      return { publishing: publisher?.state === "live", viewers: publisher?.viewers.size ?? 0 };
    },

    /** Closes every peer connection (and its sockets); live inputs are left disconnected, without notifications. */
    async close() {
      closed = true;
      const all = [...publishers.values()];
      await Promise.all(all.map((publisher) => endPublisher(publisher)));
      for (const publisher of all) forgetWebRtcSession(publisher.input);
    },
  };
  return hub;
}
