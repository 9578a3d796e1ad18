-- Procedures of the public intake. Each sets its own role (and tenant) for the rest of its
-- one-statement transaction, so the hot path is a single round trip with row-level security
-- still in force: statements inside a function are planned when first run, after the
-- set_config calls, under the role they set. worker/db.ts lists them; nothing else may call
-- the database outside a tenant or service transaction.

-- The client a publishable widget key belongs to, with what the intake needs of it.
CREATE OR REPLACE FUNCTION avenir_resolve_widget_key(widget_key text)
	RETURNS TABLE (
		id uuid, business_name text, language text, booking_link text, allowed_origins text[],
		require_consent boolean, is_test boolean
	)
	LANGUAGE plpgsql VOLATILE AS $$
BEGIN
	PERFORM set_config('role', 'avenir_service', true);
	RETURN QUERY
		SELECT c.id, c.business_name, c.language, c.booking_link, c.allowed_origins, c.require_consent, c.is_test
		FROM clients c WHERE c.api_key = widget_key;
END
$$;
--> statement-breakpoint
-- Whether any client allows this origin: answers CORS preflights, which carry no key.
CREATE OR REPLACE FUNCTION avenir_origin_is_allowed(request_origin text)
	RETURNS boolean
	LANGUAGE plpgsql VOLATILE AS $$
BEGIN
	PERFORM set_config('role', 'avenir_service', true);
	RETURN EXISTS (SELECT 1 FROM clients c WHERE request_origin = ANY (c.allowed_origins));
END
$$;
--> statement-breakpoint
-- Stores one lead as the client's tenant: the lead, its 'created' action, the integration
-- log and the client's last_connection, atomically. A second call with the same
-- idempotency key returns the first lead's id and writes nothing.
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
			response_body, ip_address, user_agent)
		VALUES (target_client, request->>'api_key', request->>'endpoint', request->>'method', request->'request_body',
			201, jsonb_build_object('id', new_id), (request->>'ip_address')::inet, request->>'user_agent');
	UPDATE clients SET last_connection = now() WHERE id = target_client;

	RETURN QUERY SELECT new_id, true;
END
$$;
--> statement-breakpoint
-- Logs an intake request that was refused (422, 403…) for a known client, for debugging
-- its integration.
CREATE OR REPLACE FUNCTION avenir_log_intake(target_client uuid, request jsonb)
	RETURNS void
	LANGUAGE plpgsql VOLATILE AS $$
BEGIN
	PERFORM set_config('role', 'avenir_tenant', true);
	PERFORM set_config('app.client_id', target_client::text, true);
	INSERT INTO integration_logs (client_id, api_key, endpoint, method, request_body, response_status,
			response_body, ip_address, user_agent)
		VALUES (target_client, request->>'api_key', request->>'endpoint', request->>'method', request->'request_body',
			(request->>'response_status')::smallint, request->'response_body', (request->>'ip_address')::inet,
			request->>'user_agent');
END
$$;
