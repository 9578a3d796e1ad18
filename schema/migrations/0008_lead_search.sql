-- Unread leads: opened_at is set the first time the lead is opened in the dashboard.
ALTER TABLE "lead_memory" ADD COLUMN "opened_at" timestamp with time zone;--> statement-breakpoint

-- The inbox's bilingual full-text search (worker/services/leads.ts, LEAD_SEARCH_DOCUMENT,
-- must stay the same expression for the planner to use this index). Both stemmers run on
-- every lead, whatever its language: a French client's customer writes in English and the
-- other way round, and "plumbing" (english: plumb) meets "plumber" (french: plumb).
CREATE INDEX "lead_memory_search_idx" ON "lead_memory" USING gin ((
	to_tsvector('english'::regconfig, coalesce("name", '') || ' ' || coalesce("email", '') || ' ' || coalesce("message", '') || ' ' || coalesce("ai_summary", ''))
	|| to_tsvector('french'::regconfig, coalesce("name", '') || ' ' || coalesce("email", '') || ' ' || coalesce("message", '') || ' ' || coalesce("ai_summary", ''))
));
