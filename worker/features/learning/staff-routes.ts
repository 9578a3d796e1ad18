import { Hono } from 'hono';
import * as v from 'valibot';
import type { AppEnv } from '../../platform/env';
import { type Bilingual, localized, query } from '../../platform/http/validate';
import { aiFromEnv } from '../../platform/wiring';
import { requireInternal } from '../accounts';
import { learningView, promptsView, systemView } from './staff-views';

/**
 * The learning loop's staff screens, read side, under /api/app (behind the dashboard guard),
 * each route behind `requireInternal`: a client account gets 403, as on the other staff
 * routes. Across every client, so the reads run in the service transaction.
 */
export const learningStaffRoutes = new Hono<AppEnv>();

/** `?days=` as a whole number of days between `min` and `max`, `fallback` when absent. */
function daysParam(min: number, max: number, fallback: number) {
  const rule: Bilingual = [
    `Choose a number of days from ${min} to ${max}.`,
    `Choisissez un nombre de jours de ${min} à ${max}.`,
  ];
  const message = localized(...rule);
  return v.object({
    // A repeated ?days= arrives as an array: refused like any other value that is not one number.
    days: v.optional(
      v.pipe(
        v.string(message),
        v.regex(/^\d{1,4}$/, message),
        v.transform(Number),
        v.minValue(min, message),
        v.maxValue(max, message),
      ),
      String(fallback),
    ),
  });
}

learningStaffRoutes.get('/staff/learning', requireInternal, query(daysParam(7, 180, 30)), async (c) =>
  c.json(await learningView(c.var.db, c.req.valid('query').days)),
);

learningStaffRoutes.get('/staff/prompts', requireInternal, async (c) =>
  // Evolution needs OpenAI: the same rule as the pipeline's engine (a key configured), never the key.
  c.json(await promptsView(c.var.db, aiFromEnv(c.env) !== null)),
);

learningStaffRoutes.get('/staff/system', requireInternal, query(daysParam(1, 90, 14)), async (c) =>
  c.json(await systemView(c.var.db, c.req.valid('query').days)),
);
