CREATE TABLE "outreach_mailboxes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"first_sent_at" timestamp with time zone,
	"next_send_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outreach_mailboxes_email_unique" UNIQUE("email"),
	CONSTRAINT "outreach_mailboxes_email_check" CHECK ("outreach_mailboxes"."email" = lower("outreach_mailboxes"."email"))
);
--> statement-breakpoint
CREATE TABLE "outreach_suppressions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"address" text,
	"domain" text,
	"reason" text NOT NULL,
	"email_id" uuid,
	"note" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outreach_suppressions_reason_check" CHECK ("outreach_suppressions"."reason" in ('unsubscribed', 'hard_bounce', 'complaint', 'manual')),
	CONSTRAINT "outreach_suppressions_target_check" CHECK (("outreach_suppressions"."address" is null) <> ("outreach_suppressions"."domain" is null)),
	CONSTRAINT "outreach_suppressions_lower_check" CHECK ("outreach_suppressions"."address" = lower("outreach_suppressions"."address") and "outreach_suppressions"."domain" = lower("outreach_suppressions"."domain"))
);
--> statement-breakpoint
ALTER TABLE "queue_jobs" DROP CONSTRAINT "queue_jobs_job_type_check";--> statement-breakpoint
ALTER TABLE "inbound_messages" DROP CONSTRAINT "inbound_messages_purpose_check";--> statement-breakpoint
ALTER TABLE "outreach_emails" DROP CONSTRAINT "outreach_emails_status_check";--> statement-breakpoint
ALTER TABLE "outreach_emails" ADD COLUMN "scheduled_for" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outreach_emails" ADD COLUMN "approved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outreach_emails" ADD COLUMN "approved_by" text;--> statement-breakpoint
ALTER TABLE "outreach_emails" ADD COLUMN "claimed_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "outreach_suppressions_address_unique" ON "outreach_suppressions" USING btree ("address") WHERE "outreach_suppressions"."address" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "outreach_suppressions_domain_unique" ON "outreach_suppressions" USING btree ("domain") WHERE "outreach_suppressions"."domain" is not null;--> statement-breakpoint
CREATE INDEX "outreach_suppressions_created_idx" ON "outreach_suppressions" USING btree ("created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "outreach_emails_due_idx" ON "outreach_emails" USING btree ("scheduled_for") WHERE "outreach_emails"."status" = 'approved' and "outreach_emails"."claimed_at" is null;--> statement-breakpoint
CREATE INDEX "outreach_emails_sender_sent_idx" ON "outreach_emails" USING btree ("sender_email","sent_at");--> statement-breakpoint
ALTER TABLE "queue_jobs" ADD CONSTRAINT "queue_jobs_job_type_check" CHECK ("queue_jobs"."job_type" in ('daily_prospect_queue', 'bulk_email', 'intelligence_analysis', 'enrich_lead', 'form_test', 'prompt_experiment', 'learning_retention', 'prospect_analysis', 'form_tests', 'form_test_timeouts', 'outreach_send', 'outreach_event'));--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD CONSTRAINT "inbound_messages_purpose_check" CHECK ("inbound_messages"."purpose" in ('form_test', 'outreach'));--> statement-breakpoint
ALTER TABLE "outreach_emails" ADD CONSTRAINT "outreach_emails_status_check" CHECK ("outreach_emails"."status" in ('pending', 'approved', 'rejected', 'sent', 'delivered', 'opened', 'replied', 'bounced', 'cancelled'));--> statement-breakpoint
-- Service only: suppression is the operator's, across every campaign; mailboxes are the scheduler's.
SELECT avenir_secure_table('outreach_suppressions', 'service');--> statement-breakpoint
SELECT avenir_secure_table('outreach_mailboxes', 'service');
