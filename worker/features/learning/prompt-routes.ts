import { Hono } from 'hono';
import * as v from 'valibot';
import type { AppEnv } from '../../platform/env';
import { AppError } from '../../platform/errors';
import { type Bilingual, fields, jsonBody, localized } from '../../platform/http/validate';
import { isUuid } from '../../platform/identifiers';
import { aiFromEnv } from '../../platform/wiring';
import { requireInternal } from '../accounts';
import { cancelAbTest, createAbTest, lookAtAbTest, startDraftAbTest } from './ab-lifecycle';
import { editVariant, evolveVariant } from './evolution';

/**
 * What staff change in the prompts, under /api/app/staff (internal accounts only): edit a
 * variant into a child, have the AI write one, start, look at and cancel A/B tests.
 */
export const promptRoutes = new Hono<AppEnv>();

const TEXT_RULE: Bilingual = [
  'Write the prompt (20 to 20,000 characters).',
  'Écrivez la requête (20 à 20 000 caractères).',
];
const VARIANT_RULE: Bilingual = ['Name a prompt variant.', 'Nommez une variante de requête.'];

const variantId = v.pipe(
  v.string(localized(...VARIANT_RULE)),
  v.minLength(1, localized(...VARIANT_RULE)),
  v.maxLength(120, localized(...VARIANT_RULE)),
);

const editBody = fields(
  {
    text: v.pipe(
      v.string(localized(...TEXT_RULE)),
      v.trim(),
      v.minLength(20, localized(...TEXT_RULE)),
      v.maxLength(20_000, localized(...TEXT_RULE)),
    ),
  },
  { text: TEXT_RULE },
);

promptRoutes.post('/staff/prompts/:variantId/edit', requireInternal, jsonBody(editBody), async (c) =>
  c.json(
    await editVariant(c.var.db, c.req.param('variantId'), c.req.valid('json').text, c.var.session.accountEmail),
    201,
  ),
);

const EVOLUTION_RULE: Bilingual = ['Choose mutation or crossover.', 'Choisissez mutation ou croisement.'];
const evolveBody = fields(
  {
    type: v.picklist(['mutation', 'crossover'], localized(...EVOLUTION_RULE)),
    otherVariantId: v.optional(variantId),
  },
  { type: EVOLUTION_RULE, otherVariantId: VARIANT_RULE },
);

promptRoutes.post('/staff/prompts/:variantId/evolve', requireInternal, jsonBody(evolveBody), async (c) => {
  const body = c.req.valid('json');
  const child = await evolveVariant(c.var.db, aiFromEnv(c.env), {
    variantId: c.req.param('variantId'),
    type: body.type,
    otherVariantId: body.otherVariantId,
  });
  return c.json(child, 201);
});

const SAMPLE_RULE: Bilingual = [
  'The minimum sample is a whole number from 10 to 100,000 per arm.',
  'L’échantillon minimal est un nombre entier de 10 à 100 000 par branche.',
];
const DURATION_RULE: Bilingual = [
  'The maximum duration is a whole number of days from 1 to 90.',
  'La durée maximale est un nombre entier de jours de 1 à 90.',
];
const LEVEL_RULE: Bilingual = [
  'The significance level is between 0.001 and 0.2.',
  'Le seuil de signification est entre 0,001 et 0,2.',
];
const SHARE_RULE: Bilingual = [
  'The control’s share of traffic is a whole percentage from 10 to 90.',
  'La part du trafic du témoin est un pourcentage entier de 10 à 90.',
];
const whole = (min: number, max: number, rule: Bilingual) =>
  v.optional(
    v.pipe(
      v.number(localized(...rule)),
      v.integer(localized(...rule)),
      v.minValue(min, localized(...rule)),
      v.maxValue(max, localized(...rule)),
    ),
  );

const DRAFT_RULE: Bilingual = ['Say true or false.', 'Indiquez true ou false.'];
const newTestBody = fields(
  {
    draft: v.optional(v.boolean(localized(...DRAFT_RULE))),
    controlVariantId: variantId,
    treatmentVariantId: variantId,
    minSampleSize: whole(10, 100_000, SAMPLE_RULE),
    maxDurationDays: whole(1, 90, DURATION_RULE),
    significanceLevel: v.optional(
      v.pipe(
        v.number(localized(...LEVEL_RULE)),
        v.minValue(0.001, localized(...LEVEL_RULE)),
        v.maxValue(0.2, localized(...LEVEL_RULE)),
      ),
    ),
    controlTrafficPercentage: whole(10, 90, SHARE_RULE),
  },
  {
    draft: DRAFT_RULE,
    controlVariantId: VARIANT_RULE,
    treatmentVariantId: VARIANT_RULE,
    minSampleSize: SAMPLE_RULE,
    maxDurationDays: DURATION_RULE,
    significanceLevel: LEVEL_RULE,
    controlTrafficPercentage: SHARE_RULE,
  },
);

promptRoutes.post('/staff/ab-tests', requireInternal, jsonBody(newTestBody), async (c) =>
  c.json({ test: await createAbTest(c.var.db, c.req.valid('json')) }, 201),
);

promptRoutes.post('/staff/ab-tests/:id/start', requireInternal, async (c) =>
  c.json({ test: await startDraftAbTest(c.var.db, testId(c.req.param('id'))) }),
);

const testId = (id: string | undefined): string => {
  if (!id || !isUuid(id)) throw new AppError('test_not_found');
  return id;
};

promptRoutes.post('/staff/ab-tests/:id/cancel', requireInternal, async (c) =>
  c.json({ test: await cancelAbTest(c.var.db, testId(c.req.param('id'))) }),
);

promptRoutes.post('/staff/ab-tests/:id/look', requireInternal, async (c) => {
  const id = testId(c.req.param('id'));
  return c.json({ test: await c.var.db.service((tx) => lookAtAbTest(tx, id)) });
});
