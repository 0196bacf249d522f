CREATE TABLE "analytics_tenant_daily" (
	"tenant_id" uuid NOT NULL,
	"day" date NOT NULL,
	"views" integer NOT NULL,
	"viewers" integer NOT NULL,
	"seconds_watched" bigint NOT NULL,
	"new_members" integer NOT NULL,
	"enrollments" integer NOT NULL,
	"enrollment_tokens" integer NOT NULL,
	"token_purchases" integer NOT NULL,
	"tokens_sold" integer NOT NULL,
	"token_sales_cents" bigint NOT NULL,
	"active_subscribers" integer NOT NULL,
	"subscribers_by_tier" jsonb NOT NULL,
	"mrr_cents" bigint NOT NULL,
	"rolled_up_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "analytics_tenant_daily_tenant_id_day_pk" PRIMARY KEY("tenant_id","day")
);
--> statement-breakpoint
CREATE TABLE "analytics_video_daily" (
	"tenant_id" uuid NOT NULL,
	"video_id" uuid NOT NULL,
	"day" date NOT NULL,
	"views" integer NOT NULL,
	"viewers" integer NOT NULL,
	"seconds_watched" bigint NOT NULL,
	"completion_sum" real NOT NULL,
	CONSTRAINT "analytics_video_daily_video_id_day_pk" PRIMARY KEY("video_id","day")
);
--> statement-breakpoint
CREATE TABLE "analytics_viewer_daily" (
	"tenant_id" uuid NOT NULL,
	"day" date NOT NULL,
	"user_id" uuid NOT NULL,
	"views" integer NOT NULL,
	"seconds_watched" bigint NOT NULL,
	CONSTRAINT "analytics_viewer_daily_tenant_id_day_user_id_pk" PRIMARY KEY("tenant_id","day","user_id")
);
--> statement-breakpoint
ALTER TABLE "token_ledger" ADD COLUMN "amount_cents" integer;--> statement-breakpoint
ALTER TABLE "token_ledger" ADD COLUMN "currency" text;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "watch_retention_months" integer DEFAULT 13 NOT NULL;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "amount_cents" integer;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "currency" text;--> statement-breakpoint
ALTER TABLE "analytics_tenant_daily" ADD CONSTRAINT "analytics_tenant_daily_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_video_daily" ADD CONSTRAINT "analytics_video_daily_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_video_daily" ADD CONSTRAINT "analytics_video_daily_video_id_videos_id_fk" FOREIGN KEY ("video_id") REFERENCES "public"."videos"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_viewer_daily" ADD CONSTRAINT "analytics_viewer_daily_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analytics_viewer_daily" ADD CONSTRAINT "analytics_viewer_daily_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "analytics_video_daily_tenant_day_idx" ON "analytics_video_daily" USING btree ("tenant_id","day");--> statement-breakpoint
CREATE INDEX "watch_sessions_started_idx" ON "watch_sessions" USING btree ("started_at");