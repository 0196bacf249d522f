import type { Video } from "cloudflare/resources/stream/stream";
import type { StreamContext } from "../context";
import { ignoreNotFound } from "../errors";
import { type LiveInputRecording, type StreamLiveInput, toStreamLiveInput } from "../live-input";
import { type StreamVideo, toStreamVideo } from "../video";

export type LiveInputSettings = {
  /** Sets `meta.name`, keeping the other meta keys. */
  name?: string;
  meta?: Record<string, string>;
  enabled?: boolean;
  /** Applied to recordings made from now on; min 30. */
  deleteRecordingAfterDays?: number;
  defaultCreator?: string;
  preferLowLatency?: boolean;
  recording?: Partial<LiveInputRecording>;
};

export type LiveInputSummary = { uid: string; name: string | null; enabled: boolean; created: string | null };

function settingsBody(settings: LiveInputSettings, meta: Record<string, string> | undefined) {
  return {
    meta,
    enabled: settings.enabled,
    deleteRecordingAfterDays: settings.deleteRecordingAfterDays,
    defaultCreator: settings.defaultCreator,
    preferLowLatency: settings.preferLowLatency,
    recording: settings.recording,
  };
}

export function liveInputOperations(ctx: StreamContext) {
  const { sdk, run } = ctx;
  const account_id = ctx.accountId;

  async function getLiveInput(uid: string): Promise<StreamLiveInput> {
    return toStreamLiveInput(await run((o) => sdk.stream.liveInputs.get(uid, { account_id }, o)));
  }

  return {
    getLiveInput,

    /**
     * Recording defaults to automatic: every broadcast becomes a video (the replay). The key makes a
     * retried create return the same input instead of a second one.
     */
    async createLiveInput(settings: LiveInputSettings & { idempotencyKey?: string } = {}): Promise<StreamLiveInput> {
      const meta = settings.name === undefined ? settings.meta : { ...settings.meta, name: settings.name };
      const idempotencyKey = settings.idempotencyKey ?? crypto.randomUUID();
      const input = await run((o) =>
        sdk.stream.liveInputs.create(
          {
            account_id,
            ...settingsBody(settings, meta),
            recording: { mode: "automatic", ...settings.recording },
            "Idempotency-Key": idempotencyKey,
          },
          o,
        ),
      );
      return toStreamLiveInput(input);
    },

    async updateLiveInput(uid: string, settings: LiveInputSettings): Promise<StreamLiveInput> {
      let meta = settings.meta;
      // meta is replaced wholesale, so a rename carries the keys the input already has.
      if (settings.name !== undefined) meta = { ...(meta ?? (await getLiveInput(uid)).meta), name: settings.name };
      const input = await run((o) =>
        sdk.stream.liveInputs.update(uid, { account_id, ...settingsBody(settings, meta) }, o),
      );
      return toStreamLiveInput(input);
    },

    /** An input that is already gone counts as deleted. Its recordings stay (they are videos). */
    async deleteLiveInput(uid: string): Promise<void> {
      await ignoreNotFound(run((o) => sdk.stream.liveInputs.delete(uid, { account_id }, o)));
    },

    /** Without credentials: the list endpoint omits them. */
    async listLiveInputs(): Promise<LiveInputSummary[]> {
      const result = await run((o) => sdk.stream.liveInputs.list({ account_id }, o));
      return (result.liveInputs ?? []).flatMap((input) =>
        input.uid
          ? [
              {
                uid: input.uid,
                name: toStreamLiveInput(input).name,
                enabled: input.enabled !== false,
                created: input.created ?? null,
              },
            ]
          : [],
      );
    },

    /** The videos recorded from this input, newest first; one is `live-inprogress` while broadcasting. */
    async listLiveInputRecordings(uid: string): Promise<StreamVideo[]> {
      // Documented in Stream's guides, not in the SDK, hence the SDK's untyped GET.
      const path = `/accounts/${encodeURIComponent(account_id)}/stream/live_inputs/${encodeURIComponent(uid)}/videos`;
      const body = await run((o) => sdk.get<{ result: Video[] | null }>(path, o));
      return (body.result ?? []).map(toStreamVideo);
    },
  };
}
