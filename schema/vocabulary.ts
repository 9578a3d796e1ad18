/**
 * The closed vocabularies of the product. The database enforces them with CHECK constraints
 * built from these lists, and the Worker validates against the same lists, so there is one
 * source of truth for every enumeration.
 */

export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];
/** The other of the two languages: where a text is translated to, or a message parsed again. */
export const otherLanguage = (language: Language): Language => (language === 'fr' ? 'en' : 'fr');

export const URGENCIES = ['High', 'Medium', 'Low'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** How each urgency reads, in each language. */
export const URGENCY_NAMES: Record<Urgency, Record<Language, string>> = {
  High: { en: 'High', fr: 'Élevée' },
  Medium: { en: 'Medium', fr: 'Moyenne' },
  Low: { en: 'Low', fr: 'Faible' },
};

/** Tone the AI reads in a lead's message. */
export const LEAD_TONES = ['Professional', 'Friendly', 'Formal', 'Casual', 'Frustrated', 'Enthusiastic'] as const;
export type LeadTone = (typeof LEAD_TONES)[number];

/** How each lead tone reads, in each language. */
export const LEAD_TONE_NAMES: Record<LeadTone, Record<Language, string>> = {
  Professional: { en: 'Professional', fr: 'Professionnel' },
  Friendly: { en: 'Friendly', fr: 'Amical' },
  Formal: { en: 'Formal', fr: 'Formel' },
  Casual: { en: 'Casual', fr: 'Décontracté' },
  Frustrated: { en: 'Frustrated', fr: 'Frustré' },
  Enthusiastic: { en: 'Enthusiastic', fr: 'Enthousiaste' },
};

/** Each language's name, in each language. */
export const LANGUAGE_NAMES: Record<Language, Record<Language, string>> = {
  en: { en: 'English', fr: 'Anglais' },
  fr: { en: 'French', fr: 'Français' },
};

/** Tone a client wants its replies written in. */
export const EMAIL_TONES = ['Professional', 'Friendly', 'Formal', 'Energetic'] as const;
export type EmailTone = (typeof EMAIL_TONES)[number];

/** Analytics groups of intents: what the lead is after. */
export const INTENT_CATEGORIES = ['sales', 'service', 'people', 'noise'] as const;

/** Intent keys with both names; seeded into `intent_translations`. */
export const INTENTS = [
  { key: 'quote_request', category: 'sales', en: 'Quote request', fr: 'Demande de soumission' },
  { key: 'service_inquiry', category: 'sales', en: 'Service inquiry', fr: "Demande d'information sur un service" },
  { key: 'booking_request', category: 'sales', en: 'Booking request', fr: 'Demande de rendez-vous' },
  { key: 'support_request', category: 'service', en: 'Support request', fr: 'Demande de soutien' },
  { key: 'partnership', category: 'sales', en: 'B2B partnership', fr: 'Partenariat B2B' },
  { key: 'complaint', category: 'service', en: 'Complaint', fr: 'Plainte' },
  { key: 'job_application', category: 'people', en: 'Job application', fr: 'Candidature' },
  { key: 'vendor_pitch', category: 'noise', en: 'Vendor pitch', fr: 'Sollicitation commerciale' },
  { key: 'billing', category: 'service', en: 'Billing question', fr: 'Question de facturation' },
  { key: 'feedback', category: 'service', en: 'Feedback', fr: 'Commentaire' },
  { key: 'general_question', category: 'service', en: 'General question', fr: 'Question générale' },
  { key: 'spam', category: 'noise', en: 'Spam', fr: 'Pourriel' },
] as const;
export type IntentKey = (typeof INTENTS)[number]['key'];
export const INTENT_KEYS = INTENTS.map((intent) => intent.key) as readonly IntentKey[];
export type Intent = (typeof INTENTS)[number];

const INTENT_BY_KEY = new Map<string, Intent>(INTENTS.map((intent) => [intent.key, intent]));
const INTENT_BY_NAME = new Map<string, Intent>(INTENTS.map((intent) => [intent.en, intent]));

/**
 * The intent of a key. `lead_memory.intent` stores the English name (a foreign key to
 * `intent_translations`); the Worker and the AI speak keys: these two convert, and only they.
 */
export const intentOf = (key: IntentKey): Intent => INTENT_BY_KEY.get(key)!;
/** The intent stored under an English name, or null for none or an unknown one. */
export const intentNamed = (name: string | null | undefined): Intent | null =>
  (name ? INTENT_BY_NAME.get(name) : undefined) ?? null;

/** The tag that means "this lead became a customer": it feeds the learning loop. */
export const CONVERTED_TAG = 'Converted';
/** The other built-in tag: a lead to call first. */
export const HOT_LEAD_TAG = 'Hot Lead';

/**
 * Who writes a timeline entry (`lead_actions.performed_by`) that is not a person's: the
 * pipeline (`system`: replies, notifications) and the form (`widget`: the `created` entry of
 * avenir_capture_lead(), migration 0003). Everyone else is a dashboard account's email, so a
 * lead's "first human action" is its first entry by anyone else (the home, the insights).
 */
export const MACHINE_PERFORMERS = ['system', 'widget'] as const;

export const LEAD_ACTION_TYPES = [
  'created',
  'tagged',
  'archived',
  'deleted',
  'restored',
  'reactivated',
  'replied',
  'notified',
  'noted',
  'marked_spam',
  'marked_not_spam',
  // The client changed the AI's triage (intent, urgency, tone, language): the learning loop's ground truth.
  'corrected',
] as const;

/** The intents whose leads go to the Spam folder, not among the real leads, unless the client says otherwise. */
export const SPAM_FOLDER_INTENTS = ['spam', 'vendor_pitch'] as const satisfies readonly IntentKey[];
export const isSpamFolderIntent = (intent: IntentKey): boolean =>
  (SPAM_FOLDER_INTENTS as readonly IntentKey[]).includes(intent);
/** Why the form's bot checks set a submission aside (the hidden field filled, or filled too fast to be a person). */
export const SPAM_REASONS = ['honeypot', 'too_fast'] as const;
export type SpamReason = (typeof SPAM_REASONS)[number];

/** The client's own call on a lead: spam, or not spam, whatever the detection said. */
export const SPAM_VERDICTS = ['spam', 'not_spam'] as const;
export type SpamVerdict = (typeof SPAM_VERDICTS)[number];
export type LeadActionType = (typeof LEAD_ACTION_TYPES)[number];

export const FEEDBACK_ACTION_TYPES = [
  'lead_conversion',
  'email_response',
  'user_action',
  'system_performance',
] as const;
export const FEEDBACK_OUTCOMES = ['positive', 'negative', 'neutral'] as const;

export const METRIC_EVENT_TYPES = [
  'api_response',
  'ai_analysis',
  'translation',
  'lead_processing',
  'email_response',
] as const;
export const METRIC_NAMES = [
  'response_time',
  'accuracy',
  'success_rate',
  'error_rate',
  'cache_hit',
  'cache_miss',
] as const;
export const METRIC_UNITS = ['ms', 'percent', 'count', 'score'] as const;
export const METRIC_SOURCES = ['lead_api', 'translation_service', 'intelligence_engine', 'mailer', 'queue'] as const;
export type MetricSource = (typeof METRIC_SOURCES)[number];

export const PROMPT_ENVIRONMENTS = ['production', 'staging', 'test'] as const;
export const AB_TEST_STATUSES = ['draft', 'running', 'completed', 'cancelled'] as const;
export type AbTestStatus = (typeof AB_TEST_STATUSES)[number];
export const EVOLUTION_TYPES = ['mutation', 'crossover', 'optimization', 'manual_edit'] as const;
export type EvolutionType = (typeof EVOLUTION_TYPES)[number];

export const OUTREACH_LOG_STATUSES = ['sent', 'opened', 'replied', 'bounced', 'ignored'] as const;
export const AUTORESPONDER_TONES = ['robotic', 'human', 'personalized', 'none'] as const;
export const FORM_TEST_STATUSES = ['pending', 'completed', 'failed', 'timeout'] as const;
export type FormTestStatus = (typeof FORM_TEST_STATUSES)[number];
export type AutoresponderTone = (typeof AUTORESPONDER_TONES)[number];
/** A batch of form tests: proposed by staff or the command line, run only once a person approves it. */
export const FORM_TEST_BATCH_STATUSES = ['proposed', 'approved', 'running', 'completed', 'cancelled'] as const;
export type FormTestBatchStatus = (typeof FORM_TEST_BATCH_STATUSES)[number];
/** What an address Avenir hands out receives mail for: the signed token in it says which. */
export const INBOUND_PURPOSES = ['form_test', 'outreach'] as const;
export type InboundPurpose = (typeof INBOUND_PURPOSES)[number];

/** Where a prospect's site analysis stands: not yet read, read and scored, or could not be read (reason in metadata). */
export const PROSPECT_ANALYSIS_STATUSES = ['pending', 'analyzed', 'failed'] as const;
export type ProspectAnalysisStatus = (typeof PROSPECT_ANALYSIS_STATUSES)[number];

/** Where discovery finds businesses. `demo` is the local sample sites of `npm start`, never enabled in production. */
export const PROSPECT_PROVIDERS = ['pdl', 'apollo', 'google_places', 'csv', 'demo'] as const;
export type ProspectProvider = (typeof PROSPECT_PROVIDERS)[number];
/** The providers an ICP may search; CSV rows arrive by import, not by search. */
export const SEARCH_PROVIDERS = ['pdl', 'apollo', 'google_places', 'demo'] as const;
export type SearchProvider = (typeof SEARCH_PROVIDERS)[number];

/** Canada's provinces and territories, by postal abbreviation. */
export const PROVINCES = ['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT'] as const;
export type Province = (typeof PROVINCES)[number];

export const CAMPAIGN_STATUSES = ['draft', 'active', 'paused', 'completed'] as const;
export const OUTREACH_EMAIL_STATUSES = [
  'pending',
  'approved',
  'rejected',
  'sent',
  'delivered',
  'opened',
  'replied',
  'bounced',
  // Not in the database documentation: a step that will not go (the prospect replied,
  // bounced or unsubscribed first); why is in metadata.cancelled.
  'cancelled',
] as const;
export type OutreachEmailStatus = (typeof OUTREACH_EMAIL_STATUSES)[number];
/** Why an address or a whole domain is never written to again. */
export const SUPPRESSION_REASONS = ['unsubscribed', 'hard_bounce', 'complaint', 'manual'] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export const OUTREACH_EVENTS = [
  'sent',
  'delivered',
  'opened',
  'clicked',
  'replied',
  'bounced',
  'unsubscribed',
  // Not in the database documentation: the prospect became a client, with the revenue staff entered (outreach_metrics.revenue_generated).
  'converted',
] as const;

export const TRANSLATION_CONTEXTS = ['lead_summary', 'intent', 'tone', 'ui_text'] as const;

export const JOB_TYPES = [
  'daily_prospect_queue',
  'bulk_email',
  'intelligence_analysis',
  'enrich_lead',
  'form_test',
  'prompt_experiment',
  // Not in the database documentation: stale predictions resolved, expired feedback and old metrics rolled up.
  'learning_retention',
  // Not in the database documentation: one prospect's website fetched, read and scored.
  'prospect_analysis',
  // Not in the database documentation: an approved batch of contact-form tests, run as one unit.
  'form_tests',
  // Not in the database documentation: silent form tests swept into timeouts (the cron's work, run by hand).
  'form_test_timeouts',
  // Not in the database documentation: the outreach scheduler's run (approved emails due now, within the limits).
  'outreach_send',
  // Not in the database documentation: an open, a click, queued by the tracking routes and classified.
  'outreach_event',
  // Not in the database documentation: a Gmail sender's new messages read for replies and bounces in outreach threads.
  'outreach_gmail_sync',
  // Not in the database documentation: pending outreach emails given their personal first line by the AI writer.
  'outreach_personalise',
  // Not in the database documentation: every client's form checked for a connection problem, told once by email.
  'connection_health',
  // Not in the database documentation: integration_logs past 90 days rolled up by day, origin and status, then deleted.
  'integration_log_retention',
] as const;
export type JobType = (typeof JOB_TYPES)[number];
export const JOB_STATUSES = ['pending', 'processing', 'completed', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
