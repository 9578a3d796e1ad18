import { Hono } from 'hono';
import * as v from 'valibot';
import type { DiscoveryView, IcpInput, ProspectListQuery } from '../../../schema/prospects-api';
import { PROSPECT_SORTS } from '../../../schema/prospects-api';
import { LANGUAGES, PROSPECT_ANALYSIS_STATUSES } from '../../../schema/vocabulary';
import type { AppEnv } from '../../platform/env';
import { AppError } from '../../platform/errors';
import { requestLanguage } from '../../platform/http/request-meta';
import { type Bilingual, fields, jsonBody, localized, query } from '../../platform/http/validate';
import { isUuid } from '../../platform/identifiers';
import { embedderFromEnv } from '../../platform/wiring';
import { requireInternal } from '../accounts';
import { importCsv, previewCsv, readCsvUpload } from './csv-import';
import { createIcp, icpBody, listIcps, updateIcp } from './icps';
import type { ProspectAnalysisMessage } from './messages';
import { listProspects, markForAnalysis, poolCounts, prospectDetail } from './pool';
import { PROFILE_MAX_CHARS, readProfile, saveProfile } from './profile';
import { providerStatus } from './providers/registry';
import { recentRuns, startRuns } from './runs';

/**
 * Prospect discovery for internal (Avenir staff) accounts, under /api/app/staff: the pool,
 * a prospect, ICPs, runs, the CSV import and the operator's profile. Every route behind
 * `requireInternal`; the pool is the operator's, never a client's.
 */
export const prospectRoutes = new Hono<AppEnv>();

const SCORE_RULE: Bilingual = [
  'A need score is a whole number from 45 to 95.',
  'Un score de besoin est un nombre entier de 45 à 95.',
];
const FLAG_RULE: Bilingual = ['Say true or false.', 'Indiquez true ou false.'];
const FILTER_RULE: Bilingual = ['At most 200 characters.', 'Au plus 200 caractères.'];
const SORT_RULE: Bilingual = ['Sort by need, fit or recent.', 'Triez par besoin, adéquation ou date.'];
const ID_RULE: Bilingual = ['This is not an id.', 'Ce n’est pas un identifiant.'];

const score = v.optional(
  v.pipe(
    v.string(localized(...SCORE_RULE)),
    v.regex(/^\d{2}$/, localized(...SCORE_RULE)),
    v.transform(Number),
    v.minValue(45, localized(...SCORE_RULE)),
    v.maxValue(95, localized(...SCORE_RULE)),
  ),
);
const flag = v.optional(
  v.pipe(
    v.picklist(['true', 'false'], localized(...FLAG_RULE)),
    v.transform((value) => value === 'true'),
  ),
);
const text = v.optional(
  v.pipe(v.string(localized(...FILTER_RULE)), v.trim(), v.maxLength(200, localized(...FILTER_RULE))),
);

const listQuery = v.object({
  icp: v.optional(v.pipe(v.string(localized(...ID_RULE)), v.uuid(localized(...ID_RULE)))),
  industry: text,
  region: text,
  language: v.optional(v.picklist(LANGUAGES, localized('Language is en or fr.', 'La langue est en ou fr.'))),
  minScore: score,
  maxScore: score,
  hasForm: flag,
  contacted: flag,
  status: v.optional(v.picklist(PROSPECT_ANALYSIS_STATUSES, localized('Unknown status.', 'État inconnu.'))),
  q: text,
  sort: v.optional(v.picklist(PROSPECT_SORTS, localized(...SORT_RULE))),
  cursor: v.optional(v.pipe(v.string(), v.regex(/^[0-9a-z]{1,8}$/))),
});

prospectRoutes.get('/staff/prospects', requireInternal, query(listQuery), async (c) => {
  const filters = Object.fromEntries(
    Object.entries(c.req.valid('query')).filter(([, value]) => value !== undefined && value !== ''),
  );
  return c.json(await listProspects(c.var.db, filters as ProspectListQuery));
});

const prospectId = (id: string) => {
  if (!isUuid(id)) throw new AppError('prospect_not_found');
  return id;
};

prospectRoutes.get('/staff/prospects/:id', requireInternal, async (c) =>
  c.json(await prospectDetail(c.var.db, prospectId(c.req.param('id')))),
);

prospectRoutes.post('/staff/prospects/:id/analyze', requireInternal, async (c) => {
  const id = prospectId(c.req.param('id'));
  await markForAnalysis(c.var.db, id);
  const message: ProspectAnalysisMessage = {
    type: 'prospect_analysis',
    prospectId: id,
    run: `staff:${crypto.randomUUID()}`,
  };
  await c.env.JOBS.send(message);
  return c.json({ queued: true }, 202);
});

prospectRoutes.post('/staff/prospects/import/preview', requireInternal, async (c) => {
  const upload = await readCsvUpload(c.req.raw);
  return c.json(previewCsv(upload.bytes, requestLanguage(c)));
});

prospectRoutes.post('/staff/prospects/import', requireInternal, async (c) => {
  const language = requestLanguage(c);
  const upload = await readCsvUpload(c.req.raw, { withMapping: true });
  return c.json(await importCsv(c.var.db, c.env, upload, language));
});

prospectRoutes.get('/staff/discovery', requireInternal, async (c) => {
  const view: DiscoveryView = {
    providers: providerStatus(c.env),
    icps: await listIcps(c.var.db),
    runs: await recentRuns(c.var.db),
    pool: await poolCounts(c.var.db),
  };
  return c.json(view);
});

const runBody = v.object({ icpId: v.optional(v.pipe(v.string(localized(...ID_RULE)), v.uuid(localized(...ID_RULE)))) });

prospectRoutes.post('/staff/discovery/run', requireInternal, jsonBody(runBody), async (c) =>
  c.json({ runs: await startRuns(c.var.db, c.env, c.req.valid('json').icpId) }, 202),
);

prospectRoutes.post('/staff/icps', requireInternal, jsonBody(icpBody), async (c) =>
  c.json(await createIcp(c.var.db, c.req.valid('json') as IcpInput, c.var.session.accountEmail), 201),
);

prospectRoutes.put('/staff/icps/:id', requireInternal, jsonBody(icpBody), async (c) => {
  const id = c.req.param('id');
  if (!isUuid(id)) throw new AppError('icp_not_found');
  return c.json(await updateIcp(c.var.db, id, c.req.valid('json') as IcpInput));
});

const PROFILE_RULE: Bilingual = [
  `Describe what you sell and to whom (20 to ${PROFILE_MAX_CHARS.toLocaleString('en-CA')} characters).`,
  `Décrivez ce que vous vendez et à qui (20 à ${PROFILE_MAX_CHARS.toLocaleString('fr-CA')} caractères).`,
];
const profileBody = fields(
  {
    text: v.pipe(
      v.string(localized(...PROFILE_RULE)),
      v.trim(),
      v.minLength(20, localized(...PROFILE_RULE)),
      v.maxLength(PROFILE_MAX_CHARS, localized(...PROFILE_RULE)),
    ),
  },
  { text: PROFILE_RULE },
);

prospectRoutes.get('/staff/profile', requireInternal, async (c) => c.json(await readProfile(c.var.db)));

prospectRoutes.put('/staff/profile', requireInternal, jsonBody(profileBody), async (c) =>
  c.json(await saveProfile(c.var.db, embedderFromEnv(c.env), c.req.valid('json').text)),
);
