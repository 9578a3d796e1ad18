import type { HomeLink } from '../../../schema/app-api';
import type { HomePeriods } from './periods';

/**
 * Where each figure of the home leads, without I/O: a dashboard screen and the query string
 * of its filters, as that screen reads them from its URL (dashboard/inbox.tsx and
 * activity.tsx) and sends them to the API (`GET /api/app/leads`, `GET /api/app/activity`).
 * Filters at their default (the active tab, newest first, test leads per the inbox's rule)
 * are left out, as the inbox leaves them out of its own URL.
 */

const link = (screen: HomeLink['screen'], params: Record<string, string>): HomeLink => ({
  screen,
  query: new URLSearchParams(params).toString(),
});

/** An instant as the inbox's `from` takes it: ISO 8601 in UTC, to the millisecond. */
const since = (instant: Date) => instant.toISOString();

export interface HomeLinks {
  urgent: HomeLink;
  newToday: HomeLink;
  autoRepliesToday: HomeLink;
  autoRepliesWeek: HomeLink;
  firstHumanAction: HomeLink;
}

export const homeLinks = (periods: HomePeriods): HomeLinks => ({
  // The inbox has no "no person has acted yet" filter: this shows every active High lead,
  // the longest waiting first, those already handled among them.
  urgent: link('inbox', { urgency: 'High', sort: 'oldest' }),
  newToday: link('inbox', { from: since(periods.today) }),
  // The activity log shows every reply, test leads' too, and has no "by whom" filter; only
  // the pipeline records `replied` today.
  autoRepliesToday: link('activity', { action: 'replied', from: since(periods.today) }),
  autoRepliesWeek: link('activity', { action: 'replied', from: since(periods.week) }),
  // The leads the median is taken over came in since the week began, those not yet acted on among them.
  firstHumanAction: link('inbox', { from: since(periods.week), sort: 'oldest' }),
});
