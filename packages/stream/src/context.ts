import type Cloudflare from "cloudflare";
import type { CallRunner } from "./call-runner";

/** What every operation needs: the SDK bound to one tenant's credentials, and the retrying runner. */
export type StreamContext = {
  sdk: Cloudflare;
  accountId: string;
  run: CallRunner;
};
