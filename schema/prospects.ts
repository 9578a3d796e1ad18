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
} from 'drizzle-orm/pg-core';
import { createdAt, id, nonNegative, oneOf, updatedAt, within } from './columns';
import { AUTORESPONDER_TONES, FORM_TEST_STATUSES, LANGUAGES, OUTREACH_LOG_STATUSES } from './vocabulary';

/** Businesses found by discovery (PDL, Google Places, Apollo); one row per website. */
export const prospectCandidates = pgTable(
  'prospect_candidates',
  {
    id: id(),
    businessName: text('business_name').notNull(),
    /** Normalised origin, e.g. https://plomberie-tremblay.ca: the upsert key of discovery. */
    website: text('website').notNull().unique('prospect_candidates_website_unique'),
    contactEmail: text('contact_email'),
    industry: text('industry'),
    region: text('region'),
    language: text('language', { enum: LANGUAGES }),
    formUrl: text('form_url'),
    lastTested: timestamp('last_tested', { withTimezone: true }),
    responseScore: numeric('response_score', { precision: 5, scale: 2, mode: 'number' }),
    automationNeedScore: smallint('automation_need_score'),
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
    oneOf('prospect_candidates_language_check', t.language, LANGUAGES),
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
  },
  (t) => [
    index('prospect_form_tests_prospect_submitted_idx').on(t.prospectId, t.testSubmittedAt.desc()),
    index('prospect_form_tests_status_idx').on(t.testStatus, t.testSubmittedAt),
    oneOf('prospect_form_tests_tone_check', t.autoresponderTone, AUTORESPONDER_TONES),
    oneOf('prospect_form_tests_status_check', t.testStatus, FORM_TEST_STATUSES),
    within('prospect_form_tests_score_check', t.score, 0, 100),
    nonNegative('prospect_form_tests_response_time_check', t.responseTimeMinutes),
  ],
);
