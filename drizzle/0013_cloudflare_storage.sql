CREATE TABLE "cloudflare_storage_daily" (
	"connection_id" uuid NOT NULL,
	"day" date NOT NULL,
	"stored_minutes" double precision NOT NULL,
	"limit_minutes" double precision,
	"video_count" integer NOT NULL,
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cloudflare_storage_daily_connection_id_day_pk" PRIMARY KEY("connection_id","day")
);
--> statement-breakpoint
ALTER TABLE "cloudflare_storage_daily" ADD CONSTRAINT "cloudflare_storage_daily_connection_id_cloudflare_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."cloudflare_connections"("id") ON DELETE cascade ON UPDATE no action;