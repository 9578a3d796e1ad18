CREATE TABLE "integration_log_daily" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"day" date NOT NULL,
	"origin" text DEFAULT '' NOT NULL,
	"response_status" smallint NOT NULL,
	"requests" integer NOT NULL,
	"first_at" timestamp with time zone NOT NULL,
	"last_at" timestamp with time zone NOT NULL,
	CONSTRAINT "integration_log_daily_requests_check" CHECK ("integration_log_daily"."requests" > 0)
);
--> statement-breakpoint
CREATE TABLE "retired_widget_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"api_key" text NOT NULL,
	"client_id" uuid NOT NULL,
	"retired_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "retired_widget_keys_api_key_unique" UNIQUE("api_key")
);
--> statement-breakpoint
ALTER TABLE "queue_jobs" DROP CONSTRAINT "queue_jobs_job_type_check";--> statement-breakpoint
ALTER TABLE "sent_emails" DROP CONSTRAINT "sent_emails_kind_check";--> statement-breakpoint
ALTER TABLE "integration_logs" ADD COLUMN "origin" text;--> statement-breakpoint
ALTER TABLE "integration_log_daily" ADD CONSTRAINT "integration_log_daily_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retired_widget_keys" ADD CONSTRAINT "retired_widget_keys_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "integration_log_daily_key_unique" ON "integration_log_daily" USING btree ("client_id","day","origin","response_status");--> statement-breakpoint
CREATE INDEX "retired_widget_keys_client_idx" ON "retired_widget_keys" USING btree ("client_id");--> statement-breakpoint
ALTER TABLE "queue_jobs" ADD CONSTRAINT "queue_jobs_job_type_check" CHECK ("queue_jobs"."job_type" in ('daily_prospect_queue', 'bulk_email', 'intelligence_analysis', 'enrich_lead', 'form_test', 'prompt_experiment', 'learning_retention', 'prospect_analysis', 'form_tests', 'form_test_timeouts', 'outreach_send', 'outreach_event', 'outreach_gmail_sync', 'outreach_personalise', 'connection_health', 'integration_log_retention'));--> statement-breakpoint
ALTER TABLE "sent_emails" ADD CONSTRAINT "sent_emails_kind_check" CHECK ("sent_emails"."kind" in ('reply', 'notification', 'digest', 'connection_alert'));--> statement-breakpoint
ALTER TABLE "integration_logs" ADD CONSTRAINT "integration_logs_origin_check" CHECK (length("integration_logs"."origin") <= 300);--> statement-breakpoint
SELECT avenir_secure_table('integration_log_daily', 'tenant', 'SELECT');
--> statement-breakpoint
SELECT avenir_secure_table('retired_widget_keys', 'tenant', 'SELECT');
--> statement-breakpoint
-- Hand edit: the intake's procedures (0003) now keep the request's Origin, the site the form
-- is embedded on, for connection health. Cut at the column's bound: the header is the caller's.
CREATE OR REPLACE FUNCTION avenir_capture_lead(target_client uuid, lead jsonb, request jsonb)
	RETURNS TABLE (lead_id uuid, created boolean)
	LANGUAGE plpgsql VOLATILE AS $$
DECLARE
	new_id uuid;
BEGIN
	PERFORM set_config('role', 'avenir_tenant', true);
	PERFORM set_config('app.client_id', target_client::text, true);

	INSERT INTO lead_memory (client_id, name, email, phone, message, language, consent, is_spam, spam_reason,
			idempotency_key, metadata, is_test)
		VALUES (target_client, lead->>'name', lead->>'email', lead->>'phone', lead->>'message', lead->>'language',
			coalesce((lead->>'consent')::boolean, false), coalesce((lead->>'is_spam')::boolean, false),
			lead->>'spam_reason', lead->>'idempotency_key', coalesce(lead->'metadata', '{}'::jsonb),
			coalesce((lead->>'is_test')::boolean, false))
		ON CONFLICT (client_id, idempotency_key) DO NOTHING
		RETURNING id INTO new_id;

	IF new_id IS NULL THEN
		RETURN QUERY SELECT m.id, false FROM lead_memory m
			WHERE m.client_id = target_client AND m.idempotency_key = lead->>'idempotency_key';
		RETURN;
	END IF;

	INSERT INTO lead_actions (lead_id, client_id, action_type, performed_by, is_test, metadata)
		VALUES (new_id, target_client, 'created', 'widget', coalesce((lead->>'is_test')::boolean, false),
			jsonb_build_object('spam', coalesce((lead->>'is_spam')::boolean, false)));
	INSERT INTO integration_logs (client_id, api_key, endpoint, method, request_body, response_status,
			response_body, ip_address, user_agent, origin)
		VALUES (target_client, request->>'api_key', request->>'endpoint', request->>'method', request->'request_body',
			201, jsonb_build_object('id', new_id), (request->>'ip_address')::inet, request->>'user_agent',
			left(request->>'origin', 300));
	UPDATE clients SET last_connection = now() WHERE id = target_client;

	RETURN QUERY SELECT new_id, true;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION avenir_log_intake(target_client uuid, request jsonb)
	RETURNS void
	LANGUAGE plpgsql VOLATILE AS $$
BEGIN
	PERFORM set_config('role', 'avenir_tenant', true);
	PERFORM set_config('app.client_id', target_client::text, true);
	INSERT INTO integration_logs (client_id, api_key, endpoint, method, request_body, response_status,
			response_body, ip_address, user_agent, origin)
		VALUES (target_client, request->>'api_key', request->>'endpoint', request->>'method', request->'request_body',
			(request->>'response_status')::smallint, request->'response_body', (request->>'ip_address')::inet,
			request->>'user_agent', left(request->>'origin', 300));
END
$$;
--> statement-breakpoint
-- A request signed with a key its client rotated away from: logged (401 invalid_key) under
-- that client, so its connection health names the page still carrying the old snippet.
-- False when the key was never a client's: a guess, which stays unlogged.
CREATE OR REPLACE FUNCTION avenir_log_retired_key(widget_key text, request jsonb)
	RETURNS boolean
	LANGUAGE plpgsql VOLATILE AS $$
DECLARE
	owner uuid;
BEGIN
	PERFORM set_config('role', 'avenir_service', true);
	SELECT r.client_id INTO owner FROM retired_widget_keys r WHERE r.api_key = widget_key;
	IF owner IS NULL THEN
		RETURN false;
	END IF;
	INSERT INTO integration_logs (client_id, api_key, endpoint, method, request_body, response_status,
			response_body, ip_address, user_agent, origin)
		VALUES (owner, request->>'api_key', request->>'endpoint', request->>'method', null, 401,
			jsonb_build_object('error', 'invalid_key'), (request->>'ip_address')::inet, request->>'user_agent',
			left(request->>'origin', 300));
	RETURN true;
END
$$;
