CREATE TABLE "outbound_host_pacing" (
	"host" text PRIMARY KEY NOT NULL,
	"next_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "prospect_icps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"industries" text[] DEFAULT '{}'::text[] NOT NULL,
	"province" text,
	"cities" text[] DEFAULT '{}'::text[] NOT NULL,
	"radius_km" smallint,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"employees_min" integer,
	"employees_max" integer,
	"keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"daily_quota" smallint DEFAULT 16 NOT NULL,
	"providers" text[] DEFAULT '{}'::text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "prospect_icps_province_check" CHECK ("prospect_icps"."province" in ('AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT')),
	CONSTRAINT "prospect_icps_daily_quota_check" CHECK ("prospect_icps"."daily_quota" between 1 and 200),
	CONSTRAINT "prospect_icps_radius_check" CHECK ("prospect_icps"."radius_km" between 1 and 500),
	CONSTRAINT "prospect_icps_employees_check" CHECK (coalesce("prospect_icps"."employees_min", 0) <= coalesce("prospect_icps"."employees_max", 2147483647)),
	CONSTRAINT "prospect_icps_name_check" CHECK (length("prospect_icps"."name") between 1 and 120),
	CONSTRAINT "prospect_icps_languages_check" CHECK ("prospect_icps"."languages" <@ array['en', 'fr']::text[]),
	CONSTRAINT "prospect_icps_providers_check" CHECK ("prospect_icps"."providers" <@ array['pdl', 'apollo', 'google_places', 'demo']::text[])
);
--> statement-breakpoint
CREATE TABLE "prospect_site_embeddings" (
	"prospect_id" uuid PRIMARY KEY NOT NULL,
	"embedding_model" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "queue_jobs" DROP CONSTRAINT "queue_jobs_job_type_check";--> statement-breakpoint
-- Hand edit: rows found before the domain key get their host without "www." (the
-- registrable domain for every site not on a subdomain); new rows get the public-suffix one.
ALTER TABLE "prospect_candidates" ADD COLUMN "domain" text;--> statement-breakpoint
UPDATE "prospect_candidates" SET "domain" = regexp_replace(regexp_replace("website", '^https?://(www\.)?', ''), ':[0-9]+$', '');--> statement-breakpoint
ALTER TABLE "prospect_candidates" ALTER COLUMN "domain" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "prospect_candidates" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "prospect_candidates" ADD COLUMN "city" text;--> statement-breakpoint
ALTER TABLE "prospect_candidates" ADD COLUMN "fit_score" numeric(5, 2);--> statement-breakpoint
ALTER TABLE "prospect_candidates" ADD COLUMN "analysis_status" text DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE "prospect_candidates" ADD COLUMN "analyzed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "prospect_site_embeddings" ADD CONSTRAINT "prospect_site_embeddings_prospect_id_prospect_candidates_id_fk" FOREIGN KEY ("prospect_id") REFERENCES "public"."prospect_candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "prospect_icps_active_idx" ON "prospect_icps" USING btree ("active");--> statement-breakpoint
CREATE INDEX "prospect_candidates_fit_idx" ON "prospect_candidates" USING btree ("fit_score" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "prospect_candidates_phone_idx" ON "prospect_candidates" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "prospect_candidates_name_city_idx" ON "prospect_candidates" USING btree (lower("business_name"),lower("city"));--> statement-breakpoint
CREATE INDEX "prospect_candidates_metadata_idx" ON "prospect_candidates" USING gin ("metadata" jsonb_path_ops);--> statement-breakpoint
ALTER TABLE "prospect_candidates" ADD CONSTRAINT "prospect_candidates_domain_unique" UNIQUE("domain");--> statement-breakpoint
ALTER TABLE "queue_jobs" ADD CONSTRAINT "queue_jobs_job_type_check" CHECK ("queue_jobs"."job_type" in ('daily_prospect_queue', 'bulk_email', 'intelligence_analysis', 'enrich_lead', 'form_test', 'prompt_experiment', 'learning_retention', 'prospect_analysis'));--> statement-breakpoint
ALTER TABLE "prospect_candidates" ADD CONSTRAINT "prospect_candidates_analysis_status_check" CHECK ("prospect_candidates"."analysis_status" in ('pending', 'analyzed', 'failed'));--> statement-breakpoint
ALTER TABLE "prospect_candidates" ADD CONSTRAINT "prospect_candidates_fit_check" CHECK ("prospect_candidates"."fit_score" between 0 and 100);--> statement-breakpoint
-- Hand edit: as for avenir_profile_embeddings (0000), vector(1536) where pgvector can be
-- created, real[1536] elsewhere.
DO $$
BEGIN
	IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector') THEN
		CREATE EXTENSION IF NOT EXISTS vector;
		ALTER TABLE "prospect_site_embeddings" ADD COLUMN "embedding" vector(1536);
	ELSE
		ALTER TABLE "prospect_site_embeddings" ADD COLUMN "embedding" real[]
			CONSTRAINT "prospect_site_embeddings_embedding_check" CHECK (cardinality("embedding") = 1536);
	END IF;
END
$$;
--> statement-breakpoint
-- The growth machine's tables are the operator's, never a tenant's.
SELECT avenir_secure_table('prospect_icps', 'service');
--> statement-breakpoint
SELECT avenir_secure_table('prospect_site_embeddings', 'service');
--> statement-breakpoint
SELECT avenir_secure_table('outbound_host_pacing', 'service');
