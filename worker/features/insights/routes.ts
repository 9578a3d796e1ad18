import { Hono } from 'hono';
import * as v from 'valibot';
import { INSIGHTS_PERIODS } from '../../../schema/app-api';
import type { AppEnv } from '../../platform/env';
import { AppError, bilingual } from '../../platform/errors';
import { requestLanguage } from '../../platform/http/request-meta';
import { timeZoneParam } from '../../platform/http/time-zone';
import { localized, query } from '../../platform/http/validate';
import { customWindow, MAX_CUSTOM_DAYS, rollingWindow } from './period';
import { REFRESH_LIMIT, REFRESH_WINDOW_MINUTES, refreshState, requestRefresh } from './refresh';
import { insightsView } from './view';

/**
 * The Insights screen's API under /api/app, behind the dashboard guard (session, CSRF):
 * every read in the session client's tenant transaction, so another client's id gets
 * nothing — there is no id to guess, the session names the client.
 */
export const insightsRoutes = new Hono<AppEnv>();

const date = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, localized('Use a date such as 2026-03-14.', 'Utilisez une date comme 2026-03-14.')),
);

const insightsQuery = v.object({
  period: v.optional(
    v.picklist(
      INSIGHTS_PERIODS,
      localized(
        `Use a period among ${INSIGHTS_PERIODS.join(', ')}.`,
        `Utilisez une période parmi ${INSIGHTS_PERIODS.join(', ')}.`,
      ),
    ),
    'week',
  ),
  from: v.optional(date),
  to: v.optional(date),
  tz: timeZoneParam,
});

const PERIOD_PROBLEMS = {
  missing: bilingual(
    'Choose the first and the last day of the period.',
    'Choisissez le premier et le dernier jour de la période.',
  ),
  date: bilingual('One of the dates does not exist.', 'Une des dates n’existe pas.'),
  order: bilingual('The last day comes before the first.', 'Le dernier jour vient avant le premier.'),
  future: bilingual('The period starts in the future.', 'La période commence dans le futur.'),
  length: bilingual(
    `Choose a period of at most ${MAX_CUSTOM_DAYS} days.`,
    `Choisissez une période d’au plus ${MAX_CUSTOM_DAYS} jours.`,
  ),
} as const;

insightsRoutes.get('/insights', query(insightsQuery), async (c) => {
  const { period, from, to, tz } = c.req.valid('query');
  const now = new Date();
  if (period !== 'custom') {
    const window = rollingWindow(period, now);
    return c.json(await insightsView(c.var.db, c.var.session.clientId, { key: period, window }, now));
  }
  const refuse = (problem: keyof typeof PERIOD_PROBLEMS) => {
    const text = PERIOD_PROBLEMS[problem];
    const message = [text[requestLanguage(c)]];
    return new AppError('invalid_request', text, { fields: { from: message, to: message } });
  };
  if (!from || !to) throw refuse('missing');
  const custom = customWindow(from, to, tz, now);
  if (!custom.ok) throw refuse(custom.problem);
  return c.json(await insightsView(c.var.db, c.var.session.clientId, { key: period, window: custom.window }, now));
});

insightsRoutes.get('/insights/refresh', async (c) => c.json(await refreshState(c.var.db, c.var.session.clientId)));

insightsRoutes.post('/insights/refresh', async (c) => {
  const request = await requestRefresh(c.var.db, c.env.JOBS, c.var.session.clientId, new Date());
  if (request.outcome === 'limited') {
    c.header('Retry-After', String(request.retryAfterSeconds));
    const minutes = Math.ceil(request.retryAfterSeconds / 60);
    throw new AppError(
      'rate_limited',
      bilingual(
        `You can refresh the insights ${REFRESH_LIMIT} times an hour. Try again in ${minutes} min.`,
        `Vous pouvez actualiser les analyses ${REFRESH_LIMIT} fois par heure. Réessayez dans ${minutes} min.`,
      ),
      { refresh: request.view, windowMinutes: REFRESH_WINDOW_MINUTES },
    );
  }
  return c.json(request.view, 202);
});
