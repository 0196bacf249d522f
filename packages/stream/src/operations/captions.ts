import type { Caption } from "cloudflare/resources/stream/captions/captions";
import type { StreamContext } from "../context";
import { ignoreNotFound } from "../errors";

export type CaptionStatus = "ready" | "inprogress" | "error";

export type StreamCaption = {
  /** BCP 47 tag, one caption per language. */
  language: string;
  label: string;
  generated: boolean;
  status: CaptionStatus | null;
};

function toStreamCaption(caption: Caption): StreamCaption {
  return {
    language: caption.language ?? "",
    label: caption.label ?? "",
    generated: caption.generated === true,
    status: caption.status ?? null,
  };
}

export function captionOperations(ctx: StreamContext) {
  const { sdk, run } = ctx;
  const account_id = ctx.accountId;

  return {
    async listCaptions(videoUid: string): Promise<StreamCaption[]> {
      const page = await run((o) => sdk.stream.captions.get(videoUid, { account_id }, o));
      return page.getPaginatedItems().map(toStreamCaption);
    },

    /** Uploads (or replaces) the WebVTT file for one language; Cloudflare takes WebVTT only, up to 10 MB. */
    async uploadCaption(videoUid: string, language: string, vtt: string | Uint8Array): Promise<StreamCaption> {
      const path = `/accounts/${encodeURIComponent(account_id)}/stream/${encodeURIComponent(videoUid)}/captions/${encodeURIComponent(language)}`;
      const caption = await run((o) => {
        // The SDK types `file` as a string, which it would send as a plain form field; Cloudflare
        // expects a file part (curl -F file=@captions.vtt), so build the form ourselves.
        const form = new FormData();
        // A fresh Uint8Array keeps the part valid under both the DOM and Node typings.
        const part = typeof vtt === "string" ? vtt : new Uint8Array(vtt);
        form.append("file", new Blob([part], { type: "text/vtt" }), `${language}.vtt`);
        return sdk.put<{ result: Caption }>(path, { body: form, ...o });
      });
      return toStreamCaption(caption.result);
    },

    /** Asks Cloudflare to generate captions with AI; the video must be ready and the language free. */
    async generateCaption(videoUid: string, language: string): Promise<StreamCaption> {
      const caption = await run((o) =>
        sdk.stream.captions.language.create(language, { account_id, identifier: videoUid }, o),
      );
      return toStreamCaption(caption);
    },

    /** A caption that is already gone counts as deleted. */
    async deleteCaption(videoUid: string, language: string): Promise<void> {
      await ignoreNotFound(
        run((o) => sdk.stream.captions.language.delete(language, { account_id, identifier: videoUid }, o)),
      );
    },
  };
}
