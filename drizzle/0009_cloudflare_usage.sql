CREATE TABLE "cloudflare_delivery_daily" (
	"connection_id" uuid NOT NULL,
	"day" date NOT NULL,
	"video_uid" text NOT NULL,
	"minutes" double precision NOT NULL,
	CONSTRAINT "cloudflare_delivery_daily_connection_id_day_video_uid_pk" PRIMARY KEY("connection_id","day","video_uid")
);
--> statement-breakpoint
CREATE TABLE "cloudflare_usage_days" (
	"connection_id" uuid NOT NULL,
	"day" date NOT NULL,
	"fetched_at" timestamp with time zone,
	"error" text,
	CONSTRAINT "cloudflare_usage_days_connection_id_day_pk" PRIMARY KEY("connection_id","day")
);
--> statement-breakpoint
ALTER TABLE "analytics_tenant_daily" ADD COLUMN "stored_seconds" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "videos" ADD COLUMN "reserved_seconds" integer;--> statement-breakpoint
ALTER TABLE "videos" ADD COLUMN "upload_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cloudflare_delivery_daily" ADD CONSTRAINT "cloudflare_delivery_daily_connection_id_cloudflare_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."cloudflare_connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cloudflare_usage_days" ADD CONSTRAINT "cloudflare_usage_days_connection_id_cloudflare_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."cloudflare_connections"("id") ON DELETE cascade ON UPDATE no action;