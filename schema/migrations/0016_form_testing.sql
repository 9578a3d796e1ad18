CREATE TABLE "inbound_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dedupe_key" text NOT NULL,
	"recipient" text NOT NULL,
	"purpose" text NOT NULL,
	"target_id" uuid NOT NULL,
	"message_id" text,
	"from_address" text,
	"subject" text,
	"raw_size" integer NOT NULL,
	"auto_submitted" boolean DEFAULT false NOT NULL,
	"is_bounce" boolean DEFAULT false NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"outcome" jsonb,
	CONSTRAINT "inbound_messages_dedupe_key_unique" UNIQUE("dedupe_key"),
	CONSTRAINT "inbound_messages_purpose_check" CHECK ("inbound_messages"."purpose" in ('form_test')),
	CONSTRAINT "inbound_messages_raw_size_check" CHECK ("inbound_messages"."raw_size" >= 0)
);
--> statement-breakpoint
CREATE TABLE "form_test_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"prospect_ids" uuid[] NOT NULL,
	"proposed_by" text NOT NULL,
	"approved_by" text,
	"approved_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"result" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "form_test_batches_status_check" CHECK ("form_test_batches"."status" in ('proposed', 'approved', 'running', 'completed', 'cancelled')),
	CONSTRAINT "form_test_batches_size_check" CHECK (cardinality("form_test_batches"."prospect_ids") between 1 and 100)
);
--> statement-breakpoint
ALTER TABLE "queue_jobs" DROP CONSTRAINT "queue_jobs_job_type_check";--> statement-breakpoint
ALTER TABLE "prospect_form_tests" ADD COLUMN "batch_id" uuid;--> statement-breakpoint
ALTER TABLE "prospect_form_tests" ADD COLUMN "form_url" text;--> statement-breakpoint
ALTER TABLE "prospect_form_tests" ADD COLUMN "reply_address" text;--> statement-breakpoint
CREATE INDEX "inbound_messages_target_idx" ON "inbound_messages" USING btree ("purpose","target_id","received_at");--> statement-breakpoint
CREATE INDEX "form_test_batches_created_idx" ON "form_test_batches" USING btree ("created_at" DESC NULLS LAST);--> statement-breakpoint
ALTER TABLE "prospect_form_tests" ADD CONSTRAINT "prospect_form_tests_batch_id_form_test_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."form_test_batches"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "prospect_form_tests_batch_idx" ON "prospect_form_tests" USING btree ("batch_id");--> statement-breakpoint
ALTER TABLE "queue_jobs" ADD CONSTRAINT "queue_jobs_job_type_check" CHECK ("queue_jobs"."job_type" in ('daily_prospect_queue', 'bulk_email', 'intelligence_analysis', 'enrich_lead', 'form_test', 'prompt_experiment', 'learning_retention', 'prospect_analysis', 'form_tests'));--> statement-breakpoint
-- The growth machine's tables are the operator's, never a tenant's.
SELECT avenir_secure_table('form_test_batches', 'service');
--> statement-breakpoint
SELECT avenir_secure_table('inbound_messages', 'service');
