import type { Dispatcher } from "./dispatcher.ts";
import type { Clock } from "./ids.ts";
import type { Media, Segment } from "./media.ts";
import type { Store } from "./store.ts";
import type { Timers } from "./timers.ts";
import type { WebRtcHub } from "./webrtc/hub.ts";

/** The looped clip that stands in for every live broadcast, encoded once per data directory. */
export type LiveSource = { file: string; hlsDir: string; segments: Segment[]; width: number; height: number };

export type Emulator = {
  baseUrl: string;
  store: Store;
  clock: Clock;
  media: Media;
  timers: Timers;
  dispatcher: Dispatcher;
  stepMs: number;
  log: (message: string) => void;
  liveSource: () => Promise<LiveSource>;
  /** WHIP broadcasters and WHEP viewers, by live input. */
  webrtc: WebRtcHub;
};
