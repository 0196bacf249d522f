CREATE TYPE "public"."broadcast_mode" AS ENUM('webrtc', 'encoder');--> statement-breakpoint
CREATE TYPE "public"."class_status" AS ENUM('scheduled', 'live', 'ended', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."recording_status" AS ENUM('none', 'processing', 'ready', 'failed', 'deleted');--> statement-breakpoint
CREATE TABLE "class_enrollments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"price_paid" integer NOT NULL,
	"refunded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "live_classes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"instructor_user_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"scheduled_start" timestamp with time zone NOT NULL,
	"duration_minutes" integer NOT NULL,
	"price_tokens" integer DEFAULT 0 NOT NULL,
	"keep_recording" boolean DEFAULT true NOT NULL,
	"status" "class_status" DEFAULT 'scheduled' NOT NULL,
	"connection_id" uuid NOT NULL,
	"live_input_uid" text NOT NULL,
	"broadcast_mode" "broadcast_mode",
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"recording_uid" text,
	"recording_status" "recording_status" DEFAULT 'none' NOT NULL,
	"recording_duration_seconds" integer,
	"recording_deleted_at" timestamp with time zone,
	"catalog_video_id" uuid,
	"current_viewers" integer DEFAULT 0 NOT NULL,
	"peak_viewers" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "live_classes_duration_check" CHECK ("live_classes"."duration_minutes" between 5 and 720),
	CONSTRAINT "live_classes_price_check" CHECK ("live_classes"."price_tokens" >= 0)
);
--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "replay_days" integer DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "catalog_after_days" integer DEFAULT 60 NOT NULL;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "catalog_access_level" text DEFAULT 'members' NOT NULL;--> statement-breakpoint
ALTER TABLE "class_enrollments" ADD CONSTRAINT "class_enrollments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_enrollments" ADD CONSTRAINT "class_enrollments_class_id_live_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."live_classes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_enrollments" ADD CONSTRAINT "class_enrollments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_classes" ADD CONSTRAINT "live_classes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_classes" ADD CONSTRAINT "live_classes_instructor_user_id_users_id_fk" FOREIGN KEY ("instructor_user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_classes" ADD CONSTRAINT "live_classes_connection_id_cloudflare_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."cloudflare_connections"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_classes" ADD CONSTRAINT "live_classes_catalog_video_id_videos_id_fk" FOREIGN KEY ("catalog_video_id") REFERENCES "public"."videos"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "class_enrollments_class_user_key" ON "class_enrollments" USING btree ("class_id","user_id");--> statement-breakpoint
CREATE INDEX "class_enrollments_user_idx" ON "class_enrollments" USING btree ("tenant_id","user_id");--> statement-breakpoint
CREATE INDEX "live_classes_tenant_start_idx" ON "live_classes" USING btree ("tenant_id","scheduled_start");--> statement-breakpoint
CREATE INDEX "live_classes_status_start_idx" ON "live_classes" USING btree ("status","scheduled_start");--> statement-breakpoint
CREATE UNIQUE INDEX "live_classes_input_key" ON "live_classes" USING btree ("connection_id","live_input_uid");--> statement-breakpoint
CREATE INDEX "live_classes_recording_idx" ON "live_classes" USING btree ("connection_id","recording_uid");--> statement-breakpoint
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_catalog_access_check" CHECK ("tenants"."catalog_access_level" in ('public', 'members', 'tier'));