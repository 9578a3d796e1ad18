-- Tenant isolation in the database. Every table has row-level security on; application code
-- reaches tables only inside a transaction that has taken one of these roles with SET LOCAL
-- (worker/db.ts), so a query that forgets its client filter still sees one tenant's rows.
--
--   avenir_tenant   one client's dashboard and public form: rows whose client_id equals
--                   the transaction's app.client_id, plus the public vocabularies
--   avenir_service  cron jobs, queues, internal staff: every row
--   avenir_public   read-only vocabularies (intent names, verified translations)
--
-- Roles are cluster-wide, so they are created only if missing. The migrating user (the one
-- in DATABASE_URL) is granted all three so its transactions can SET LOCAL ROLE to them.
DO $$
DECLARE
	role_name text;
BEGIN
	FOREACH role_name IN ARRAY ARRAY['avenir_tenant', 'avenir_service', 'avenir_public'] LOOP
		IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = role_name) THEN
			EXECUTE format('CREATE ROLE %I NOLOGIN', role_name);
		END IF;
		EXECUTE format('GRANT %I TO CURRENT_USER', role_name);
	END LOOP;
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO avenir_tenant, avenir_service, avenir_public;
--> statement-breakpoint
GRANT USAGE ON SCHEMA drizzle TO avenir_service;
--> statement-breakpoint
GRANT SELECT ON drizzle.__drizzle_migrations TO avenir_service;
--> statement-breakpoint
-- The tenant of the current transaction, NULL (which matches no row) when none was set.
CREATE OR REPLACE FUNCTION avenir_current_client() RETURNS uuid
	LANGUAGE sql STABLE PARALLEL SAFE
	AS $$ SELECT nullif(current_setting('app.client_id', true), '')::uuid $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION avenir_current_client() TO avenir_tenant, avenir_service, avenir_public;
--> statement-breakpoint
-- Turns on row-level security for one table with the policies of its kind. Later
-- migrations call it for every table they create; a test fails if a table is left out.
--   'tenant'       rows owned by a client through client_id; tenant_privileges lists
--                  what the tenant may do (audit tables are insert-only for tenants)
--   'public_read'  everyone reads, only the service writes
--   'service'      service only
CREATE OR REPLACE FUNCTION avenir_secure_table(target regclass, kind text, tenant_privileges text DEFAULT 'SELECT, INSERT, UPDATE, DELETE')
	RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', target);
	EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO avenir_service', target);
	EXECUTE format('CREATE POLICY service_all ON %s FOR ALL TO avenir_service USING (true) WITH CHECK (true)', target);
	IF kind = 'tenant' THEN
		EXECUTE format('GRANT %s ON %s TO avenir_tenant', tenant_privileges, target);
		EXECUTE format('CREATE POLICY tenant_isolation ON %s FOR ALL TO avenir_tenant
			USING (client_id = avenir_current_client()) WITH CHECK (client_id = avenir_current_client())', target);
	ELSIF kind = 'public_read' THEN
		EXECUTE format('GRANT SELECT ON %s TO avenir_tenant, avenir_public', target);
		EXECUTE format('CREATE POLICY public_read ON %s FOR SELECT TO avenir_tenant, avenir_public USING (true)', target);
	ELSIF kind <> 'service' THEN
		RAISE EXCEPTION 'unknown table kind %', kind;
	END IF;
END
$$;
--> statement-breakpoint
-- A client sees and edits its own account row, and only the settings columns of it.
ALTER TABLE clients ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON clients TO avenir_service;
--> statement-breakpoint
CREATE POLICY service_all ON clients FOR ALL TO avenir_service USING (true) WITH CHECK (true);
--> statement-breakpoint
GRANT SELECT ON clients TO avenir_tenant;
--> statement-breakpoint
GRANT UPDATE (business_name, password_hash, must_change_password, language, email_tone, ai_personalized_reply,
	booking_link, industry, allowed_origins, require_consent, last_connection, last_login_at, updated_at)
	ON clients TO avenir_tenant;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON clients FOR ALL TO avenir_tenant
	USING (id = avenir_current_client()) WITH CHECK (id = avenir_current_client());
--> statement-breakpoint
SELECT avenir_secure_table('lead_memory', 'tenant');
--> statement-breakpoint
SELECT avenir_secure_table('lead_actions', 'tenant', 'SELECT, INSERT');
--> statement-breakpoint
SELECT avenir_secure_table('lead_notes', 'tenant');
--> statement-breakpoint
SELECT avenir_secure_table('growth_brain', 'tenant');
--> statement-breakpoint
SELECT avenir_secure_table('feedback_tracking', 'tenant');
--> statement-breakpoint
SELECT avenir_secure_table('performance_metrics', 'tenant', 'SELECT, INSERT');
--> statement-breakpoint
SELECT avenir_secure_table('prompt_performance', 'tenant', 'SELECT, INSERT');
--> statement-breakpoint
SELECT avenir_secure_table('outreach_campaigns', 'tenant');
--> statement-breakpoint
SELECT avenir_secure_table('outreach_emails', 'tenant');
--> statement-breakpoint
SELECT avenir_secure_table('outreach_tracking', 'tenant', 'SELECT, INSERT');
--> statement-breakpoint
SELECT avenir_secure_table('outreach_metrics', 'tenant');
--> statement-breakpoint
SELECT avenir_secure_table('integration_logs', 'tenant', 'SELECT, INSERT');
--> statement-breakpoint
SELECT avenir_secure_table('intent_translations', 'public_read');
--> statement-breakpoint
SELECT avenir_secure_table('translation_dictionary', 'public_read');
--> statement-breakpoint
SELECT avenir_secure_table('queue_jobs', 'service');
--> statement-breakpoint
SELECT avenir_secure_table('prompt_registry', 'service');
--> statement-breakpoint
SELECT avenir_secure_table('prompt_ab_tests', 'service');
--> statement-breakpoint
SELECT avenir_secure_table('prompt_evolution', 'service');
--> statement-breakpoint
SELECT avenir_secure_table('prospect_candidates', 'service');
--> statement-breakpoint
SELECT avenir_secure_table('prospect_outreach_log', 'service');
--> statement-breakpoint
SELECT avenir_secure_table('prospect_industry_performance', 'service');
--> statement-breakpoint
SELECT avenir_secure_table('prospect_form_tests', 'service');
--> statement-breakpoint
SELECT avenir_secure_table('email_templates', 'service');
--> statement-breakpoint
SELECT avenir_secure_table('translation_cache', 'service');
--> statement-breakpoint
SELECT avenir_secure_table('avenir_profile_embeddings', 'service');
