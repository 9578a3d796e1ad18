/**
 * What the connection-health endpoints answer (features/connection-health): the client's
 * own view under /api/app, every client's under /api/staff. Times are ISO strings.
 */

/** A refusal the integration log names, by its error code. */
export const REFUSALS = ['origin_not_allowed', 'invalid_key', 'rate_limited', 'invalid_lead'] as const;
export type Refusal = (typeof REFUSALS)[number];

/** One problem a person must act on, with its evidence; `key` is the same each time it is found. */
export type ConnectionProblem = { key: string } & (
  | { kind: 'refused_origin'; origin: string; count: number; lastAt: string }
  | { kind: 'old_key'; keyPrefix: string; count: number; lastAt: string }
  | { kind: 'rate_limited'; count: number; lastAt: string }
  | { kind: 'invalid_submissions'; count: number; lastAt: string }
  | { kind: 'quiet'; lastLeadAt: string; usualGapHours: number; silentHours: number }
);

/** One site the form was loaded or sent from in the window, as the log saw it. */
export interface ConnectionSite {
  /** null: requests that named no Origin (a server, a test tool). */
  origin: string | null;
  allowed: boolean;
  accepted: number;
  refused: Record<Refusal, number>;
  lastAcceptedAt: string | null;
  lastRequestAt: string;
}

export interface ConnectionHealthView {
  /** `no_history`: too few leads yet to know the client's usual rate, and no refusal. */
  status: 'ok' | 'problems' | 'no_history';
  problems: ConnectionProblem[];
  lastLeadAt: string | null;
  usualGapHours: number | null;
  /** How many days of requests `sites` and the refusal counts cover. */
  windowDays: number;
  sites: ConnectionSite[];
}

/** A client in the staff's list, sorted by who needs help first. */
export interface StaffConnectionRow {
  clientId: string;
  businessName: string;
  email: string;
  language: 'en' | 'fr';
  isTest: boolean;
  /** Higher first: a form that cannot send (3), a quiet form (2), refused submissions (1), none (0). */
  need: number;
  health: ConnectionHealthView;
}
