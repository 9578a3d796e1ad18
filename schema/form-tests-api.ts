/**
 * The JSON of contact-form testing's API, for internal (Avenir staff) accounts under
 * /api/app/staff/form-tests: batches to approve and run, each test's timeline and what
 * came back. Shared by the Worker (worker/features/form-testing) and the dashboard.
 * Types only.
 */
import type { BilingualText } from './prospects-api';
import type { AutoresponderTone, FormTestBatchStatus, FormTestStatus, Language } from './vocabulary';

/** Why a test ended without being sent, or why a prospect was left out of a batch. */
export const FORM_TEST_FAILURES = [
  'no_form',
  'captcha',
  'javascript_only',
  'multi_step',
  'login_required',
  'robots_disallowed',
  'needs_phone',
  'unfillable',
  'refused_address',
  'unreachable',
  'rejected',
  'not_configured',
] as const;
export type FormTestFailure = (typeof FORM_TEST_FAILURES)[number];

/** Why a prospect proposed for a batch was not tested when it ran. */
export const FORM_TEST_SKIPS = ['tested_recently', 'stop_list', 'daily_limit', 'prospect_gone'] as const;
export type FormTestSkip = (typeof FORM_TEST_SKIPS)[number];

/** `GET /api/app/staff/form-tests` query: every filter optional. */
export interface FormTestListQuery {
  status?: FormTestStatus;
  tone?: AutoresponderTone;
  minScore?: number;
  maxScore?: number;
  prospect?: string;
  batch?: string;
}

export interface ScoreLine {
  key: string;
  points: number;
  label: BilingualText;
}

/** One test, as the list and the prospect's page show it. */
export interface FormTestView {
  id: string;
  prospectId: string;
  businessName: string;
  website: string;
  formUrl: string | null;
  batchId: string | null;
  status: FormTestStatus;
  /** When the form was submitted (or the attempt ended, for a failure). */
  submittedAt: string;
  /** When an unanswered test becomes a timeout; for one that did, the end of the wait it was given. */
  timesOutAt: string;
  /** Why it failed, when it did. */
  failure: { reason: FormTestFailure; message: string } | null;
  /** The inquiry that was sent, in the site's language. */
  inquiry: { language: Language; subject: string | null; message: string; senderName: string } | null;
  replyAddress: string | null;
  responseReceivedAt: string | null;
  responseTimeMinutes: number | null;
  hasAutoresponder: boolean;
  autoresponder: {
    from: string | null;
    subject: string;
    /** The answer's own text, quoted history removed, bounded. */
    content: string;
    tone: AutoresponderTone;
    engine: 'offline' | 'openai';
    cues: { key: string; label: BilingualText }[];
  } | null;
  /** 0–100: how well the business answers a new inquiry (a timeout scores 0). */
  score: number | null;
  scoreLines: ScoreLine[];
  /** Later messages to the same address, counted. */
  laterMessages: number;
}

export interface FormTestBatchView {
  id: string;
  status: FormTestBatchStatus;
  size: number;
  proposedBy: string;
  approvedBy: string | null;
  createdAt: string;
  approvedAt: string | null;
  completedAt: string | null;
  /** The prospects it holds, best need score first (only while proposed: after, see its tests). */
  prospects: {
    id: string;
    businessName: string;
    website: string;
    formUrl: string | null;
    automationNeedScore: number | null;
  }[];
  result: FormTestBatchResult | null;
}

export interface FormTestBatchResult {
  submitted: number;
  failed: Partial<Record<FormTestFailure, number>>;
  skipped: Partial<Record<FormTestSkip, number>>;
}

/** `GET /api/app/staff/form-tests`. */
export interface FormTestsView {
  /** The newest 200 tests that match the filters, newest first. */
  tests: FormTestView[];
  /** Older tests match too and were left out: narrower filters reach them. */
  more: boolean;
  batches: FormTestBatchView[];
  /** The limits a batch runs under, as configured. */
  limits: { perDay: number; submittedToday: number; timeoutHours: number; retestDays: number; stopDomains: string[] };
  /** False while INBOUND_TOKEN_SECRET / INBOUND_DOMAIN are unset: nothing can be tested. */
  configured: boolean;
  /** Every test by status, whatever the filters (the status filter's buttons show them). */
  counts: Record<FormTestStatus, number>;
}

/** `POST /api/app/staff/form-tests/batches`: propose the n best-scored prospects with a form and no test in 90 days. */
export interface ProposeBatchInput {
  limit: number;
}
