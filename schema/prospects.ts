import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  smallint,
  text,
  timestamp,
  uuid,
  vector,
} from 'drizzle-orm/pg-core';
import { createdAt, id, nonNegative, oneOf, updatedAt, within } from './columns';
import {
  AUTORESPONDER_TONES,
  FORM_TEST_BATCH_STATUSES,
  FORM_TEST_STATUSES,
  LANGUAGES,
  OUTREACH_LOG_STATUSES,
  PROSPECT_ANALYSIS_STATUSES,
  PROVINCES,
  SEARCH_PROVIDERS,
  type SearchProvider,
} from './vocabulary';

/** Businesses found by discovery (PDL, Google Places, Apollo); one row per website. */
export const prospectCandidates = pgTable(
  'prospect_candidates',
  {
    id: id(),
    businessName: text('business_name').notNull(),
    /** Normalised origin, e.g. https://plomberie-tremblay.ca. */
    website: text('website').notNull().unique('prospect_candidates_website_unique'),
    /**
     * Not in the database documentation: the website's registrable domain (public suffix
     * list), e.g. plomberie-tremblay.ca for https://shop.plomberie-tremblay.ca. The key that
     * makes one row per business whichever provider, subdomain or spelling found it.
     */
    domain: text('domain').notNull().unique('prospect_candidates_domain_unique'),
    /** A published address that may be written to (CASL evidence in metadata.evidence.emails); null when none. */
    contactEmail: text('contact_email'),
    /** Not in the documentation: E.164 (+15145550123), the second dedupe key. */
    phone: text('phone'),
    /** Not in the documentation: the city, beside `region` (the province), the third dedupe key with the name. */
    city: text('city'),
    industry: text('industry'),
    region: text('region'),
    language: text('language', { enum: LANGUAGES }),
    formUrl: text('form_url'),
    lastTested: timestamp('last_tested', { withTimezone: true }),
    responseScore: numeric('response_score', { precision: 5, scale: 2, mode: 'number' }),
    automationNeedScore: smallint('automation_need_score'),
    /** Not in the documentation: cosine similarity of the site to Avenir's profile, 0–100 (avenir_profile_embeddings). */
    fitScore: numeric('fit_score', { precision: 5, scale: 2, mode: 'number' }),
    /** Not in the documentation: the site analysis that sets the scores (details in metadata.analysis). */
    analysisStatus: text('analysis_status', { enum: PROSPECT_ANALYSIS_STATUSES }).notNull().default('pending'),
    analyzedAt: timestamp('analyzed_at', { withTimezone: true }),
    contacted: boolean('contacted').notNull().default(false),
    metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // The daily queue: uncontacted prospects, neediest first.
    index('prospect_candidates_queue_idx').on(t.automationNeedScore.desc(), t.createdAt).where(sql`not ${t.contacted}`),
    index('prospect_candidates_industry_idx').on(t.industry),
    index('prospect_candidates_created_idx').on(t.createdAt.desc()),
    index('prospect_candidates_fit_idx').on(t.fitScore.desc()),
    index('prospect_candidates_phone_idx').on(t.phone),
    index('prospect_candidates_name_city_idx').on(sql`lower(${t.businessName})`, sql`lower(${t.city})`),
    // "Which ICP found it": metadata.icps is an array of ICP ids.
    index('prospect_candidates_metadata_idx').using('gin', sql`${t.metadata} jsonb_path_ops`),
    oneOf('prospect_candidates_language_check', t.language, LANGUAGES),
    oneOf('prospect_candidates_analysis_status_check', t.analysisStatus, PROSPECT_ANALYSIS_STATUSES),
    within('prospect_candidates_fit_check', t.fitScore, 0, 100),
    within('prospect_candidates_automation_need_check', t.automationNeedScore, 45, 95),
    within('prospect_candidates_response_score_check', t.responseScore, 0, 100),
    check('prospect_candidates_website_check', sql`${t.website} ~ '^https?://'`),
  ],
);

export const prospectOutreachLog = pgTable(
  'prospect_outreach_log',
  {
    id: id(),
    prospectId: uuid('prospect_id')
      .notNull()
      .references(() => prospectCandidates.id, { onDelete: 'cascade' }),
    subject: text('subject').notNull(),
    emailBody: text('email_body').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    repliedAt: timestamp('replied_at', { withTimezone: true }),
    status: text('status', { enum: OUTREACH_LOG_STATUSES }).notNull().default('sent'),
    replyContent: text('reply_content'),
    metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('prospect_outreach_log_prospect_sent_idx').on(t.prospectId, t.sentAt.desc()),
    index('prospect_outreach_log_status_sent_idx').on(t.status, t.sentAt.desc()),
    oneOf('prospect_outreach_log_status_check', t.status, OUTREACH_LOG_STATUSES),
  ],
);

/** Outreach results rolled up by industry, to target what responds. */
export const prospectIndustryPerformance = pgTable(
  'prospect_industry_performance',
  {
    id: id(),
    industry: text('industry').notNull().unique('prospect_industry_performance_industry_unique'),
    totalContacted: integer('total_contacted').notNull().default(0),
    totalOpened: integer('total_opened').notNull().default(0),
    totalReplied: integer('total_replied').notNull().default(0),
    /** Percent, 0–100. */
    openRate: numeric('open_rate', { precision: 5, scale: 2, mode: 'number' }).notNull().default(0),
    /** Percent, 0–100. */
    replyRate: numeric('reply_rate', { precision: 5, scale: 2, mode: 'number' }).notNull().default(0),
    avgResponseTimeHours: numeric('avg_response_time_hours', { precision: 8, scale: 2, mode: 'number' }),
    priorityScore: numeric('priority_score', { precision: 5, scale: 2, mode: 'number' }).notNull().default(50),
    lastUpdated: timestamp('last_updated', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('prospect_industry_performance_priority_idx').on(t.priorityScore.desc()),
    nonNegative('prospect_industry_performance_contacted_check', t.totalContacted),
    check(
      'prospect_industry_performance_counts_check',
      sql`${t.totalOpened} between 0 and ${t.totalContacted} and ${t.totalReplied} between 0 and ${t.totalContacted}`,
    ),
    within('prospect_industry_performance_open_rate_check', t.openRate, 0, 100),
    within('prospect_industry_performance_reply_rate_check', t.replyRate, 0, 100),
    within('prospect_industry_performance_priority_check', t.priorityScore, 0, 100),
    nonNegative('prospect_industry_performance_response_time_check', t.avgResponseTimeHours),
  ],
);

/**
 * Not in the database documentation: form tests are written to strangers' businesses, so
 * none runs until a person approves the batch it belongs to (`proposed → approved →
 * running → completed`, or `cancelled`).
 */
export const formTestBatches = pgTable(
  'form_test_batches',
  {
    id: id(),
    status: text('status', { enum: FORM_TEST_BATCH_STATUSES }).notNull().default('proposed'),
    /** The prospects chosen when it was proposed, best need score first. */
    prospectIds: uuid('prospect_ids').array().notNull(),
    proposedBy: text('proposed_by').notNull(),
    approvedBy: text('approved_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    startedAt: timestamp('started_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    /** Counts by outcome once run: submitted, failed (by reason), skipped (by reason). */
    result: jsonb('result').$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [
    index('form_test_batches_created_idx').on(t.createdAt.desc()),
    oneOf('form_test_batches_status_check', t.status, FORM_TEST_BATCH_STATUSES),
    check('form_test_batches_size_check', sql`cardinality(${t.prospectIds}) between 1 and 100`),
  ],
);

/** A test submission to a prospect's own contact form, and what came back. */
export const prospectFormTests = pgTable(
  'prospect_form_tests',
  {
    id: id(),
    prospectId: uuid('prospect_id')
      .notNull()
      .references(() => prospectCandidates.id, { onDelete: 'cascade' }),
    testSubmittedAt: timestamp('test_submitted_at', { withTimezone: true }).notNull().defaultNow(),
    responseReceivedAt: timestamp('response_received_at', { withTimezone: true }),
    responseTimeMinutes: integer('response_time_minutes'),
    hasAutoresponder: boolean('has_autoresponder').notNull().default(false),
    autoresponderTone: text('autoresponder_tone', { enum: AUTORESPONDER_TONES }),
    autoresponderContent: text('autoresponder_content'),
    score: smallint('score'),
    testStatus: text('test_status', { enum: FORM_TEST_STATUSES }).notNull().default('pending'),
    metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
    /** Not in the documentation: the approved batch it ran in, the form it wrote to, the address it gave. */
    batchId: uuid('batch_id').references(() => formTestBatches.id, { onDelete: 'set null' }),
    formUrl: text('form_url'),
    replyAddress: text('reply_address'),
  },
  (t) => [
    index('prospect_form_tests_prospect_submitted_idx').on(t.prospectId, t.testSubmittedAt.desc()),
    index('prospect_form_tests_batch_idx').on(t.batchId),
    index('prospect_form_tests_status_idx').on(t.testStatus, t.testSubmittedAt),
    oneOf('prospect_form_tests_tone_check', t.autoresponderTone, AUTORESPONDER_TONES),
    oneOf('prospect_form_tests_status_check', t.testStatus, FORM_TEST_STATUSES),
    within('prospect_form_tests_score_check', t.score, 0, 100),
    nonNegative('prospect_form_tests_response_time_check', t.responseTimeMinutes),
  ],
);

/**
 * Not in the database documentation (its flow starts at "ICP Definition"): the ideal
 * customer profiles staff define, each searched daily by the providers it names, up to
 * its quota of new, analysed prospects.
 */
export const prospectIcps = pgTable(
  'prospect_icps',
  {
    id: id(),
    name: text('name').notNull(),
    /** Industry names as a person writes them ("plumbing", "toiture"); each provider maps them to its own. */
    industries: text('industries').array().notNull().default(sql`'{}'::text[]`),
    province: text('province', { enum: PROVINCES }),
    cities: text('cities').array().notNull().default(sql`'{}'::text[]`),
    /** Around the first city, for the providers that search by distance. */
    radiusKm: smallint('radius_km'),
    languages: text('languages', { enum: LANGUAGES }).array().notNull().default(sql`'{}'::text[]`),
    employeesMin: integer('employees_min'),
    employeesMax: integer('employees_max'),
    keywords: text('keywords').array().notNull().default(sql`'{}'::text[]`),
    dailyQuota: smallint('daily_quota').notNull().default(16),
    providers: text('providers').array().$type<SearchProvider[]>().notNull().default(sql`'{}'::text[]`),
    active: boolean('active').notNull().default(true),
    createdBy: text('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('prospect_icps_active_idx').on(t.active),
    oneOf('prospect_icps_province_check', t.province, PROVINCES),
    within('prospect_icps_daily_quota_check', t.dailyQuota, 1, 200),
    within('prospect_icps_radius_check', t.radiusKm, 1, 500),
    check(
      'prospect_icps_employees_check',
      sql`coalesce(${t.employeesMin}, 0) <= coalesce(${t.employeesMax}, 2147483647)`,
    ),
    check('prospect_icps_name_check', sql`length(${t.name}) between 1 and 120`),
    check(
      'prospect_icps_languages_check',
      sql`${t.languages} <@ array[${sql.raw(LANGUAGES.map((l) => `'${l}'`).join(', '))}]::text[]`,
    ),
    check(
      'prospect_icps_providers_check',
      sql`${t.providers} <@ array[${sql.raw(SEARCH_PROVIDERS.map((p) => `'${p}'`).join(', '))}]::text[]`,
    ),
  ],
);

/**
 * Not in the documentation: each analysed prospect's site text embedded like Avenir's
 * profile, so the fit score can be recomputed when the profile changes. vector(1536) where
 * pgvector exists, real[1536] elsewhere (the migration decides, as for the profile).
 */
export const prospectSiteEmbeddings = pgTable('prospect_site_embeddings', {
  prospectId: uuid('prospect_id')
    .primaryKey()
    .references(() => prospectCandidates.id, { onDelete: 'cascade' }),
  embedding: vector('embedding', { dimensions: 1536 }),
  embeddingModel: text('embedding_model').notNull(),
  createdAt: createdAt(),
});

/**
 * Not in the documentation: when each outside host may next be fetched, shared by every
 * worker, so discovery and form tests keep one request a second per host.
 */
export const outboundHostPacing = pgTable('outbound_host_pacing', {
  host: text('host').primaryKey(),
  nextAt: timestamp('next_at', { withTimezone: true }).notNull(),
});
