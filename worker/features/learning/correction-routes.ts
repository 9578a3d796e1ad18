import { Hono } from 'hono';
import * as v from 'valibot';
import { INTENT_KEYS, LANGUAGES, LEAD_TONES, URGENCIES } from '../../../schema/vocabulary';
import type { AppEnv } from '../../platform/env';
import { type Bilingual, jsonBody, localized } from '../../platform/http/validate';
import { isUuid } from '../../platform/identifiers';
import { correctLead, leadNotFound } from './corrections';

/**
 * The lead page's corrections under /api/app: behind the dashboard guard, in the tenant
 * transaction of the session's client (another client's lead is 404).
 */
export const correctionRoutes = new Hono<AppEnv>();

const choose = (values: readonly string[], en: string, fr: string): Bilingual => [
  `${en}: ${values.join(', ')}.`,
  `${fr} : ${values.join(', ')}.`,
];
const INTENT_RULE = choose(INTENT_KEYS, 'Choose an intent among', 'Choisissez une intention parmi');
const URGENCY_RULE = choose(URGENCIES, 'Choose an urgency among', 'Choisissez une urgence parmi');
const TONE_RULE = choose(LEAD_TONES, 'Choose a tone among', 'Choisissez un ton parmi');
const LANGUAGE_RULE = choose(LANGUAGES, 'Choose a language among', 'Choisissez une langue parmi');
const NOTHING: Bilingual = [
  'Correct at least one of intent, urgency, tone or language.',
  'Corrigez au moins l’intention, l’urgence, le ton ou la langue.',
];

const correctionBody = v.pipe(
  v.strictObject(
    {
      intent: v.optional(v.picklist(INTENT_KEYS, localized(...INTENT_RULE))),
      urgency: v.optional(v.picklist(URGENCIES, localized(...URGENCY_RULE))),
      tone: v.optional(v.picklist(LEAD_TONES, localized(...TONE_RULE))),
      language: v.optional(v.picklist(LANGUAGES, localized(...LANGUAGE_RULE))),
    },
    localized(...NOTHING),
  ),
  v.check((body) => Object.values(body).some((value) => value !== undefined), localized(...NOTHING)),
);

correctionRoutes.post('/leads/:id/correction', jsonBody(correctionBody), async (c) => {
  const leadId = c.req.param('id');
  if (!isUuid(leadId)) throw leadNotFound();
  const { session } = c.var;
  return c.json(await correctLead(c.var.db, session.clientId, session.accountEmail, leadId, c.req.valid('json')));
});
