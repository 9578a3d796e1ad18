/**
 * The JSON the dashboard API answers with, shared by the Worker (worker/features/*) and
 * the dashboard (dashboard/api.ts), so the two cannot drift. Types only.
 */
import type { ErrorCode } from './errors';
import type { GrowthAnalysis, PredictiveInsights } from './insights';
import type { EnrichmentEngine } from './leads';
import type { SentEmailStatus } from './mail';
import type {
  EmailTone,
  IntentKey,
  Language,
  LeadActionType,
  LeadTone,
  SpamReason,
  SpamVerdict,
  Urgency,
} from './vocabulary';

/** Every error code an answer may carry (schema/errors.ts): match on these, never on bare strings. */
export type { ErrorCode };

/** A lead as the inbox lists it. */
export interface LeadItem {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  createdAt: string;
  intent: { key: IntentKey; en: string; fr: string } | null;
  urgency: Urgency | null;
  tone: LeadTone | null;
  confidence: number | null;
  language: Language | null;
  aiSummary: string | null;
  aiSummaryEn: string | null;
  aiSummaryFr: string | null;
  currentTag: string | null;
  archived: boolean;
  deleted: boolean;
  isTest: boolean;
  /** Caught by the form's bot checks (honeypot, fill time): kept, never answered. */
  isSpam: boolean;
  /** Why the bot checks set it aside; null when they did not. */
  spamReason: SpamReason | null;
  /** In the Spam folder (the client's verdict, else the detection). */
  inSpam: boolean;
  /** The client's own call, when they made one. */
  spamVerdict: SpamVerdict | null;
  unread: boolean;
}

/** Counts of the inbox's filters: per status, and per urgency within the status shown. */
export interface LeadCounts {
  active: number;
  archived: number;
  /** Bot-caught submissions, spam and vendor pitches, unless the client said otherwise. */
  spam: number;
  deleted: number;
  /** Within the status shown and every other filter, the urgency one excepted. */
  byUrgency: { High: number; Medium: number; Low: number };
}

/** `GET /api/app/leads`. */
export interface LeadPage {
  leads: LeadItem[];
  nextCursor: string | null;
  counts: LeadCounts;
}

/** One value of a triage history (tone, urgency, confidence): what, when, by which engine. */
export interface HistoryPoint<T> {
  value: T;
  at: string;
  engine: string;
}

/** A note on a lead. */
export interface NoteView {
  id: string;
  note: string;
  performedBy: string;
  createdAt: string;
  updatedAt: string;
}

/** One lead_actions row, in the timeline and the activity log. */
export interface ActionView {
  id: string;
  leadId: string;
  leadName: string;
  /** The `action_type` column: the API names it `action`. */
  action: LeadActionType;
  tag: string | null;
  at: string;
  performedBy: string;
  conversionOutcome: boolean | null;
  reversionReason: string | null;
  metadata: Record<string, unknown>;
  isTest: boolean;
}

/** `GET /api/app/leads/:id`. */
export interface LeadDetail extends LeadItem {
  message: string;
  consent: boolean;
  enrichmentEngine: EnrichmentEngine | null;
  enrichedAt: string | null;
  openedAt: string;
  metadata: Record<string, unknown>;
  history: { tone: HistoryPoint<string>[]; urgency: HistoryPoint<string>[]; confidence: HistoryPoint<number>[] };
  notes: NoteView[];
  timeline: ActionView[];
  reply: { subject: string; text: string; sentAt: string | null; status: SentEmailStatus } | null;
}

/** `GET /api/app/activity`. */
export interface ActivityPage {
  activity: ActionView[];
  nextCursor: string | null;
}

/** `GET /api/app/tags`: a tag, and how many live real leads carry it now. */
export interface TagCount {
  tag: string;
  count: number;
}

/**
 * What the dashboard may show of a client account: an allowlist, so a column added to
 * `clients` later (or the password hash now) never reaches a browser by accident. The
 * widget key is included: it is publishable (it sits in the customer's page source).
 */
export interface ClientSettings {
  id: string;
  clientId: string;
  businessName: string;
  email: string;
  language: Language;
  emailTone: EmailTone;
  aiPersonalizedReply: boolean;
  bookingLink: string | null;
  industry: string | null;
  allowedOrigins: string[];
  requireConsent: boolean;
  /** Whether the Monday digest of the week's insights is emailed (`clients.weekly_digest`, on by default). */
  weeklyDigest: boolean;
  /** The publishable widget key (`clients.api_key`). */
  apiKey: string;
  isTest: boolean;
  isInternal: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}

/** `GET /api/app/me`: who is signed in, and whose dashboard they are looking at. */
export interface AccountView {
  account: {
    id: string;
    clientId: string;
    businessName: string;
    email: string;
    language: Language;
    lastLoginAt: string | null;
  };
  /** The settings of the client whose dashboard is shown. */
  client: ClientSettings;
  isInternal: boolean;
  mustChangePassword: boolean;
  /** The client an internal account switched to; null on its own dashboard. */
  actingAs: { id: string; clientId: string; businessName: string } | null;
}

/** One client in `GET /api/app/clients` (internal accounts only), newest first. */
export interface ClientListItem {
  id: string;
  clientId: string;
  businessName: string;
  email: string;
  language: Language;
  isTest: boolean;
  isInternal: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

/** `GET /api/app/clients?q=`: at most `limit` clients; `truncated` when more matched. */
export interface ClientList {
  clients: ClientListItem[];
  limit: number;
  truncated: boolean;
}

/** `POST /api/app/clients`: the new client, and its one-time password, shown this once. */
export interface CreatedClientView {
  client: ClientSettings;
  oneTimePassword: string;
}

/** `GET`/`PATCH /api/app/settings`: the client's settings and the snippets that embed its key. */
export interface SettingsView {
  businessName: string;
  language: Language;
  emailTone: EmailTone;
  aiPersonalizedReply: boolean;
  bookingLink: string | null;
  allowedOrigins: string[];
  requireConsent: boolean;
  /** The Monday digest email of the week's insights. */
  weeklyDigest: boolean;
  widgetKey: string;
  /** The form in the page, with its reserved height. */
  snippet: string;
  /** A floating button that opens the form. */
  launcherSnippet: string;
}

/** `POST /api/app/settings/widget-key`: the new settings, and what becomes of the old key. */
export interface RotatedKeyView extends SettingsView {
  previousKey: { en: string; fr: string };
}

/**
 * Where a figure of the home leads: a dashboard screen and the query string of its filters
 * (no leading `?`), as that screen reads them from its URL and the API takes them.
 */
export interface HomeLink {
  screen: 'inbox' | 'activity';
  query: string;
}

/** An urgent lead no person has acted on yet, on the home. */
export interface HomeUrgentLead {
  id: string;
  name: string;
  createdAt: string;
  /** Whole minutes from `createdAt` to the answer's `asOf`: add the time since the answer to keep counting. */
  waitedMinutes: number;
  intent: { key: IntentKey; en: string; fr: string } | null;
  urgency: Urgency;
  language: Language | null;
  /** The AI summary in the lead's language, and in each language (null: not translated), as in the inbox. */
  aiSummary: string | null;
  aiSummaryEn: string | null;
  aiSummaryFr: string | null;
  /** The start of the message (at most 160 characters, cut at a word, with "…"), for a lead with no summary. */
  messageExcerpt: string;
  /** Whether the automatic reply went out: the lead has had an answer, not yet a person's. */
  autoReplied: boolean;
  /** Nobody has opened it in the dashboard yet. */
  unread: boolean;
}

/**
 * `GET /api/app/home?tz=`: what needs the client now. Real leads only: the inbox's Spam
 * folder never counts, and test leads count only for a test client (the inbox's default).
 * "Today" and "the week" are in `timeZone`: the week is today and the six days before it.
 */
export interface HomeView {
  /** The server's clock when it answered (ISO 8601 UTC). */
  asOf: string;
  /** The time zone the periods were taken in (canonical IANA name). */
  timeZone: string;
  /** The first instants of today and of the week in `timeZone` (ISO 8601 UTC). */
  periods: { today: string; week: string };
  /**
   * High urgency leads in the active tab (not archived, deleted or in the Spam folder) that no
   * person has acted on: no action in their timeline by anyone but the pipeline (`system`)
   * or the form (`widget`). The `limit` longest waiting first, and how many there are.
   */
  urgent: { total: number; limit: number; leads: HomeUrgentLead[]; link: HomeLink };
  /** Leads created since the start of today, not in the Spam folder nor deleted (archived ones count). */
  newToday: { count: number; link: HomeLink };
  /** Automatic replies sent (`replied` by the pipeline) since the start of today, and of the week. */
  autoReplies: { today: number; week: number; todayLink: HomeLink; weekLink: HomeLink };
  /**
   * Over the leads created this week (not in the Spam folder nor deleted) that a person has
   * acted on: the median of the minutes from the lead's arrival to its first human action,
   * to a tenth of a minute; null when there is none. `leads` is how many it is taken over.
   */
  firstHumanAction: { medianMinutes: number | null; leads: number; link: HomeLink };
  /** Whether the client has any lead at all, in any tab: when false, the home is the onboarding. */
  hasAnyLead: boolean;
  /** No real lead, but test leads (a test lead sent from the onboarding): the inbox shows them with `test=1`. */
  testLeadsOnly: boolean;
}

/** The periods the Insights screen offers: the stored weekly analysis, or figures computed on request. */
export const INSIGHTS_PERIODS = ['week', '4w', '12w', 'custom'] as const;
export type InsightsPeriodKey = (typeof INSIGHTS_PERIODS)[number];

/** Where the client's "Growth Copilot" refresh stands, and how many it may still ask for. */
export interface InsightsRefreshView {
  /** `idle`: none asked for, or the last one finished; `failed`: the last one failed (the analysis shown is older). */
  state: 'idle' | 'queued' | 'running' | 'failed';
  /** When the last refresh was asked for (ISO 8601 UTC), if any in the window. */
  requestedAt: string | null;
  /** Refreshes allowed per window, and the window's length in minutes. */
  limit: number;
  windowMinutes: number;
  /** Refreshes left in the window. */
  remaining: number;
  /** When the next refresh may be asked for, when none is left (ISO 8601 UTC). */
  retryAt: string | null;
}

/**
 * `GET /api/app/insights?period=&from=&to=`: the client's growth insights. `stored` is the
 * last analysis written to growth_brain (weekly, or by a refresh) with its recommendations;
 * `analysis` holds the figures of the period asked for: the stored analysis's for `week`
 * (computed now when there is none yet), computed on request for the others (same
 * computation, nothing written).
 */
export interface InsightsView {
  asOf: string;
  period: InsightsPeriodKey;
  stored: {
    analyzedAt: string;
    insights: PredictiveInsights;
    /** The analysis found no lead: the screen explains how to embed the form. */
    empty: boolean;
  } | null;
  analysis: GrowthAnalysis;
  refresh: InsightsRefreshView;
  /** Test leads count: the client is a test client (the demo), whose leads are all samples or tests. */
  testClient: boolean;
}
