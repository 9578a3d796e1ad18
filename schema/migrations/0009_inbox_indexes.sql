DROP INDEX "lead_memory_client_status_idx";--> statement-breakpoint
DROP INDEX "lead_memory_client_created_idx";--> statement-breakpoint
CREATE INDEX "lead_memory_inbox_idx" ON "lead_memory" USING btree ("client_id","deleted","archived","created_at","id","is_test","urgency");--> statement-breakpoint
CREATE INDEX "lead_memory_inbox_urgency_idx" ON "lead_memory" USING btree ("client_id","deleted","archived",(case "urgency" when 'High' then 0 when 'Medium' then 1 when 'Low' then 2 else 3 end),"created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "lead_memory_client_tag_idx" ON "lead_memory" USING btree ("client_id","current_tag","created_at","id") WHERE "lead_memory"."current_tag" is not null;--> statement-breakpoint
CREATE INDEX "lead_memory_client_created_idx" ON "lead_memory" USING btree ("client_id","created_at","id");--> statement-breakpoint

-- The inbox's search, written by hand (Drizzle describes none of it).
--
-- The searchable document is stored rather than indexed as an expression: a bitmap scan
-- rechecks rows on lossy pages, and a common word filters thousands of rows, each of which
-- would run both stemmers again. Same document as 0008's index: both stemmers on every lead.
DROP INDEX "lead_memory_search_idx";--> statement-breakpoint
ALTER TABLE "lead_memory" ADD COLUMN "search_document" tsvector GENERATED ALWAYS AS (
	to_tsvector('english'::regconfig, coalesce("name", '') || ' ' || coalesce("email", '') || ' ' || coalesce("message", '') || ' ' || coalesce("ai_summary", ''))
	|| to_tsvector('french'::regconfig, coalesce("name", '') || ' ' || coalesce("email", '') || ' ' || coalesce("message", '') || ' ' || coalesce("ai_summary", ''))
) STORED;--> statement-breakpoint
CREATE INDEX "lead_memory_search_idx" ON "lead_memory" USING gin ("search_document");--> statement-breakpoint
-- "an email starting with q", case-insensitive: lower(email) LIKE 'prefix%' is a range on this index.
CREATE INDEX "lead_memory_email_prefix_idx" ON "lead_memory" USING btree (lower("email") text_pattern_ops);--> statement-breakpoint

-- The ids of the current tenant's leads that match a search (worker/services/lead-filters.ts).
-- Under row-level security the planner may not run a function that is not LEAKPROOF (@@,
-- lower, LIKE) before the policy, so as the tenant it cannot use the two indexes above and
-- ran both stemmers on every lead of the client: seconds at 100,000 leads. This function
-- runs as its owner, whom the policy does not bind, and names the tenant itself, from the
-- same setting the policy reads: it can only ever answer the caller's own leads, and the
-- caller's query stays under the policy. The statement is built with the search as
-- literals so the planner sees them: the LIKE prefix becomes an index range, and a
-- BitmapOr joins the two indexes.
CREATE OR REPLACE FUNCTION avenir_lead_search(q text) RETURNS SETOF uuid
	LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public ROWS 1000
	AS $$
BEGIN
	RETURN QUERY EXECUTE format(
		'SELECT id FROM lead_memory WHERE client_id = avenir_current_client() AND (search_document @@ '
		|| '(websearch_to_tsquery(''english''::regconfig, %1$L) || websearch_to_tsquery(''french''::regconfig, %1$L)) '
		|| 'OR lower(email) LIKE %2$L)',
		q,
		replace(replace(replace(lower(q), '\', '\\'), '%', '\%'), '_', '\_') || '%');
END
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION avenir_lead_search(text) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION avenir_lead_search(text) TO avenir_tenant;
