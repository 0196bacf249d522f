ALTER TABLE "cloudflare_connections" ADD COLUMN "live_notification_secret_sealed" text;--> statement-breakpoint
ALTER TABLE "live_classes" ADD COLUMN "input_error" text;