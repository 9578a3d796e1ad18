CREATE TABLE "dev_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"message_id" text NOT NULL,
	"from_address" text NOT NULL,
	"to_address" text NOT NULL,
	"reply_to" text,
	"subject" text NOT NULL,
	"text_body" text NOT NULL,
	"html_body" text NOT NULL,
	"raw_mime" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dev_outbox_message_id_unique" UNIQUE("message_id")
);
--> statement-breakpoint
CREATE TABLE "sent_emails" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"lead_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'sending' NOT NULL,
	"provider" text,
	"to_email" text NOT NULL,
	"subject" text NOT NULL,
	"text_body" text NOT NULL,
	"html_body" text NOT NULL,
	"message_id" text NOT NULL,
	"provider_message_id" text,
	"thread_id" text,
	"engine" text,
	"error" text,
	"attempts" integer DEFAULT 1 NOT NULL,
	"lease_expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "sent_emails_lead_kind_unique" UNIQUE("lead_id","kind"),
	CONSTRAINT "sent_emails_kind_check" CHECK ("sent_emails"."kind" in ('reply', 'notification')),
	CONSTRAINT "sent_emails_status_check" CHECK ("sent_emails"."status" in ('sending', 'sent', 'failed')),
	CONSTRAINT "sent_emails_provider_check" CHECK ("sent_emails"."provider" in ('gmail', 'outbox')),
	CONSTRAINT "sent_emails_engine_check" CHECK ("sent_emails"."engine" in ('openai', 'offline')),
	CONSTRAINT "sent_emails_attempts_check" CHECK ("sent_emails"."attempts" >= 0),
	CONSTRAINT "sent_emails_sent_check" CHECK (("sent_emails"."status" = 'sent') = ("sent_emails"."sent_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "lead_memory" ADD COLUMN "ai_summary_en" text;--> statement-breakpoint
ALTER TABLE "lead_memory" ADD COLUMN "ai_summary_fr" text;--> statement-breakpoint
ALTER TABLE "sent_emails" ADD CONSTRAINT "sent_emails_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sent_emails" ADD CONSTRAINT "sent_emails_lead_fk" FOREIGN KEY ("lead_id","client_id") REFERENCES "public"."lead_memory"("id","client_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dev_outbox_created_idx" ON "dev_outbox" USING btree ("created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "sent_emails_client_created_idx" ON "sent_emails" USING btree ("client_id","created_at" DESC NULLS LAST);--> statement-breakpoint
SELECT avenir_secure_table('sent_emails', 'tenant', 'SELECT');
--> statement-breakpoint
SELECT avenir_secure_table('dev_outbox', 'service');
