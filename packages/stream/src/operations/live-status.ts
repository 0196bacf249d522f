import { StreamError } from "../errors";

type Deps = { customerDomain: string; fetch: typeof globalThis.fetch; timeoutMs: number };

export type LiveStatus = { live: boolean; videoUid: string | null };

/**
 * What the customer domain says about a live input right now: `/lifecycle` (is it live,
 * and which recording) and `/views` (live viewers). Public endpoints, no API token; they
 * do not count against the API's rate limit.
 */
export function liveStatusOperations(deps: Deps) {
  async function getJson(path: string): Promise<unknown> {
    let response: Response;
    try {
      response = await deps.fetch(`${deps.customerDomain}${path}`, { signal: AbortSignal.timeout(deps.timeoutMs) });
    } catch (error) {
      throw new StreamError("unavailable", "Cloudflare's playback host could not be reached.", { cause: error });
    }
    if (response.status === 404) {
      await response.body?.cancel();
      throw new StreamError("not_found", "Cloudflare does not know this live input.", { status: 404 });
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new StreamError("unavailable", `Cloudflare's playback host answered ${response.status}.`, {
        status: response.status,
      });
    }
    return response.json();
  }

  return {
    async getLiveStatus(inputUid: string): Promise<LiveStatus> {
      const body = (await getJson(`/${encodeURIComponent(inputUid)}/lifecycle`)) as {
        live?: unknown;
        videoUID?: unknown;
      };
      return { live: body.live === true, videoUid: typeof body.videoUID === "string" ? body.videoUID : null };
    },

    /** Live viewers Cloudflare counts for RTMPS/SRT inputs; null when it reports none. */
    async getLiveViewers(inputUid: string): Promise<number | null> {
      const body = (await getJson(`/${encodeURIComponent(inputUid)}/views`)) as { liveViewers?: unknown };
      return typeof body.liveViewers === "number" ? body.liveViewers : null;
    },
  };
}
