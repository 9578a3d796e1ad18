DROP INDEX "lead_actions_client_timestamp_idx";--> statement-breakpoint
CREATE INDEX "lead_actions_client_type_timestamp_idx" ON "lead_actions" USING btree ("client_id","action_type","timestamp","id");--> statement-breakpoint
CREATE INDEX "lead_actions_client_timestamp_idx" ON "lead_actions" USING btree ("client_id","timestamp","id");