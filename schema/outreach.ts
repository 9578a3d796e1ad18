import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { clients } from './clients';
import { createdAt, id, nonNegative, oneOf, updatedAt, within } from './columns';
import { prospectCandidates } from './prospects';
import {
  CAMPAIGN_STATUSES,
  LANGUAGES,
  OUTREACH_EMAIL_STATUSES,
  OUTREACH_EVENTS,
  SUPPRESSION_REASONS,
} from './vocabulary';

export const emailTemplates = pgTable(
  'email_templates',
  {
    id: id(),
    name: text('name').notNull(),
    description: text('description'),
    subject: text('subject').notNull(),
    htmlContent: text('html_content').notNull(),
    plainContent: text('plain_content').notNull(),
    language: text('language', { enum: LANGUAGES }).notNull(),
    category: text('category').notNull(),
    /** Names of the {{variables}} the template uses. */
    variables: jsonb('variables').$type<string[]>().notNull().default([]),
    isActive: boolean('is_active').notNull().default(true),
    usageCount: integer('usage_count').notNull().default(0),
    performanceScore: numeric('performance_score', { precision: 4, scale: 3, mode: 'number' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('email_templates_name_language_unique').on(t.name, t.language),
    index('email_templates_category_idx').on(t.category, t.language),
    oneOf('email_templates_language_check', t.language, LANGUAGES),
    nonNegative('email_templates_usage_count_check', t.usageCount),
    within('email_templates_performance_check', t.performanceScore, 0, 1),
  ],
);

export const outreachCampaigns = pgTable(
  'outreach_campaigns',
  {
    id: id(),
    name: text('name').notNull(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    status: text('status', { enum: CAMPAIGN_STATUSES }).notNull().default('draft'),
    targetCriteria: jsonb('target_criteria').$type<Record<string, unknown>>().notNull().default({}),
    emailTemplateId: uuid('email_template_id').references(() => emailTemplates.id, { onDelete: 'set null' }),
    /** Days after the first email at which each follow-up goes, e.g. [3, 7]. */
    followUpSchedule: jsonb('follow_up_schedule').$type<number[]>().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    unique('outreach_campaigns_id_client_unique').on(t.id, t.clientId),
    index('outreach_campaigns_client_created_idx').on(t.clientId, t.createdAt.desc()),
    index('outreach_campaigns_status_idx').on(t.status),
    index('outreach_campaigns_template_idx').on(t.emailTemplateId),
    oneOf('outreach_campaigns_status_check', t.status, CAMPAIGN_STATUSES),
  ],
);

/**
 * One outreach email. `client_id` (beyond the documented fields) copies the campaign's
 * owner so row-level security is a plain equality; the composite key keeps them equal.
 */
export const outreachEmails = pgTable(
  'outreach_emails',
  {
    id: id(),
    campaignId: uuid('campaign_id').notNull(),
    clientId: uuid('client_id').notNull(),
    prospectId: uuid('prospect_id').references(() => prospectCandidates.id, { onDelete: 'set null' }),
    prospectEmail: text('prospect_email'),
    prospectName: text('prospect_name'),
    companyName: text('company_name'),
    website: text('website'),
    templateId: uuid('template_id').references(() => emailTemplates.id, { onDelete: 'set null' }),
    subject: text('subject').notNull(),
    content: text('content').notNull(),
    status: text('status', { enum: OUTREACH_EMAIL_STATUSES }).notNull().default('pending'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    repliedAt: timestamp('replied_at', { withTimezone: true }),
    threadId: text('thread_id'),
    gmailMessageId: text('gmail_message_id'),
    followUpSequence: integer('follow_up_sequence').notNull().default(1),
    senderEmail: text('sender_email'),
    missingEmail: boolean('missing_email').notNull().default(false),
    /**
     * Not in the documentation: when it may go. Set on approval for a first email; for a
     * follow-up, when the email before it is sent (its sent_at plus the schedule's days).
     */
    scheduledFor: timestamp('scheduled_for', { withTimezone: true }),
    /** Not in the documentation: who approved it and when; nothing unapproved is ever sent. */
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    approvedBy: text('approved_by'),
    /**
     * Not in the documentation: the scheduler's claim, taken under the mailbox's lock before
     * the provider is called, so one email row is sent once whatever runs at the same time.
     */
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({
      name: 'outreach_emails_campaign_fk',
      columns: [t.campaignId, t.clientId],
      foreignColumns: [outreachCampaigns.id, outreachCampaigns.clientId],
    }).onDelete('cascade'),
    unique('outreach_emails_id_client_unique').on(t.id, t.clientId),
    index('outreach_emails_campaign_status_idx').on(t.campaignId, t.status),
    index('outreach_emails_client_created_idx').on(t.clientId, t.createdAt.desc()),
    index('outreach_emails_status_created_idx').on(t.status, t.createdAt),
    index('outreach_emails_prospect_idx').on(t.prospectId),
    index('outreach_emails_template_idx').on(t.templateId),
    index('outreach_emails_thread_idx').on(t.threadId),
    index('outreach_emails_gmail_message_idx').on(t.gmailMessageId),
    // The scheduler's question: approved, unclaimed, due.
    index('outreach_emails_due_idx').on(t.scheduledFor).where(sql`${t.status} = 'approved' and ${t.claimedAt} is null`),
    index('outreach_emails_sender_sent_idx').on(t.senderEmail, t.sentAt),
    oneOf('outreach_emails_status_check', t.status, OUTREACH_EMAIL_STATUSES),
    check('outreach_emails_follow_up_check', sql`${t.followUpSequence} >= 1`),
    check('outreach_emails_missing_email_check', sql`${t.missingEmail} or ${t.prospectEmail} is not null`),
  ],
);

export const outreachTracking = pgTable(
  'outreach_tracking',
  {
    id: id(),
    emailId: uuid('email_id').notNull(),
    clientId: uuid('client_id').notNull(),
    prospectId: uuid('prospect_id').references(() => prospectCandidates.id, { onDelete: 'set null' }),
    campaignId: uuid('campaign_id').notNull(),
    action: text('action', { enum: OUTREACH_EVENTS }).notNull(),
    timestamp: timestamp('timestamp', { withTimezone: true }).notNull().defaultNow(),
    metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    foreignKey({
      name: 'outreach_tracking_email_fk',
      columns: [t.emailId, t.clientId],
      foreignColumns: [outreachEmails.id, outreachEmails.clientId],
    }).onDelete('cascade'),
    foreignKey({
      name: 'outreach_tracking_campaign_fk',
      columns: [t.campaignId, t.clientId],
      foreignColumns: [outreachCampaigns.id, outreachCampaigns.clientId],
    }).onDelete('cascade'),
    index('outreach_tracking_email_timestamp_idx').on(t.emailId, t.timestamp),
    index('outreach_tracking_campaign_action_idx').on(t.campaignId, t.action, t.timestamp),
    index('outreach_tracking_client_timestamp_idx').on(t.clientId, t.timestamp.desc()),
    index('outreach_tracking_prospect_idx').on(t.prospectId),
    oneOf('outreach_tracking_action_check', t.action, OUTREACH_EVENTS),
  ],
);

const rate = (name: string) => numeric(name, { precision: 5, scale: 2, mode: 'number' }).notNull().default(0);
const total = (name: string) => integer(name).notNull().default(0);

/** Campaign totals and rates (percent, 0–100); one row per campaign. */
export const outreachMetrics = pgTable(
  'outreach_metrics',
  {
    id: id(),
    campaignId: uuid('campaign_id').notNull(),
    clientId: uuid('client_id').notNull(),
    totalEmailsSent: total('total_emails_sent'),
    totalEmailsDelivered: total('total_emails_delivered'),
    totalEmailsOpened: total('total_emails_opened'),
    totalEmailsClicked: total('total_emails_clicked'),
    totalEmailsReplied: total('total_emails_replied'),
    totalEmailsBounced: total('total_emails_bounced'),
    totalEmailsUnsubscribed: total('total_emails_unsubscribed'),
    openRate: rate('open_rate'),
    clickRate: rate('click_rate'),
    replyRate: rate('reply_rate'),
    bounceRate: rate('bounce_rate'),
    revenueGenerated: numeric('revenue_generated', { precision: 12, scale: 2, mode: 'number' }).notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('outreach_metrics_campaign_unique').on(t.campaignId),
    foreignKey({
      name: 'outreach_metrics_campaign_fk',
      columns: [t.campaignId, t.clientId],
      foreignColumns: [outreachCampaigns.id, outreachCampaigns.clientId],
    }).onDelete('cascade'),
    index('outreach_metrics_client_idx').on(t.clientId),
    check(
      'outreach_metrics_totals_check',
      sql`least(${t.totalEmailsSent}, ${t.totalEmailsDelivered}, ${t.totalEmailsOpened}, ${t.totalEmailsClicked},
        ${t.totalEmailsReplied}, ${t.totalEmailsBounced}, ${t.totalEmailsUnsubscribed}) >= 0`,
    ),
    within('outreach_metrics_open_rate_check', t.openRate, 0, 100),
    within('outreach_metrics_click_rate_check', t.clickRate, 0, 100),
    within('outreach_metrics_reply_rate_check', t.replyRate, 0, 100),
    within('outreach_metrics_bounce_rate_check', t.bounceRate, 0, 100),
    nonNegative('outreach_metrics_revenue_check', t.revenueGenerated),
  ],
);

/**
 * Not in the database documentation: addresses and whole domains never written to again,
 * whoever the campaign is for: an unsubscribe, a hard bounce, a complaint, or staff's
 * decision. Checked at enrolment and again just before sending. One of `address` or
 * `domain` is set, lower case.
 */
export const outreachSuppressions = pgTable(
  'outreach_suppressions',
  {
    id: id(),
    address: text('address'),
    domain: text('domain'),
    reason: text('reason', { enum: SUPPRESSION_REASONS }).notNull(),
    /** The email whose unsubscribe or bounce put it here, when one did. */
    emailId: uuid('email_id'),
    note: text('note'),
    createdBy: text('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('outreach_suppressions_address_unique').on(t.address).where(sql`${t.address} is not null`),
    uniqueIndex('outreach_suppressions_domain_unique').on(t.domain).where(sql`${t.domain} is not null`),
    index('outreach_suppressions_created_idx').on(t.createdAt.desc()),
    oneOf('outreach_suppressions_reason_check', t.reason, SUPPRESSION_REASONS),
    check('outreach_suppressions_target_check', sql`(${t.address} is null) <> (${t.domain} is null)`),
    check(
      'outreach_suppressions_lower_check',
      sql`${t.address} = lower(${t.address}) and ${t.domain} = lower(${t.domain})`,
    ),
  ],
);

/**
 * Not in the database documentation: each sending mailbox's state. Its row is locked while
 * an email is claimed, so caps and spacing hold when scheduler runs overlap; `first_sent_at`
 * sets where its warm-up stands.
 */
export const outreachMailboxes = pgTable(
  'outreach_mailboxes',
  {
    id: id(),
    email: text('email').notNull().unique('outreach_mailboxes_email_unique'),
    firstSentAt: timestamp('first_sent_at', { withTimezone: true }),
    /** The earliest its next message may go: the last one's time plus the spacing and its jitter. */
    nextSendAt: timestamp('next_send_at', { withTimezone: true }).notNull().defaultNow(),
    /** Where the Gmail history read for replies and bounces stopped (users.history.list's startHistoryId); null until the first read. */
    gmailHistoryId: text('gmail_history_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [check('outreach_mailboxes_email_check', sql`${t.email} = lower(${t.email})`)],
);
