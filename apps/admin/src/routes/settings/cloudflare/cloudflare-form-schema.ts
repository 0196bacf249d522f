import { cloudflareCredentialsInput } from "@marquee/api/validators";
import type { z } from "zod";
import type { CloudflareSaveInput } from "../../../lib/types";

// The server's own rules and messages, so the browser says what the server would.
export const cloudflareCredentialsForm = cloudflareCredentialsInput;

export type CloudflareCredentials = z.output<typeof cloudflareCredentialsForm>;

export const toSaveInput = (values: CloudflareCredentials, replaceWebhook: boolean): CloudflareSaveInput => ({
  ...values,
  replaceWebhook,
});
