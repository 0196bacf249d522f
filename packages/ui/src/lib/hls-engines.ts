import type Hls from "hls.js";

export type CaptionTrack = { id: number; language: string; label: string };

/** What an engine reports back to the player. */
export type EngineEvents = {
  ready(): void;
  captions(tracks: CaptionTrack[]): void;
  activeCaption(id: number): void;
  fatal(): void;
};

/** A source attached to a <video>: hls.js over Media Source Extensions, or the browser's own HLS. */
export type Engine = {
  selectCaptions(id: number): void;
  destroy(): void;
};

type HlsClass = typeof Hls;

export function attachHlsJs(
  HlsJs: HlsClass,
  video: HTMLVideoElement,
  src: string,
  startAt: number,
  events: EngineEvents,
): Engine {
  // The server's CSP allows blob: workers, so hls.js transmuxes off the main thread.
  const hls = new HlsJs({ startPosition: startAt > 0 ? startAt : -1 });
  let recovered = false;
  hls.on(HlsJs.Events.MANIFEST_PARSED, () => events.ready());
  hls.on(HlsJs.Events.SUBTITLE_TRACKS_UPDATED, (_event, data) =>
    events.captions(data.subtitleTracks.map((track, id) => ({ id, language: track.lang ?? "", label: track.name }))),
  );
  hls.on(HlsJs.Events.SUBTITLE_TRACK_SWITCH, (_event, data) => events.activeCaption(data.id));
  hls.on(HlsJs.Events.ERROR, (_event, data) => {
    if (!data.fatal) return;
    // A decoding hiccup usually recovers once without bothering the viewer; anything else is reported.
    if (data.type === HlsJs.ErrorTypes.MEDIA_ERROR && !recovered) {
      recovered = true;
      hls.recoverMediaError();
      return;
    }
    events.fatal();
  });
  hls.loadSource(src);
  hls.attachMedia(video);
  return {
    selectCaptions(id) {
      hls.subtitleTrack = id;
      hls.subtitleDisplay = id >= 0;
      events.activeCaption(id);
    },
    destroy: () => hls.destroy(),
  };
}

const isCaptionTrack = (track: TextTrack) => track.kind === "subtitles" || track.kind === "captions";

/** Safari and iOS: the browser plays HLS itself and exposes the manifest's subtitles as text tracks. */
export function attachNative(video: HTMLVideoElement, src: string, startAt: number, events: EngineEvents): Engine {
  const tracks = () => Array.from(video.textTracks).filter(isCaptionTrack);
  const report = () => {
    const list = tracks();
    events.captions(list.map((track, id) => ({ id, language: track.language, label: track.label || track.language })));
    events.activeCaption(list.findIndex((track) => track.mode === "showing"));
  };
  const onMetadata = () => {
    if (startAt > 0 && startAt < video.duration) video.currentTime = startAt;
    events.ready();
  };
  const onError = () => events.fatal();
  video.addEventListener("loadedmetadata", onMetadata, { once: true });
  video.addEventListener("error", onError);
  video.textTracks.addEventListener("addtrack", report);
  video.textTracks.addEventListener("change", report);
  video.src = src;
  return {
    selectCaptions(id) {
      tracks().forEach((track, index) => {
        track.mode = index === id ? "showing" : "disabled";
      });
    },
    destroy() {
      video.removeEventListener("loadedmetadata", onMetadata);
      video.removeEventListener("error", onError);
      video.textTracks.removeEventListener("addtrack", report);
      video.textTracks.removeEventListener("change", report);
      video.removeAttribute("src");
      video.load();
    },
  };
}
