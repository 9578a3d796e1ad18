CREATE TABLE "clients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" text NOT NULL,
	"api_key" text NOT NULL,
	"business_name" text NOT NULL,
	"email" text NOT NULL,
	"password_hash" text NOT NULL,
	"must_change_password" boolean DEFAULT true NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"email_tone" text DEFAULT 'Professional' NOT NULL,
	"ai_personalized_reply" boolean DEFAULT true NOT NULL,
	"booking_link" text,
	"industry" text,
	"allowed_origins" text[] DEFAULT '{}'::text[] NOT NULL,
	"require_consent" boolean DEFAULT false NOT NULL,
	"last_connection" timestamp with time zone,
	"last_login_at" timestamp with time zone,
	"is_test" boolean DEFAULT false NOT NULL,
	"is_internal" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "clients_client_id_unique" UNIQUE("client_id"),
	CONSTRAINT "clients_api_key_unique" UNIQUE("api_key"),
	CONSTRAINT "clients_language_check" CHECK ("clients"."language" in ('en', 'fr')),
	CONSTRAINT "clients_email_tone_check" CHECK ("clients"."email_tone" in ('Professional', 'Friendly', 'Formal', 'Energetic')),
	CONSTRAINT "clients_business_name_check" CHECK (length(btrim("clients"."business_name")) between 1 and 200),
	CONSTRAINT "clients_email_check" CHECK ("clients"."email" ~ '^[^@\s]+@[^@\s]+$'),
	CONSTRAINT "clients_booking_link_check" CHECK ("clients"."booking_link" ~ '^https?://')
);
--> statement-breakpoint
CREATE TABLE "queue_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"job_type" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"result" jsonb,
	"error" text,
	"dedupe_key" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"lease_expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	CONSTRAINT "queue_jobs_dedupe_key_unique" UNIQUE("dedupe_key"),
	CONSTRAINT "queue_jobs_job_type_check" CHECK ("queue_jobs"."job_type" in ('daily_prospect_queue', 'bulk_email', 'intelligence_analysis', 'enrich_lead', 'form_test', 'prompt_experiment')),
	CONSTRAINT "queue_jobs_status_check" CHECK ("queue_jobs"."status" in ('pending', 'processing', 'completed', 'failed')),
	CONSTRAINT "queue_jobs_attempts_check" CHECK ("queue_jobs"."attempts" >= 0),
	CONSTRAINT "queue_jobs_completion_check" CHECK (("queue_jobs"."status" in ('completed', 'failed')) = ("queue_jobs"."completed_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "lead_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lead_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"action_type" text NOT NULL,
	"tag" text,
	"timestamp" timestamp with time zone DEFAULT now() NOT NULL,
	"conversion_outcome" boolean,
	"reversion_reason" text,
	"performed_by" text DEFAULT 'system' NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"is_test" boolean DEFAULT false NOT NULL,
	CONSTRAINT "lead_actions_action_type_check" CHECK ("lead_actions"."action_type" in ('created', 'tagged', 'archived', 'deleted', 'reactivated', 'replied', 'notified', 'noted')),
	CONSTRAINT "lead_actions_tag_check" CHECK ("lead_actions"."action_type" <> 'tagged' or "lead_actions"."tag" is not null)
);
--> statement-breakpoint
CREATE TABLE "lead_memory" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"phone" text,
	"message" text NOT NULL,
	"ai_summary" text,
	"intent" text,
	"tone" text,
	"urgency" text,
	"confidence_score" numeric(3, 2),
	"tone_history" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"confidence_history" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"urgency_history" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"enrichment_engine" text,
	"enriched_at" timestamp with time zone,
	"archived" boolean DEFAULT false NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"current_tag" text,
	"language" text,
	"consent" boolean DEFAULT false NOT NULL,
	"is_spam" boolean DEFAULT false NOT NULL,
	"spam_reason" text,
	"idempotency_key" text,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"is_test" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lead_memory_id_client_unique" UNIQUE("id","client_id"),
	CONSTRAINT "lead_memory_idempotency_unique" UNIQUE("client_id","idempotency_key"),
	CONSTRAINT "lead_memory_tone_check" CHECK ("lead_memory"."tone" in ('Professional', 'Friendly', 'Formal', 'Casual', 'Frustrated', 'Enthusiastic')),
	CONSTRAINT "lead_memory_urgency_check" CHECK ("lead_memory"."urgency" in ('High', 'Medium', 'Low')),
	CONSTRAINT "lead_memory_language_check" CHECK ("lead_memory"."language" in ('en', 'fr')),
	CONSTRAINT "lead_memory_engine_check" CHECK ("lead_memory"."enrichment_engine" in ('openai', 'offline')),
	CONSTRAINT "lead_memory_confidence_check" CHECK ("lead_memory"."confidence_score" between 0 and 1),
	CONSTRAINT "lead_memory_history_check" CHECK (jsonb_typeof("lead_memory"."tone_history") = 'array'
      and jsonb_typeof("lead_memory"."confidence_history") = 'array' and jsonb_typeof("lead_memory"."urgency_history") = 'array')
);
--> statement-breakpoint
CREATE TABLE "lead_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lead_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"note" text NOT NULL,
	"performed_by" text DEFAULT 'admin' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"is_test" boolean DEFAULT false NOT NULL,
	CONSTRAINT "lead_notes_note_check" CHECK (length(btrim("lead_notes"."note")) between 1 and 10000)
);
--> statement-breakpoint
CREATE TABLE "feedback_tracking" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lead_id" uuid,
	"client_id" uuid,
	"action_type" text NOT NULL,
	"outcome" text NOT NULL,
	"confidence_score" numeric(4, 3),
	"impact_score" smallint,
	"context_data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"notes" text,
	"notes_en" text,
	"notes_fr" text,
	"learning_applied" boolean DEFAULT false NOT NULL,
	"learning_impact" numeric(4, 3),
	"processed_at" timestamp with time zone,
	"expires_at" timestamp with time zone DEFAULT (now() + '1 year'::interval) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feedback_tracking_action_type_check" CHECK ("feedback_tracking"."action_type" in ('lead_conversion', 'email_response', 'user_action', 'system_performance')),
	CONSTRAINT "feedback_tracking_outcome_check" CHECK ("feedback_tracking"."outcome" in ('positive', 'negative', 'neutral')),
	CONSTRAINT "feedback_tracking_confidence_check" CHECK ("feedback_tracking"."confidence_score" between 0 and 1),
	CONSTRAINT "feedback_tracking_impact_check" CHECK ("feedback_tracking"."impact_score" between -100 and 100),
	CONSTRAINT "feedback_tracking_learning_impact_check" CHECK ("feedback_tracking"."learning_impact" between 0 and 1),
	CONSTRAINT "feedback_tracking_lead_client_check" CHECK ("feedback_tracking"."lead_id" is null or "feedback_tracking"."client_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "growth_brain" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"analysis_period_start" timestamp with time zone NOT NULL,
	"analysis_period_end" timestamp with time zone NOT NULL,
	"total_leads" integer DEFAULT 0 NOT NULL,
	"top_intents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"urgency_distribution" jsonb DEFAULT '{"high":0,"medium":0,"low":0}'::jsonb NOT NULL,
	"urgency_trend_percentage" numeric(7, 2),
	"tone_distribution" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"tone_sentiment_score" numeric(5, 2),
	"avg_confidence" numeric(4, 3),
	"confidence_trajectory" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"language_ratio" jsonb DEFAULT '{"en":0,"fr":0}'::jsonb NOT NULL,
	"engagement_score" numeric(5, 2),
	"predictive_insights" jsonb DEFAULT '{"en":{},"fr":{}}'::jsonb NOT NULL,
	"analyzed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "growth_brain_client_unique" UNIQUE("client_id"),
	CONSTRAINT "growth_brain_total_leads_check" CHECK ("growth_brain"."total_leads" >= 0),
	CONSTRAINT "growth_brain_tone_sentiment_check" CHECK ("growth_brain"."tone_sentiment_score" between 0 and 100),
	CONSTRAINT "growth_brain_avg_confidence_check" CHECK ("growth_brain"."avg_confidence" between 0 and 1),
	CONSTRAINT "growth_brain_engagement_check" CHECK ("growth_brain"."engagement_score" between 0 and 100),
	CONSTRAINT "growth_brain_period_check" CHECK ("growth_brain"."analysis_period_end" >= "growth_brain"."analysis_period_start")
);
--> statement-breakpoint
CREATE TABLE "performance_metrics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_type" text NOT NULL,
	"metric_name" text NOT NULL,
	"metric_value" double precision NOT NULL,
	"metric_unit" text NOT NULL,
	"response_time_ms" integer,
	"success_rate" numeric(4, 3),
	"ai_accuracy" numeric(4, 3),
	"error_count" integer DEFAULT 0 NOT NULL,
	"source_component" text NOT NULL,
	"client_id" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"error_message_en" text,
	"error_message_fr" text,
	CONSTRAINT "performance_metrics_event_type_check" CHECK ("performance_metrics"."event_type" in ('api_response', 'ai_analysis', 'translation', 'lead_processing', 'email_response')),
	CONSTRAINT "performance_metrics_metric_name_check" CHECK ("performance_metrics"."metric_name" in ('response_time', 'accuracy', 'success_rate', 'error_rate', 'cache_hit', 'cache_miss')),
	CONSTRAINT "performance_metrics_metric_unit_check" CHECK ("performance_metrics"."metric_unit" in ('ms', 'percent', 'count', 'score')),
	CONSTRAINT "performance_metrics_source_check" CHECK ("performance_metrics"."source_component" in ('lead_api', 'translation_service', 'intelligence_engine', 'mailer', 'queue')),
	CONSTRAINT "performance_metrics_response_time_check" CHECK ("performance_metrics"."response_time_ms" >= 0),
	CONSTRAINT "performance_metrics_error_count_check" CHECK ("performance_metrics"."error_count" >= 0),
	CONSTRAINT "performance_metrics_success_rate_check" CHECK ("performance_metrics"."success_rate" between 0 and 1),
	CONSTRAINT "performance_metrics_ai_accuracy_check" CHECK ("performance_metrics"."ai_accuracy" between 0 and 1)
);
--> statement-breakpoint
CREATE TABLE "email_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"subject" text NOT NULL,
	"html_content" text NOT NULL,
	"plain_content" text NOT NULL,
	"language" text NOT NULL,
	"category" text NOT NULL,
	"variables" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"usage_count" integer DEFAULT 0 NOT NULL,
	"performance_score" numeric(4, 3),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "email_templates_name_language_unique" UNIQUE("name","language"),
	CONSTRAINT "email_templates_language_check" CHECK ("email_templates"."language" in ('en', 'fr')),
	CONSTRAINT "email_templates_usage_count_check" CHECK ("email_templates"."usage_count" >= 0),
	CONSTRAINT "email_templates_performance_check" CHECK ("email_templates"."performance_score" between 0 and 1)
);
--> statement-breakpoint
CREATE TABLE "outreach_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"client_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"target_criteria" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"email_template_id" uuid,
	"follow_up_schedule" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "outreach_campaigns_id_client_unique" UNIQUE("id","client_id"),
	CONSTRAINT "outreach_campaigns_status_check" CHECK ("outreach_campaigns"."status" in ('draft', 'active', 'paused', 'completed'))
);
--> statement-breakpoint
CREATE TABLE "outreach_emails" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"prospect_id" uuid,
	"prospect_email" text,
	"prospect_name" text,
	"company_name" text,
	"website" text,
	"template_id" uuid,
	"subject" text NOT NULL,
	"content" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"sent_at" timestamp with time zone,
	"opened_at" timestamp with time zone,
	"replied_at" timestamp with time zone,
	"thread_id" text,
	"gmail_message_id" text,
	"follow_up_sequence" integer DEFAULT 1 NOT NULL,
	"sender_email" text,
	"missing_email" boolean DEFAULT false NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outreach_emails_id_client_unique" UNIQUE("id","client_id"),
	CONSTRAINT "outreach_emails_status_check" CHECK ("outreach_emails"."status" in ('pending', 'approved', 'rejected', 'sent', 'delivered', 'opened', 'replied', 'bounced')),
	CONSTRAINT "outreach_emails_follow_up_check" CHECK ("outreach_emails"."follow_up_sequence" >= 1),
	CONSTRAINT "outreach_emails_missing_email_check" CHECK ("outreach_emails"."missing_email" or "outreach_emails"."prospect_email" is not null)
);
--> statement-breakpoint
CREATE TABLE "outreach_metrics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"total_emails_sent" integer DEFAULT 0 NOT NULL,
	"total_emails_delivered" integer DEFAULT 0 NOT NULL,
	"total_emails_opened" integer DEFAULT 0 NOT NULL,
	"total_emails_clicked" integer DEFAULT 0 NOT NULL,
	"total_emails_replied" integer DEFAULT 0 NOT NULL,
	"total_emails_bounced" integer DEFAULT 0 NOT NULL,
	"total_emails_unsubscribed" integer DEFAULT 0 NOT NULL,
	"open_rate" numeric(5, 2) DEFAULT 0 NOT NULL,
	"click_rate" numeric(5, 2) DEFAULT 0 NOT NULL,
	"reply_rate" numeric(5, 2) DEFAULT 0 NOT NULL,
	"bounce_rate" numeric(5, 2) DEFAULT 0 NOT NULL,
	"revenue_generated" numeric(12, 2) DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outreach_metrics_campaign_unique" UNIQUE("campaign_id"),
	CONSTRAINT "outreach_metrics_totals_check" CHECK (least("outreach_metrics"."total_emails_sent", "outreach_metrics"."total_emails_delivered", "outreach_metrics"."total_emails_opened", "outreach_metrics"."total_emails_clicked",
        "outreach_metrics"."total_emails_replied", "outreach_metrics"."total_emails_bounced", "outreach_metrics"."total_emails_unsubscribed") >= 0),
	CONSTRAINT "outreach_metrics_open_rate_check" CHECK ("outreach_metrics"."open_rate" between 0 and 100),
	CONSTRAINT "outreach_metrics_click_rate_check" CHECK ("outreach_metrics"."click_rate" between 0 and 100),
	CONSTRAINT "outreach_metrics_reply_rate_check" CHECK ("outreach_metrics"."reply_rate" between 0 and 100),
	CONSTRAINT "outreach_metrics_bounce_rate_check" CHECK ("outreach_metrics"."bounce_rate" between 0 and 100),
	CONSTRAINT "outreach_metrics_revenue_check" CHECK ("outreach_metrics"."revenue_generated" >= 0)
);
--> statement-breakpoint
CREATE TABLE "outreach_tracking" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"prospect_id" uuid,
	"campaign_id" uuid NOT NULL,
	"action" text NOT NULL,
	"timestamp" timestamp with time zone DEFAULT now() NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "outreach_tracking_action_check" CHECK ("outreach_tracking"."action" in ('sent', 'delivered', 'opened', 'clicked', 'replied', 'bounced', 'unsubscribed'))
);
--> statement-breakpoint
CREATE TABLE "prompt_ab_tests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"test_name" text NOT NULL,
	"prompt_name" text NOT NULL,
	"control_variant_id" text NOT NULL,
	"treatment_variant_id" text NOT NULL,
	"control_traffic_percentage" numeric(5, 2) DEFAULT 50 NOT NULL,
	"treatment_traffic_percentage" numeric(5, 2) DEFAULT 50 NOT NULL,
	"min_sample_size" integer DEFAULT 100 NOT NULL,
	"max_duration_days" integer DEFAULT 7 NOT NULL,
	"significance_level" numeric(4, 3) DEFAULT 0.05 NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"control_metrics" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"treatment_metrics" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"statistical_significance" numeric(6, 5),
	"winner_variant_id" text,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "prompt_ab_tests_test_name_unique" UNIQUE("test_name"),
	CONSTRAINT "prompt_ab_tests_status_check" CHECK ("prompt_ab_tests"."status" in ('draft', 'running', 'completed', 'cancelled')),
	CONSTRAINT "prompt_ab_tests_control_traffic_check" CHECK ("prompt_ab_tests"."control_traffic_percentage" between 0 and 100),
	CONSTRAINT "prompt_ab_tests_treatment_traffic_check" CHECK ("prompt_ab_tests"."treatment_traffic_percentage" between 0 and 100),
	CONSTRAINT "prompt_ab_tests_traffic_sum_check" CHECK ("prompt_ab_tests"."control_traffic_percentage" + "prompt_ab_tests"."treatment_traffic_percentage" = 100),
	CONSTRAINT "prompt_ab_tests_min_sample_check" CHECK ("prompt_ab_tests"."min_sample_size" > 0),
	CONSTRAINT "prompt_ab_tests_max_duration_check" CHECK ("prompt_ab_tests"."max_duration_days" > 0),
	CONSTRAINT "prompt_ab_tests_significance_level_check" CHECK ("prompt_ab_tests"."significance_level" > 0 and "prompt_ab_tests"."significance_level" < 1),
	CONSTRAINT "prompt_ab_tests_p_value_check" CHECK ("prompt_ab_tests"."statistical_significance" between 0 and 1),
	CONSTRAINT "prompt_ab_tests_variants_check" CHECK ("prompt_ab_tests"."control_variant_id" <> "prompt_ab_tests"."treatment_variant_id"),
	CONSTRAINT "prompt_ab_tests_winner_check" CHECK ("prompt_ab_tests"."winner_variant_id" is null or "prompt_ab_tests"."winner_variant_id" in ("prompt_ab_tests"."control_variant_id", "prompt_ab_tests"."treatment_variant_id"))
);
--> statement-breakpoint
CREATE TABLE "prompt_evolution" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"parent_prompt_id" uuid NOT NULL,
	"child_prompt_id" uuid NOT NULL,
	"evolution_type" text NOT NULL,
	"evolution_strategy" text,
	"parent_performance" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"child_performance" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"improvement_score" numeric(4, 3),
	"feedback_data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"optimization_goals" text[] DEFAULT '{}'::text[] NOT NULL,
	"evolved_at" timestamp with time zone DEFAULT now() NOT NULL,
	"evolution_algorithm" text,
	CONSTRAINT "prompt_evolution_type_check" CHECK ("prompt_evolution"."evolution_type" in ('mutation', 'crossover', 'optimization', 'manual_edit')),
	CONSTRAINT "prompt_evolution_improvement_check" CHECK ("prompt_evolution"."improvement_score" between 0 and 1),
	CONSTRAINT "prompt_evolution_distinct_check" CHECK ("prompt_evolution"."parent_prompt_id" <> "prompt_evolution"."child_prompt_id")
);
--> statement-breakpoint
CREATE TABLE "prompt_performance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"prompt_registry_id" uuid NOT NULL,
	"execution_id" text NOT NULL,
	"client_id" uuid,
	"input_data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"output_data" jsonb,
	"output_quality_score" numeric(4, 3),
	"response_time_ms" integer,
	"token_count" integer,
	"cost_usd" numeric(12, 6),
	"accuracy_score" numeric(4, 3),
	"consistency_score" numeric(4, 3),
	"completeness_score" numeric(4, 3),
	"error_occurred" boolean DEFAULT false NOT NULL,
	"error_message" text,
	"feedback_id" uuid,
	"user_rating" smallint,
	"executed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"environment" text DEFAULT 'production' NOT NULL,
	CONSTRAINT "prompt_performance_execution_id_unique" UNIQUE("execution_id"),
	CONSTRAINT "prompt_performance_environment_check" CHECK ("prompt_performance"."environment" in ('production', 'staging', 'test')),
	CONSTRAINT "prompt_performance_quality_check" CHECK ("prompt_performance"."output_quality_score" between 0 and 1),
	CONSTRAINT "prompt_performance_accuracy_check" CHECK ("prompt_performance"."accuracy_score" between 0 and 1),
	CONSTRAINT "prompt_performance_consistency_check" CHECK ("prompt_performance"."consistency_score" between 0 and 1),
	CONSTRAINT "prompt_performance_completeness_check" CHECK ("prompt_performance"."completeness_score" between 0 and 1),
	CONSTRAINT "prompt_performance_user_rating_check" CHECK ("prompt_performance"."user_rating" between 1 and 5),
	CONSTRAINT "prompt_performance_response_time_check" CHECK ("prompt_performance"."response_time_ms" >= 0),
	CONSTRAINT "prompt_performance_token_count_check" CHECK ("prompt_performance"."token_count" >= 0),
	CONSTRAINT "prompt_performance_cost_check" CHECK ("prompt_performance"."cost_usd" >= 0)
);
--> statement-breakpoint
CREATE TABLE "prompt_registry" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"prompt_name" text NOT NULL,
	"variant_version" integer DEFAULT 1 NOT NULL,
	"variant_id" text NOT NULL,
	"prompt_text" text NOT NULL,
	"language" text NOT NULL,
	"score" numeric(4, 3),
	"usage_count" integer DEFAULT 0 NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "prompt_registry_variant_id_unique" UNIQUE("variant_id"),
	CONSTRAINT "prompt_registry_name_language_version_unique" UNIQUE("prompt_name","language","variant_version"),
	CONSTRAINT "prompt_registry_language_check" CHECK ("prompt_registry"."language" in ('en', 'fr')),
	CONSTRAINT "prompt_registry_score_check" CHECK ("prompt_registry"."score" between 0 and 1),
	CONSTRAINT "prompt_registry_usage_count_check" CHECK ("prompt_registry"."usage_count" >= 0),
	CONSTRAINT "prompt_registry_variant_version_check" CHECK ("prompt_registry"."variant_version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "prospect_candidates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"business_name" text NOT NULL,
	"website" text NOT NULL,
	"contact_email" text,
	"industry" text,
	"region" text,
	"language" text,
	"form_url" text,
	"last_tested" timestamp with time zone,
	"response_score" numeric(5, 2),
	"automation_need_score" smallint,
	"contacted" boolean DEFAULT false NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "prospect_candidates_website_unique" UNIQUE("website"),
	CONSTRAINT "prospect_candidates_language_check" CHECK ("prospect_candidates"."language" in ('en', 'fr')),
	CONSTRAINT "prospect_candidates_automation_need_check" CHECK ("prospect_candidates"."automation_need_score" between 45 and 95),
	CONSTRAINT "prospect_candidates_response_score_check" CHECK ("prospect_candidates"."response_score" between 0 and 100),
	CONSTRAINT "prospect_candidates_website_check" CHECK ("prospect_candidates"."website" ~ '^https?://')
);
--> statement-breakpoint
CREATE TABLE "prospect_form_tests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"prospect_id" uuid NOT NULL,
	"test_submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"response_received_at" timestamp with time zone,
	"response_time_minutes" integer,
	"has_autoresponder" boolean DEFAULT false NOT NULL,
	"autoresponder_tone" text,
	"autoresponder_content" text,
	"score" smallint,
	"test_status" text DEFAULT 'pending' NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "prospect_form_tests_tone_check" CHECK ("prospect_form_tests"."autoresponder_tone" in ('robotic', 'human', 'personalized', 'none')),
	CONSTRAINT "prospect_form_tests_status_check" CHECK ("prospect_form_tests"."test_status" in ('pending', 'completed', 'failed', 'timeout')),
	CONSTRAINT "prospect_form_tests_score_check" CHECK ("prospect_form_tests"."score" between 0 and 100),
	CONSTRAINT "prospect_form_tests_response_time_check" CHECK ("prospect_form_tests"."response_time_minutes" >= 0)
);
--> statement-breakpoint
CREATE TABLE "prospect_industry_performance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"industry" text NOT NULL,
	"total_contacted" integer DEFAULT 0 NOT NULL,
	"total_opened" integer DEFAULT 0 NOT NULL,
	"total_replied" integer DEFAULT 0 NOT NULL,
	"open_rate" numeric(5, 2) DEFAULT 0 NOT NULL,
	"reply_rate" numeric(5, 2) DEFAULT 0 NOT NULL,
	"avg_response_time_hours" numeric(8, 2),
	"priority_score" numeric(5, 2) DEFAULT 50 NOT NULL,
	"last_updated" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "prospect_industry_performance_industry_unique" UNIQUE("industry"),
	CONSTRAINT "prospect_industry_performance_contacted_check" CHECK ("prospect_industry_performance"."total_contacted" >= 0),
	CONSTRAINT "prospect_industry_performance_counts_check" CHECK ("prospect_industry_performance"."total_opened" between 0 and "prospect_industry_performance"."total_contacted" and "prospect_industry_performance"."total_replied" between 0 and "prospect_industry_performance"."total_contacted"),
	CONSTRAINT "prospect_industry_performance_open_rate_check" CHECK ("prospect_industry_performance"."open_rate" between 0 and 100),
	CONSTRAINT "prospect_industry_performance_reply_rate_check" CHECK ("prospect_industry_performance"."reply_rate" between 0 and 100),
	CONSTRAINT "prospect_industry_performance_priority_check" CHECK ("prospect_industry_performance"."priority_score" between 0 and 100),
	CONSTRAINT "prospect_industry_performance_response_time_check" CHECK ("prospect_industry_performance"."avg_response_time_hours" >= 0)
);
--> statement-breakpoint
CREATE TABLE "prospect_outreach_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"prospect_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"email_body" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"opened_at" timestamp with time zone,
	"replied_at" timestamp with time zone,
	"status" text DEFAULT 'sent' NOT NULL,
	"reply_content" text,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "prospect_outreach_log_status_check" CHECK ("prospect_outreach_log"."status" in ('sent', 'opened', 'replied', 'bounced', 'ignored'))
);
--> statement-breakpoint
CREATE TABLE "avenir_profile_embeddings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"chunk_text" text NOT NULL,
	"embedding_model" text NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- Hand edit: pgvector exists on Neon and PGlite but not on every Postgres (Debian's 15 has
-- none), so the embedding column is vector(1536) where the extension can be created and a
-- real[] of the same length elsewhere.
DO $$
BEGIN
	IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector') THEN
		CREATE EXTENSION IF NOT EXISTS vector;
		ALTER TABLE "avenir_profile_embeddings" ADD COLUMN "embedding" vector(1536);
	ELSE
		RAISE NOTICE 'pgvector is not available: avenir_profile_embeddings.embedding is real[1536]';
		ALTER TABLE "avenir_profile_embeddings" ADD COLUMN "embedding" real[]
			CONSTRAINT "avenir_profile_embeddings_embedding_check" CHECK (cardinality("embedding") = 1536);
	END IF;
END
$$;
--> statement-breakpoint
CREATE TABLE "integration_logs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid,
	"api_key" text,
	"endpoint" text NOT NULL,
	"method" text NOT NULL,
	"request_body" jsonb,
	"response_status" smallint NOT NULL,
	"response_body" jsonb,
	"ip_address" "inet",
	"user_agent" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "integration_logs_status_check" CHECK ("integration_logs"."response_status" between 100 and 599),
	CONSTRAINT "integration_logs_api_key_check" CHECK (length("integration_logs"."api_key") <= 16)
);
--> statement-breakpoint
CREATE TABLE "intent_translations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"intent_key" text NOT NULL,
	"intent_en" text NOT NULL,
	"intent_fr" text NOT NULL,
	"category" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "intent_translations_key_unique" UNIQUE("intent_key"),
	CONSTRAINT "intent_translations_en_unique" UNIQUE("intent_en"),
	CONSTRAINT "intent_translations_fr_unique" UNIQUE("intent_fr"),
	CONSTRAINT "intent_translations_category_check" CHECK ("intent_translations"."category" in ('sales', 'service', 'people', 'noise'))
);
--> statement-breakpoint
CREATE TABLE "translation_cache" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_text" text NOT NULL,
	"source_key" text GENERATED ALWAYS AS (md5(lower(regexp_replace(btrim(source_text), '\s+', ' ', 'g')))) STORED NOT NULL,
	"source_language" text NOT NULL,
	"target_language" text NOT NULL,
	"translated_text" text NOT NULL,
	"context_type" text NOT NULL,
	"quality_score" numeric(4, 3),
	"verified" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone DEFAULT (now() + '90 days'::interval) NOT NULL,
	CONSTRAINT "translation_cache_source_language_check" CHECK ("translation_cache"."source_language" in ('en', 'fr')),
	CONSTRAINT "translation_cache_target_language_check" CHECK ("translation_cache"."target_language" in ('en', 'fr')),
	CONSTRAINT "translation_cache_context_check" CHECK ("translation_cache"."context_type" in ('lead_summary', 'intent', 'tone', 'ui_text')),
	CONSTRAINT "translation_cache_quality_check" CHECK ("translation_cache"."quality_score" between 0 and 1),
	CONSTRAINT "translation_cache_direction_check" CHECK ("translation_cache"."source_language" <> "translation_cache"."target_language")
);
--> statement-breakpoint
CREATE TABLE "translation_dictionary" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_text" text NOT NULL,
	"source_language" text NOT NULL,
	"target_language" text NOT NULL,
	"translated_text" text NOT NULL,
	"context" text,
	"category" text,
	"verified" boolean DEFAULT false NOT NULL,
	"usage_count" integer DEFAULT 0 NOT NULL,
	"confidence" numeric(4, 3),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "translation_dictionary_source_language_check" CHECK ("translation_dictionary"."source_language" in ('en', 'fr')),
	CONSTRAINT "translation_dictionary_target_language_check" CHECK ("translation_dictionary"."target_language" in ('en', 'fr')),
	CONSTRAINT "translation_dictionary_confidence_check" CHECK ("translation_dictionary"."confidence" between 0 and 1),
	CONSTRAINT "translation_dictionary_usage_count_check" CHECK ("translation_dictionary"."usage_count" >= 0),
	CONSTRAINT "translation_dictionary_direction_check" CHECK ("translation_dictionary"."source_language" <> "translation_dictionary"."target_language")
);
--> statement-breakpoint
ALTER TABLE "lead_actions" ADD CONSTRAINT "lead_actions_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_actions" ADD CONSTRAINT "lead_actions_lead_fk" FOREIGN KEY ("lead_id","client_id") REFERENCES "public"."lead_memory"("id","client_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_memory" ADD CONSTRAINT "lead_memory_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_memory" ADD CONSTRAINT "lead_memory_intent_intent_translations_intent_en_fk" FOREIGN KEY ("intent") REFERENCES "public"."intent_translations"("intent_en") ON DELETE restrict ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "lead_notes" ADD CONSTRAINT "lead_notes_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_notes" ADD CONSTRAINT "lead_notes_lead_fk" FOREIGN KEY ("lead_id","client_id") REFERENCES "public"."lead_memory"("id","client_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_tracking" ADD CONSTRAINT "feedback_tracking_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_tracking" ADD CONSTRAINT "feedback_tracking_lead_fk" FOREIGN KEY ("lead_id","client_id") REFERENCES "public"."lead_memory"("id","client_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "growth_brain" ADD CONSTRAINT "growth_brain_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_metrics" ADD CONSTRAINT "performance_metrics_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_campaigns" ADD CONSTRAINT "outreach_campaigns_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_campaigns" ADD CONSTRAINT "outreach_campaigns_email_template_id_email_templates_id_fk" FOREIGN KEY ("email_template_id") REFERENCES "public"."email_templates"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_emails" ADD CONSTRAINT "outreach_emails_prospect_id_prospect_candidates_id_fk" FOREIGN KEY ("prospect_id") REFERENCES "public"."prospect_candidates"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_emails" ADD CONSTRAINT "outreach_emails_template_id_email_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."email_templates"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_emails" ADD CONSTRAINT "outreach_emails_campaign_fk" FOREIGN KEY ("campaign_id","client_id") REFERENCES "public"."outreach_campaigns"("id","client_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_metrics" ADD CONSTRAINT "outreach_metrics_campaign_fk" FOREIGN KEY ("campaign_id","client_id") REFERENCES "public"."outreach_campaigns"("id","client_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_tracking" ADD CONSTRAINT "outreach_tracking_prospect_id_prospect_candidates_id_fk" FOREIGN KEY ("prospect_id") REFERENCES "public"."prospect_candidates"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_tracking" ADD CONSTRAINT "outreach_tracking_email_fk" FOREIGN KEY ("email_id","client_id") REFERENCES "public"."outreach_emails"("id","client_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_tracking" ADD CONSTRAINT "outreach_tracking_campaign_fk" FOREIGN KEY ("campaign_id","client_id") REFERENCES "public"."outreach_campaigns"("id","client_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prompt_ab_tests" ADD CONSTRAINT "prompt_ab_tests_control_variant_id_prompt_registry_variant_id_fk" FOREIGN KEY ("control_variant_id") REFERENCES "public"."prompt_registry"("variant_id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prompt_ab_tests" ADD CONSTRAINT "prompt_ab_tests_treatment_variant_id_prompt_registry_variant_id_fk" FOREIGN KEY ("treatment_variant_id") REFERENCES "public"."prompt_registry"("variant_id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prompt_ab_tests" ADD CONSTRAINT "prompt_ab_tests_winner_variant_id_prompt_registry_variant_id_fk" FOREIGN KEY ("winner_variant_id") REFERENCES "public"."prompt_registry"("variant_id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prompt_evolution" ADD CONSTRAINT "prompt_evolution_parent_prompt_id_prompt_registry_id_fk" FOREIGN KEY ("parent_prompt_id") REFERENCES "public"."prompt_registry"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prompt_evolution" ADD CONSTRAINT "prompt_evolution_child_prompt_id_prompt_registry_id_fk" FOREIGN KEY ("child_prompt_id") REFERENCES "public"."prompt_registry"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prompt_performance" ADD CONSTRAINT "prompt_performance_prompt_registry_id_prompt_registry_id_fk" FOREIGN KEY ("prompt_registry_id") REFERENCES "public"."prompt_registry"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prompt_performance" ADD CONSTRAINT "prompt_performance_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prompt_performance" ADD CONSTRAINT "prompt_performance_feedback_id_feedback_tracking_id_fk" FOREIGN KEY ("feedback_id") REFERENCES "public"."feedback_tracking"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prospect_form_tests" ADD CONSTRAINT "prospect_form_tests_prospect_id_prospect_candidates_id_fk" FOREIGN KEY ("prospect_id") REFERENCES "public"."prospect_candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prospect_outreach_log" ADD CONSTRAINT "prospect_outreach_log_prospect_id_prospect_candidates_id_fk" FOREIGN KEY ("prospect_id") REFERENCES "public"."prospect_candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration_logs" ADD CONSTRAINT "integration_logs_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "clients_email_unique" ON "clients" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "clients_created_at_idx" ON "clients" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "queue_jobs_claim_idx" ON "queue_jobs" USING btree ("job_type","created_at") WHERE "queue_jobs"."status" in ('pending', 'processing');--> statement-breakpoint
CREATE INDEX "queue_jobs_status_created_idx" ON "queue_jobs" USING btree ("status","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "lead_actions_client_timestamp_idx" ON "lead_actions" USING btree ("client_id","timestamp" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "lead_actions_lead_timestamp_idx" ON "lead_actions" USING btree ("lead_id","timestamp" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "lead_memory_client_created_idx" ON "lead_memory" USING btree ("client_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "lead_memory_client_status_idx" ON "lead_memory" USING btree ("client_id","deleted","archived","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "lead_memory_intent_idx" ON "lead_memory" USING btree ("intent");--> statement-breakpoint
CREATE INDEX "lead_memory_unenriched_idx" ON "lead_memory" USING btree ("created_at") WHERE "lead_memory"."enriched_at" is null and not "lead_memory"."is_spam";--> statement-breakpoint
CREATE INDEX "lead_notes_lead_created_idx" ON "lead_notes" USING btree ("lead_id","created_at");--> statement-breakpoint
CREATE INDEX "lead_notes_client_created_idx" ON "lead_notes" USING btree ("client_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "feedback_tracking_client_created_idx" ON "feedback_tracking" USING btree ("client_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "feedback_tracking_lead_idx" ON "feedback_tracking" USING btree ("lead_id");--> statement-breakpoint
CREATE INDEX "feedback_tracking_expires_idx" ON "feedback_tracking" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "feedback_tracking_unprocessed_idx" ON "feedback_tracking" USING btree ("created_at") WHERE not "feedback_tracking"."learning_applied";--> statement-breakpoint
CREATE INDEX "performance_metrics_client_recorded_idx" ON "performance_metrics" USING btree ("client_id","recorded_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "performance_metrics_event_recorded_idx" ON "performance_metrics" USING btree ("event_type","metric_name","recorded_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "email_templates_category_idx" ON "email_templates" USING btree ("category","language");--> statement-breakpoint
CREATE INDEX "outreach_campaigns_client_created_idx" ON "outreach_campaigns" USING btree ("client_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "outreach_campaigns_status_idx" ON "outreach_campaigns" USING btree ("status");--> statement-breakpoint
CREATE INDEX "outreach_campaigns_template_idx" ON "outreach_campaigns" USING btree ("email_template_id");--> statement-breakpoint
CREATE INDEX "outreach_emails_campaign_status_idx" ON "outreach_emails" USING btree ("campaign_id","status");--> statement-breakpoint
CREATE INDEX "outreach_emails_client_created_idx" ON "outreach_emails" USING btree ("client_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "outreach_emails_status_created_idx" ON "outreach_emails" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "outreach_emails_prospect_idx" ON "outreach_emails" USING btree ("prospect_id");--> statement-breakpoint
CREATE INDEX "outreach_emails_template_idx" ON "outreach_emails" USING btree ("template_id");--> statement-breakpoint
CREATE INDEX "outreach_emails_thread_idx" ON "outreach_emails" USING btree ("thread_id");--> statement-breakpoint
CREATE INDEX "outreach_emails_gmail_message_idx" ON "outreach_emails" USING btree ("gmail_message_id");--> statement-breakpoint
CREATE INDEX "outreach_metrics_client_idx" ON "outreach_metrics" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "outreach_tracking_email_timestamp_idx" ON "outreach_tracking" USING btree ("email_id","timestamp");--> statement-breakpoint
CREATE INDEX "outreach_tracking_campaign_action_idx" ON "outreach_tracking" USING btree ("campaign_id","action","timestamp");--> statement-breakpoint
CREATE INDEX "outreach_tracking_client_timestamp_idx" ON "outreach_tracking" USING btree ("client_id","timestamp" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "outreach_tracking_prospect_idx" ON "outreach_tracking" USING btree ("prospect_id");--> statement-breakpoint
CREATE UNIQUE INDEX "prompt_ab_tests_one_running_idx" ON "prompt_ab_tests" USING btree ("prompt_name") WHERE "prompt_ab_tests"."status" = 'running';--> statement-breakpoint
CREATE INDEX "prompt_ab_tests_control_idx" ON "prompt_ab_tests" USING btree ("control_variant_id");--> statement-breakpoint
CREATE INDEX "prompt_ab_tests_treatment_idx" ON "prompt_ab_tests" USING btree ("treatment_variant_id");--> statement-breakpoint
CREATE INDEX "prompt_ab_tests_winner_idx" ON "prompt_ab_tests" USING btree ("winner_variant_id");--> statement-breakpoint
CREATE INDEX "prompt_evolution_parent_idx" ON "prompt_evolution" USING btree ("parent_prompt_id");--> statement-breakpoint
CREATE INDEX "prompt_evolution_child_idx" ON "prompt_evolution" USING btree ("child_prompt_id");--> statement-breakpoint
CREATE INDEX "prompt_performance_prompt_executed_idx" ON "prompt_performance" USING btree ("prompt_registry_id","executed_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "prompt_performance_client_executed_idx" ON "prompt_performance" USING btree ("client_id","executed_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "prompt_performance_feedback_idx" ON "prompt_performance" USING btree ("feedback_id");--> statement-breakpoint
CREATE INDEX "prospect_candidates_queue_idx" ON "prospect_candidates" USING btree ("automation_need_score" DESC NULLS LAST,"created_at") WHERE not "prospect_candidates"."contacted";--> statement-breakpoint
CREATE INDEX "prospect_candidates_industry_idx" ON "prospect_candidates" USING btree ("industry");--> statement-breakpoint
CREATE INDEX "prospect_candidates_created_idx" ON "prospect_candidates" USING btree ("created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "prospect_form_tests_prospect_submitted_idx" ON "prospect_form_tests" USING btree ("prospect_id","test_submitted_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "prospect_form_tests_status_idx" ON "prospect_form_tests" USING btree ("test_status","test_submitted_at");--> statement-breakpoint
CREATE INDEX "prospect_industry_performance_priority_idx" ON "prospect_industry_performance" USING btree ("priority_score" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "prospect_outreach_log_prospect_sent_idx" ON "prospect_outreach_log" USING btree ("prospect_id","sent_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "prospect_outreach_log_status_sent_idx" ON "prospect_outreach_log" USING btree ("status","sent_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "avenir_profile_embeddings_created_idx" ON "avenir_profile_embeddings" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "integration_logs_client_created_idx" ON "integration_logs" USING btree ("client_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "integration_logs_created_idx" ON "integration_logs" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "translation_cache_lookup_unique" ON "translation_cache" USING btree ("source_key","source_language","target_language","context_type");--> statement-breakpoint
CREATE INDEX "translation_cache_expires_idx" ON "translation_cache" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "translation_dictionary_term_unique" ON "translation_dictionary" USING btree ("source_language","target_language",lower("source_text"),coalesce("context", ''));--> statement-breakpoint
CREATE INDEX "translation_dictionary_category_idx" ON "translation_dictionary" USING btree ("category");