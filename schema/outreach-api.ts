/**
 * The JSON of outreach's API, for internal (Avenir staff) accounts under
 * /api/app/staff/outreach: templates, campaigns, the approval queue, a campaign's page,
 * the suppression list and industry performance. Shared by the Worker
 * (worker/features/outreach) and the dashboard. Types only.
 */
import type { BilingualText } from './prospects-api';
import type { CampaignStatus, Language, OutreachEmailStatus, Province, SuppressionReason } from './vocabulary';

export interface TemplateProblemView {
  part: 'subject' | 'plain' | 'html';
  kind: string;
  variable?: string;
  at: number;
  message: BilingualText;
}

/** `POST /staff/outreach/templates` and `PUT …/:id`. */
export interface TemplateInput {
  name: string;
  description: string | null;
  language: Language;
  category: string;
  subject: string;
  plainContent: string;
  htmlContent: string;
  isActive: boolean;
}

export interface TemplateView extends TemplateInput {
  id: string;
  variables: string[];
  usageCount: number;
  /** Human replies per email sent with it, 0–1; null before it was used. */
  performanceScore: number | null;
  updatedAt: string;
}

/** `POST /staff/outreach/templates/preview`: a template rendered for one prospect, or why it cannot be. */
export type TemplatePreview =
  | { ok: true; subject: string; plain: string; html: string; facts: string[] }
  | { ok: false; problems: TemplateProblemView[] };

/** Which prospects a campaign writes to; every field optional, all given must hold. */
export interface TargetCriteria {
  icpId?: string | null;
  industries?: string[];
  regions?: Province[];
  languages?: Language[];
  minNeedScore?: number | null;
  maxNeedScore?: number | null;
  minFitScore?: number | null;
  /** Only prospects whose form test was answered slower than this many hours, or not at all. */
  formTestSlowerThanHours?: number | null;
  /** At most this many prospects per enrolment, best need score first (default 50). */
  limit?: number;
}

export interface SenderIdentityView {
  senderName: string;
  businessName: string;
  postalAddress: string;
  contact: string;
}

/** `POST /staff/outreach/campaigns` and `PUT …/:id` (a draft or paused campaign). */
export interface CampaignInput {
  name: string;
  clientId: string;
  targetCriteria: TargetCriteria;
  /** The template for English prospects and the one for French prospects; one at least. */
  templateIds: { en: string | null; fr: string | null };
  /** Days after the first email at which each follow-up goes, e.g. [3, 7]. */
  followUpSchedule: number[];
  /** The mailbox it sends from. */
  mailbox: string;
  /** At most this many of the campaign's emails a day (within the mailbox's own cap). */
  dailyCap: number;
  identity: SenderIdentityView;
}

export const ENROLMENT_SKIPS = [
  'missing_email',
  'not_contactable',
  'suppressed_address',
  'suppressed_domain',
  'in_another_campaign',
  'already_enrolled',
  'no_template_in_language',
  'template_value_missing',
] as const;
export type EnrolmentSkip = (typeof ENROLMENT_SKIPS)[number];

export interface EnrolmentResult {
  enrolled: number;
  /** Prospects enrolled without an address: kept with `missing_email`, never sent. */
  missingEmail: number;
  skipped: Partial<Record<EnrolmentSkip, number>>;
}

export interface CampaignMetricsView {
  sent: number;
  delivered: number;
  /** People, machines left out. */
  opened: number;
  clicked: number;
  replied: number;
  bounced: number;
  unsubscribed: number;
  /** Percent of sent. */
  openRate: number;
  clickRate: number;
  replyRate: number;
  bounceRate: number;
  /** Every event, machines included, beside the human counts. */
  rawOpens: number;
  rawClicks: number;
  machineOpens: number;
  machineClicks: number;
  revenueGenerated: number;
}

export interface CampaignRow {
  id: string;
  name: string;
  clientId: string;
  clientName: string;
  status: CampaignStatus;
  createdAt: string;
  /** Why it paused itself, when it did. */
  pausedBecause: BilingualText | null;
  emailsByStatus: Partial<Record<OutreachEmailStatus, number>>;
  /** Pending emails a person can approve: those with an address (an address-less one is kept, never sent). */
  awaitingApproval: number;
  metrics: CampaignMetricsView;
}

export interface CampaignDetail extends CampaignRow, Omit<CampaignInput, 'clientId' | 'name'> {
  /** What it lacks before it may start: identity fields, a template. */
  cannotStart: BilingualText[];
  enrolment: EnrolmentResult | null;
  replies: ReplyView[];
  bounces: BounceView[];
}

export interface OutreachEmailView {
  id: string;
  campaignId: string;
  campaignName: string;
  prospectId: string | null;
  prospectEmail: string | null;
  companyName: string | null;
  website: string | null;
  language: Language;
  step: number;
  subject: string;
  content: string;
  status: OutreachEmailStatus;
  missingEmail: boolean;
  scheduledFor: string | null;
  sentAt: string | null;
  /** The stored facts the personal lines rest on, and the consent evidence. */
  facts: string[];
  consent: { pageUrl: string; foundAt: string; how: string } | null;
  why: BilingualText | null;
  /** Who wrote the first email's personal line: the offline writer, OpenAI's line once checked, or a person's edit; null for a follow-up. */
  writer: 'openai' | 'offline' | 'person' | null;
  /** The version the reviewer reads: sent back with an approval, which only approves the words it names. */
  version: string;
  /** An AI line the checker refused (the offline line stayed), and why: the reviewer sees what was kept out. */
  refusedLine: { line: string | null; reasons: BilingualText[] } | null;
}

export interface ReplyView {
  emailId: string;
  companyName: string | null;
  from: string | null;
  at: string;
  subject: string;
  excerpt: string;
  /** The revenue staff entered when this prospect became a client; null while not. */
  revenueUsd: number | null;
}

export interface BounceView {
  emailId: string;
  address: string | null;
  at: string;
  status: string | null;
  hard: boolean;
}

export interface SuppressionView {
  id: string;
  address: string | null;
  domain: string | null;
  reason: SuppressionReason;
  note: string | null;
  createdBy: string | null;
  createdAt: string;
}

export interface IndustryPerformanceView {
  industry: string;
  totalContacted: number;
  totalOpened: number;
  totalReplied: number;
  openRate: number;
  replyRate: number;
  avgResponseTimeHours: number | null;
  priorityScore: number;
  lastUpdated: string;
}

/** What one run of the scheduler did: `npm run job -- outreach_send` prints it. */
export interface SchedulerRun {
  sent: { emailId: string; to: string; campaignId: string; step: number }[];
  skipped: { emailId: string | null; reason: string; detail?: string }[];
  /** Campaigns the bounce breaker paused during the run. */
  paused: string[];
}

// ─── Responses ───────────────────────────────────────────────────────────────

/** `GET /staff/outreach/templates`. */
export interface TemplatesResponse {
  templates: TemplateView[];
  /** The variables a template may use, with what each holds. */
  variables: { name: string; description: BilingualText }[];
}

/** `GET /staff/outreach/campaigns`: the list and what the create form chooses from. */
export interface CampaignsResponse {
  campaigns: CampaignRow[];
  clients: { id: string; name: string; isInternal: boolean }[];
  /** Mailboxes it can send from: the Gmail account, else the dev outbox's address. */
  mailboxes: string[];
  templates: TemplateView[];
  /** The identification to start from: the operator's name, address and contact from settings. */
  defaultIdentity: SenderIdentityView;
  /** The sending limits in force, for the form's hints. */
  limits: {
    mailboxDailyCap: number;
    globalDailyCap: number;
    windowStartHour: number;
    windowEndHour: number;
    weekends: boolean;
  };
}

/** `GET /staff/outreach/emails?campaign=&status=`: the approval queue is `status=pending`. */
export interface EmailsResponse {
  emails: OutreachEmailView[];
}

/** `POST /staff/outreach/emails/approve` and `…/reject`, body `{ ids: string[] }`. */
export interface ApprovalResponse {
  approved: number;
  rejected: number;
  unchanged: number;
  /** Left pending because their words changed after the reviewer read them (the AI writer, another reviewer): to read again. */
  changed: number;
}

/** `GET /staff/outreach/suppressions`; `POST` takes `{ address } or { domain }` with an optional `note`; `DELETE …/:id` lifts a manual entry. */
export interface SuppressionsResponse {
  suppressions: SuppressionView[];
}

/** `GET /staff/outreach/industries`, best priority first. */
export interface IndustriesResponse {
  industries: IndustryPerformanceView[];
}

/** A campaign's bounds, the same for the API's validation and the form's own checks. */
export const CAMPAIGN_BOUNDS = {
  /** Follow-ups: at most three, each at most 60 days after the first email. */
  followUps: 3,
  followUpDays: 60,
  /** Workspace refuses more than 2,000 a day per user. */
  dailyCap: 2_000,
  /** Prospects one enrolment takes at most. */
  enrolment: 500,
  /** "Form test answered slower than N hours": at most 60 days, longer than any test waits before its timeout. */
  slowerThanHours: 24 * 60,
} as const;
