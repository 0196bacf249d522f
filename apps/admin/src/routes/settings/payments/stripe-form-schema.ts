import { stripeCredentialsInput } from "@marquee/api/validators";
import { z } from "zod";
import type { PaymentSettings } from "../../../lib/types";

// The server's own rules and messages for each credential; the form adds who creates the endpoint.
export const stripeCredentialsForm = z
  .object({
    secretKey: stripeCredentialsInput.shape.secretKey,
    webhookMode: z.enum(["managed", "manual"]),
    webhookSecret: z.string().trim(),
  })
  .superRefine((values, ctx) => {
    if (values.webhookMode !== "manual") return;
    if (!values.webhookSecret) {
      ctx.addIssue({
        code: "custom",
        path: ["webhookSecret"],
        message: "Paste the signing secret of the endpoint you created in Stripe",
      });
      return;
    }
    const checked = stripeCredentialsInput.shape.webhookSecret.safeParse(values.webhookSecret);
    if (!checked.success) {
      ctx.addIssue({ code: "custom", path: ["webhookSecret"], message: checked.error.issues[0]?.message ?? "" });
    }
  });

export type StripeCredentials = z.output<typeof stripeCredentialsForm>;

/** Who created the endpoint in use: entered secrets stay "manual" so re-saving keeps them in mind. */
export function currentWebhookMode(settings: PaymentSettings): StripeCredentials["webhookMode"] {
  const own = settings.own;
  return own && !own.webhookManaged && own.webhookConfigured ? "manual" : "managed";
}

/** An empty webhook secret asks the server to register the endpoint itself. */
export const toSaveInput = (values: StripeCredentials) => ({
  secretKey: values.secretKey,
  webhookSecret: values.webhookMode === "manual" ? values.webhookSecret : "",
});
