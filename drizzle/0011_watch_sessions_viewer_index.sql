DROP INDEX "watch_sessions_video_started_idx";--> statement-breakpoint
CREATE INDEX "watch_sessions_video_started_idx" ON "watch_sessions" USING btree ("tenant_id","video_id","started_at","user_id");