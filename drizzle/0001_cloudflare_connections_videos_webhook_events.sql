CREATE TYPE "public"."connection_source" AS ENUM('tenant', 'platform');--> statement-breakpoint
CREATE TYPE "public"."video_status" AS ENUM('pendingupload', 'queued', 'inprogress', 'ready', 'error');--> statement-breakpoint
CREATE TABLE "cloudflare_connections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" "connection_source" NOT NULL,
	"tenant_id" uuid,
	"account_id" text NOT NULL,
	"customer_code" text NOT NULL,
	"api_token_sealed" text,
	"api_token_hint" text,
	"webhook_secret_sealed" text,
	"webhook_url" text,
	"signing_key_id" text,
	"signing_key_sealed" text,
	"verified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "videos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"connection_id" uuid NOT NULL,
	"cloudflare_uid" text NOT NULL,
	"title" text NOT NULL,
	"status" "video_status" DEFAULT 'pendingupload' NOT NULL,
	"processing_percent" real,
	"error_reason_code" text,
	"error_reason_text" text,
	"duration_seconds" real,
	"size_bytes" bigint,
	"width" integer,
	"height" integer,
	"thumbnail_url" text,
	"require_signed_urls" boolean DEFAULT true NOT NULL,
	"meta" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"cloudflare_modified_at" timestamp with time zone,
	"ready_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider" text NOT NULL,
	"event_key" text NOT NULL,
	"source_id" text NOT NULL,
	"tenant_id" uuid,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text
);
--> statement-breakpoint
ALTER TABLE "cloudflare_connections" ADD CONSTRAINT "cloudflare_connections_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "videos" ADD CONSTRAINT "videos_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "videos" ADD CONSTRAINT "videos_connection_id_cloudflare_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."cloudflare_connections"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_events" ADD CONSTRAINT "webhook_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cloudflare_connections_tenant_key" ON "cloudflare_connections" USING btree ("tenant_id") WHERE "cloudflare_connections"."source" = 'tenant';--> statement-breakpoint
CREATE UNIQUE INDEX "cloudflare_connections_platform_key" ON "cloudflare_connections" USING btree ("source") WHERE "cloudflare_connections"."source" = 'platform';--> statement-breakpoint
CREATE INDEX "cloudflare_connections_account_idx" ON "cloudflare_connections" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "videos_connection_uid_key" ON "videos" USING btree ("connection_id","cloudflare_uid");--> statement-breakpoint
CREATE INDEX "videos_tenant_created_idx" ON "videos" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "videos_pending_idx" ON "videos" USING btree ("status","created_at") WHERE "videos"."status" <> 'ready' and "videos"."status" <> 'error';--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_events_provider_key" ON "webhook_events" USING btree ("provider","event_key");--> statement-breakpoint
CREATE INDEX "webhook_events_unprocessed_idx" ON "webhook_events" USING btree ("received_at") WHERE "webhook_events"."processed_at" is null;