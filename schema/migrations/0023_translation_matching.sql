-- Hand edit: the dictionary's fuzzy lookup (features/translation/dictionary.ts). pg_trgm is
-- on Neon, PGlite (loaded by the embedded database) and Debian's PostgreSQL.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- A term as the lookup compares it: lower case; accents, œ and æ folded; French elisions
-- (l', d', qu'…) dropped; punctuation as spaces; a plural s or x dropped from words of four
-- letters or more (not after another s: "glass"). « Thermopompes », "l'thermopompe" and
-- "thermopompe" share a key; an article stays a word (« les thermopompes » keys as
-- "les thermopompe", found by similarity). The plural rule also cuts a singular s or x
-- (prix → pri, bois → boi): harmless in a key no one reads, as long as both sides are folded
-- alike. A typo is left to trigram similarity on the key. lower() folds accented capitals
-- under a UTF-8 ctype, which Neon's and Debian's databases have.
CREATE OR REPLACE FUNCTION avenir_term_key(term text)
	RETURNS text
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
	SELECT btrim(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
		replace(replace(translate(replace(lower(term), '’', ''''),
			'àâäáãåçéèêëíìîïñóòôöõúùûüýÿ', 'aaaaaaceeeeiiiinooooouuuuyy'), 'œ', 'oe'), 'æ', 'ae'),
		'\m(jusqu|lorsqu|puisqu|qu|l|d|j|m|n|s|t|c)''', '', 'g'),
		'[^a-z0-9]+', ' ', 'g'),
		'([a-z]{2}[a-rt-z])[sx]\M', '\1', 'g'),
		' +', ' ', 'g'))
$$;
--> statement-breakpoint
ALTER TABLE "translation_cache" ADD COLUMN "use_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "translation_dictionary" ADD COLUMN "match_key" text GENERATED ALWAYS AS (avenir_term_key(source_text)) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "translation_dictionary_match_idx" ON "translation_dictionary" USING btree ("match_key","source_language","target_language");--> statement-breakpoint
CREATE INDEX "translation_dictionary_match_trgm_idx" ON "translation_dictionary" USING gist ("match_key" gist_trgm_ops);--> statement-breakpoint
ALTER TABLE "translation_cache" ADD CONSTRAINT "translation_cache_use_count_check" CHECK ("translation_cache"."use_count" >= 0);