ALTER TABLE "lead_actions" DROP CONSTRAINT "lead_actions_action_type_check";--> statement-breakpoint
DROP INDEX "lead_memory_inbox_idx";--> statement-breakpoint
DROP INDEX "lead_memory_inbox_urgency_idx";--> statement-breakpoint
ALTER TABLE "lead_memory" ADD COLUMN "spam_verdict" text;--> statement-breakpoint
ALTER TABLE "lead_memory" ADD COLUMN "in_spam" boolean GENERATED ALWAYS AS (coalesce(spam_verdict = 'spam', is_spam or coalesce(intent in ('Spam', 'Vendor pitch'), false))) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "lead_memory_inbox_idx" ON "lead_memory" USING btree ("client_id","deleted","archived","in_spam","created_at","id","is_test","urgency");--> statement-breakpoint
CREATE INDEX "lead_memory_inbox_urgency_idx" ON "lead_memory" USING btree ("client_id","deleted","archived","in_spam",(case "urgency" when 'High' then 0 when 'Medium' then 1 when 'Low' then 2 else 3 end),"created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
ALTER TABLE "lead_actions" ADD CONSTRAINT "lead_actions_action_type_check" CHECK ("lead_actions"."action_type" in ('created', 'tagged', 'archived', 'deleted', 'restored', 'reactivated', 'replied', 'notified', 'noted', 'marked_spam', 'marked_not_spam'));--> statement-breakpoint
ALTER TABLE "lead_memory" ADD CONSTRAINT "lead_memory_spam_verdict_check" CHECK ("lead_memory"."spam_verdict" in ('spam', 'not_spam'));--> statement-breakpoint

-- Search as people type: the last word is a prefix ("toit" finds "toiture", "plomb" finds
-- "plomberie") in both stemmers; the words before it are whole words, websearch syntax as
-- before. The prefix is the word as plainto_tsquery reads it (so no input can be a syntax
-- error), with `:*` on its last lexeme; a stop word of one language ("le", "the") leaves
-- that language to the other words, and a word negated with "-" stays whole. Everything
-- else as in migration 0009: the tenant from the policy's setting, the search as literals
-- so the planner uses the indexes.
CREATE OR REPLACE FUNCTION avenir_lead_search(q text) RETURNS SETOF uuid
	LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public ROWS 1000
	AS $$
DECLARE
	tail text := substring(q from '([^[:space:]"()]+)[[:space:]]*$');
	head text := q;
	english_prefix text := '';
	french_prefix text := '';
BEGIN
	IF tail IS NOT NULL AND left(tail, 1) <> '-' THEN
		head := left(q, length(q) - length(substring(q from '[^[:space:]"()]+[[:space:]]*$')));
		english_prefix := regexp_replace(plainto_tsquery('english'::regconfig, tail)::text, '''$', ''':*');
		french_prefix := regexp_replace(plainto_tsquery('french'::regconfig, tail)::text, '''$', ''':*');
	END IF;
	RETURN QUERY EXECUTE format(
		'SELECT id FROM lead_memory WHERE client_id = avenir_current_client() AND (search_document @@ ('
		|| '(websearch_to_tsquery(''english''::regconfig, %1$L) && %3$L::tsquery) || '
		|| '(websearch_to_tsquery(''french''::regconfig, %1$L) && %4$L::tsquery)) '
		|| 'OR lower(email) LIKE %2$L)',
		head,
		replace(replace(replace(lower(q), '\', '\\'), '%', '\%'), '_', '\_') || '%',
		english_prefix,
		french_prefix);
END
$$;
