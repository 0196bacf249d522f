// Reached by path like the server app: @marquee/stream is not a dependency of the bench (yet).
import { signPlaybackToken } from "@marquee/stream";

/** Where the parent asks this server process for its raw RS256 rate; no Marquee route uses the prefix. */
export const SIGN_RATE_PATH = "/__bench/sign-rate";

export type SignRateRequest = {
  keyId: string;
  privateKey: string;
  videoUid: string;
  seconds: number;
  inFlight: number;
};
export type SignRateResult = { signatures: number; seconds: number };

/**
 * Signs playback tokens back to back for a fixed time, `inFlight` at once (1: a sequential
 * loop), with the code and the key playback.get uses, in the process that serves playback.get.
 */
export async function measureSignRate(request: Request): Promise<Response> {
  const input = (await request.json()) as SignRateRequest;
  const started = performance.now();
  const deadline = started + input.seconds * 1000;
  let signatures = 0;
  const lane = async () => {
    while (performance.now() < deadline) {
      await signPlaybackToken({
        keyId: input.keyId,
        privateKey: input.privateKey,
        videoUid: input.videoUid,
        now: new Date(),
      });
      signatures++;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, input.inFlight) }, lane));
  const result: SignRateResult = { signatures, seconds: (performance.now() - started) / 1000 };
  return Response.json(result);
}
