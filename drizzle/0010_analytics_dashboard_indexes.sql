CREATE INDEX "analytics_video_daily_day_idx" ON "analytics_video_daily" USING btree ("day");--> statement-breakpoint
CREATE INDEX "analytics_viewer_daily_tenant_user_idx" ON "analytics_viewer_daily" USING btree ("tenant_id","user_id","day");--> statement-breakpoint
CREATE INDEX "analytics_viewer_daily_day_idx" ON "analytics_viewer_daily" USING btree ("day");