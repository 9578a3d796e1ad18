import * as v from 'valibot';
import { EMAIL_TONES, LANGUAGES } from '../../../schema/vocabulary';
import { localized } from '../../platform/http/validate';

/**
 * The rules for a client's editable settings, shared by client creation (`client:create`,
 * POST /api/app/clients) and the dashboard's settings, so both accept the same values.
 * Messages follow the `lang` the value is parsed with: the dashboard passes the browser's,
 * the command line none (English, the wording it has always printed).
 */

const say = localized;

const NAME_RULE = say(
  'business name is required (1 to 200 characters)',
  "le nom de l'entreprise est requis (1 à 200 caractères)",
);
export const businessName = v.pipe(
  v.string(NAME_RULE),
  v.trim(),
  v.minLength(1, NAME_RULE),
  v.maxLength(200, NAME_RULE),
);

export const clientLanguage = v.picklist(LANGUAGES, say('language must be en or fr', 'la langue doit être en ou fr'));

export const emailTone = v.picklist(
  EMAIL_TONES,
  say(`email tone must be one of ${EMAIL_TONES.join(', ')}`, `le ton doit être l'un de ${EMAIL_TONES.join(', ')}`),
);

const BOOKING_RULE = say(
  'booking link must be a URL starting with http:// or https://',
  'le lien de réservation doit être une URL commençant par http:// ou https://',
);
export const bookingLink = v.pipe(v.string(BOOKING_RULE), v.url(BOOKING_RULE), v.regex(/^https?:/, BOOKING_RULE));

const ORIGIN_RULE = say(
  'each allowed origin must be a URL (https://example.ca)',
  'chaque origine autorisée doit être une URL (https://exemple.ca)',
);
/**
 * A site allowed to post leads, reduced to its origin. Only http(s): any other scheme
 * reduces to the origin "null", which is what sandboxed iframes and file:// pages send.
 */
export const allowedOrigin = v.pipe(
  v.string(ORIGIN_RULE),
  v.url(ORIGIN_RULE),
  v.regex(/^https?:\/\//i, ORIGIN_RULE),
  v.transform((value) => new URL(value).origin),
);
export const allowedOrigins = v.array(
  allowedOrigin,
  say('allowed origins must be a list of URLs', 'les origines autorisées doivent être une liste d’URL'),
);
