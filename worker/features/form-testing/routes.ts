import { Hono } from 'hono';
import * as v from 'valibot';
import type { FormTestListQuery } from '../../../schema/form-tests-api';
import { AUTORESPONDER_TONES, FORM_TEST_STATUSES } from '../../../schema/vocabulary';
import type { AppEnv } from '../../platform/env';
import { AppError } from '../../platform/errors';
import { type Bilingual, jsonBody, localized, query } from '../../platform/http/validate';
import { isUuid } from '../../platform/identifiers';
import { replyAddressConfig } from '../../platform/mail/reply-address';
import { requireInternal } from '../accounts';
import { approveBatch, batchView, cancelBatch, proposeBatch } from './batches';
import { formTestLimits, MAX_BATCH_SIZE } from './limits';
import type { FormTestsMessage } from './messages';
import { listFormTests } from './views';

/**
 * Form tests for internal (Avenir staff) accounts, under /api/app/staff/form-tests: the
 * tests with what came back, and batches to propose, approve (which queues the run) or
 * cancel. Nothing is sent to a business until a person approves its batch.
 */
export const formTestRoutes = new Hono<AppEnv>();

const SCORE_RULE: Bilingual = ['A score is a whole number from 0 to 100.', 'Un score est un nombre entier de 0 à 100.'];
const ID_RULE: Bilingual = ['This is not an id.', 'Ce n’est pas un identifiant.'];
const LIMIT_RULE: Bilingual = [
  `Propose from 1 to ${MAX_BATCH_SIZE} prospects.`,
  `Proposez de 1 à ${MAX_BATCH_SIZE} prospects.`,
];

const score = v.optional(
  v.pipe(
    v.string(localized(...SCORE_RULE)),
    v.regex(/^\d{1,3}$/, localized(...SCORE_RULE)),
    v.transform(Number),
    v.maxValue(100, localized(...SCORE_RULE)),
  ),
);
const id = v.optional(v.pipe(v.string(localized(...ID_RULE)), v.uuid(localized(...ID_RULE))));

const listQuery = v.object({
  status: v.optional(v.picklist(FORM_TEST_STATUSES, localized('Unknown status.', 'État inconnu.'))),
  tone: v.optional(v.picklist(AUTORESPONDER_TONES, localized('Unknown tone.', 'Ton inconnu.'))),
  minScore: score,
  maxScore: score,
  prospect: id,
  batch: id,
});

formTestRoutes.get('/staff/form-tests', requireInternal, query(listQuery), async (c) => {
  const filters = Object.fromEntries(
    Object.entries(c.req.valid('query')).filter(([, value]) => value !== undefined && value !== ''),
  ) as FormTestListQuery;
  return c.json(await listFormTests(c.var.db, filters, formTestLimits(c.env), replyAddressConfig(c.env) !== null));
});

const proposeBody = v.object({
  limit: v.pipe(
    v.number(localized(...LIMIT_RULE)),
    v.integer(localized(...LIMIT_RULE)),
    v.minValue(1, localized(...LIMIT_RULE)),
    v.maxValue(MAX_BATCH_SIZE, localized(...LIMIT_RULE)),
  ),
});

formTestRoutes.post('/staff/form-tests/batches', requireInternal, jsonBody(proposeBody), async (c) => {
  if (!replyAddressConfig(c.env)) throw new AppError('form_testing_not_configured');
  const batch = await proposeBatch(c.var.db, {
    limit: c.req.valid('json').limit,
    proposedBy: c.var.session.accountEmail,
    limits: formTestLimits(c.env),
  });
  return c.json(await batchView(c.var.db, batch), 201);
});

const batchId = (value: string) => {
  if (!isUuid(value)) throw new AppError('form_test_batch_not_found');
  return value;
};

formTestRoutes.post('/staff/form-tests/batches/:id/approve', requireInternal, async (c) => {
  if (!replyAddressConfig(c.env)) throw new AppError('form_testing_not_configured');
  const batch = await approveBatch(c.var.db, batchId(c.req.param('id')), c.var.session.accountEmail);
  const message: FormTestsMessage = { type: 'form_tests', batchId: batch.id };
  await c.env.JOBS.send(message);
  return c.json(await batchView(c.var.db, batch));
});

formTestRoutes.post('/staff/form-tests/batches/:id/cancel', requireInternal, async (c) => {
  const batch = await cancelBatch(c.var.db, batchId(c.req.param('id')));
  return c.json(await batchView(c.var.db, batch));
});
