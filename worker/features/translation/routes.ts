import { Hono } from 'hono';
import * as v from 'valibot';
import { TRANSLATION_SORTS } from '../../../schema/translation-api';
import { LANGUAGES, otherLanguage } from '../../../schema/vocabulary';
import type { AppEnv } from '../../platform/env';
import { AppError } from '../../platform/errors';
import { jsonBody, localized, query } from '../../platform/http/validate';
import { isUuid } from '../../platform/identifiers';
import { requireInternal } from '../accounts';
import { correctTranslation, promoteTranslation, reviewTranslations, searchDictionary } from './review';

/**
 * The staff's translation review under /api/app, internal accounts only: cached
 * translations by use or quality, a correction or a verification, a promotion to the
 * dictionary, and the dictionary's fuzzy search.
 */
export const translationRoutes = new Hono<AppEnv>();

const SEARCH_RULE = localized('Search with at most 200 characters.', 'Cherchez avec au plus 200 caractères.');
const reviewQuery = v.object({
  sort: v.optional(
    v.picklist(TRANSLATION_SORTS, localized('Sort by use or quality.', 'Triez par usage ou par qualité.')),
    'use',
  ),
  q: v.optional(v.pipe(v.string(SEARCH_RULE), v.maxLength(200, SEARCH_RULE))),
});

const TERM_RULE = localized('Type a term of 1 to 100 characters.', 'Tapez un terme de 1 à 100 caractères.');
const dictionaryQuery = v.object({
  term: v.pipe(v.string(TERM_RULE), v.trim(), v.minLength(1, TERM_RULE), v.maxLength(100, TERM_RULE)),
  from: v.optional(v.picklist(LANGUAGES, localized('Choose en or fr.', 'Choisissez en ou fr.')), 'fr'),
});

const TEXT_RULE = localized(
  'Write the translation (1 to 2,000 characters).',
  'Écrivez la traduction (1 à 2 000 caractères).',
);
const correction = v.pipe(
  v.object(
    {
      translatedText: v.optional(
        v.pipe(v.string(TEXT_RULE), v.trim(), v.minLength(1, TEXT_RULE), v.maxLength(2_000, TEXT_RULE)),
      ),
      verified: v.optional(v.boolean(localized('Use true or false.', 'Utilisez true ou false.'))),
      qualityScore: v.optional(
        v.pipe(
          v.number(localized('Give a quality from 0 to 1.', 'Donnez une qualité de 0 à 1.')),
          v.minValue(0, localized('Give a quality from 0 to 1.', 'Donnez une qualité de 0 à 1.')),
          v.maxValue(1, localized('Give a quality from 0 to 1.', 'Donnez une qualité de 0 à 1.')),
        ),
      ),
    },
    localized('Send the change as a JSON object.', 'Envoyez la modification dans un objet JSON.'),
  ),
  v.check(
    (body) => Object.values(body).some((value) => value !== undefined),
    localized(
      'Say what changes: translatedText, verified or qualityScore.',
      'Dites ce qui change : translatedText, verified ou qualityScore.',
    ),
  ),
);

const translationId = (value: string) => {
  if (!isUuid(value)) throw new AppError('translation_not_found');
  return value;
};

translationRoutes.get('/staff/translations', requireInternal, query(reviewQuery), async (c) =>
  c.json(await reviewTranslations(c.var.db, c.req.valid('query'))),
);

translationRoutes.patch('/staff/translations/:id', requireInternal, jsonBody(correction), async (c) =>
  c.json(await correctTranslation(c.var.db, translationId(c.req.param('id')), c.req.valid('json'))),
);

translationRoutes.post('/staff/translations/:id/promote', requireInternal, async (c) =>
  c.json(await promoteTranslation(c.var.db, translationId(c.req.param('id'))), 201),
);

translationRoutes.get('/staff/dictionary', requireInternal, query(dictionaryQuery), async (c) => {
  const { term, from } = c.req.valid('query');
  return c.json({ matches: await searchDictionary(c.var.db, term, from, otherLanguage(from)) });
});
