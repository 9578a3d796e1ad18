ALTER TABLE "queue_jobs" DROP CONSTRAINT "queue_jobs_job_type_check";--> statement-breakpoint
ALTER TABLE "lead_actions" DROP CONSTRAINT "lead_actions_action_type_check";--> statement-breakpoint
DROP INDEX "prompt_ab_tests_one_running_idx";--> statement-breakpoint
ALTER TABLE "prompt_ab_tests" ADD COLUMN "language" text;--> statement-breakpoint
-- A test's language is its variants'; every test so far was between two of one language.
UPDATE "prompt_ab_tests" t SET "language" = r."language" FROM "prompt_registry" r WHERE r."variant_id" = t."control_variant_id";--> statement-breakpoint
ALTER TABLE "prompt_ab_tests" ALTER COLUMN "language" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "feedback_tracking_pending_idx" ON "feedback_tracking" USING btree ("created_at") WHERE "feedback_tracking"."processed_at" is null and "feedback_tracking"."action_type" = 'system_performance';--> statement-breakpoint
CREATE INDEX "feedback_tracking_corrections_idx" ON "feedback_tracking" USING btree ("client_id","processed_at" DESC NULLS LAST) WHERE "feedback_tracking"."outcome" = 'negative' and "feedback_tracking"."action_type" = 'system_performance';--> statement-breakpoint
CREATE UNIQUE INDEX "prompt_ab_tests_one_running_idx" ON "prompt_ab_tests" USING btree ("prompt_name","language") WHERE "prompt_ab_tests"."status" = 'running';--> statement-breakpoint
ALTER TABLE "queue_jobs" ADD CONSTRAINT "queue_jobs_job_type_check" CHECK ("queue_jobs"."job_type" in ('daily_prospect_queue', 'bulk_email', 'intelligence_analysis', 'enrich_lead', 'form_test', 'prompt_experiment', 'learning_retention'));--> statement-breakpoint
ALTER TABLE "lead_actions" ADD CONSTRAINT "lead_actions_action_type_check" CHECK ("lead_actions"."action_type" in ('created', 'tagged', 'archived', 'deleted', 'restored', 'reactivated', 'replied', 'notified', 'noted', 'marked_spam', 'marked_not_spam', 'corrected'));--> statement-breakpoint
ALTER TABLE "prompt_ab_tests" ADD CONSTRAINT "prompt_ab_tests_language_check" CHECK ("prompt_ab_tests"."language" in ('en', 'fr'));--> statement-breakpoint
-- A client's correction scores the execution that made the prediction (features/learning).
GRANT UPDATE (accuracy_score) ON "prompt_performance" TO avenir_tenant;
