ALTER TABLE "sent_emails" DROP CONSTRAINT "sent_emails_kind_check";--> statement-breakpoint
ALTER TABLE "growth_brain" ALTER COLUMN "predictive_insights" SET DEFAULT '{"en":{"recommendations":[]},"fr":{"recommendations":[]},"engine":null}'::jsonb;--> statement-breakpoint
ALTER TABLE "sent_emails" ALTER COLUMN "lead_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "weekly_digest" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "digest_token" text DEFAULT replace(gen_random_uuid()::text, '-', '') NOT NULL;--> statement-breakpoint
ALTER TABLE "growth_brain" ADD COLUMN "figures" jsonb;--> statement-breakpoint
-- Every email sent so far was about a lead: its key is the one its Message-ID was made from.
ALTER TABLE "sent_emails" ADD COLUMN "send_key" text;--> statement-breakpoint
UPDATE "sent_emails" SET "send_key" = "kind" || '-' || "lead_id";--> statement-breakpoint
ALTER TABLE "sent_emails" ALTER COLUMN "send_key" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_digest_token_unique" UNIQUE("digest_token");--> statement-breakpoint
ALTER TABLE "sent_emails" ADD CONSTRAINT "sent_emails_send_key_unique" UNIQUE("send_key");--> statement-breakpoint
ALTER TABLE "sent_emails" ADD CONSTRAINT "sent_emails_lead_check" CHECK (("sent_emails"."kind" in ('reply', 'notification')) = ("sent_emails"."lead_id" is not null));--> statement-breakpoint
ALTER TABLE "sent_emails" ADD CONSTRAINT "sent_emails_kind_check" CHECK ("sent_emails"."kind" in ('reply', 'notification', 'digest'));--> statement-breakpoint
-- The client turns its Monday digest on and off in settings (features/insights).
GRANT UPDATE (weekly_digest) ON "clients" TO avenir_tenant;
