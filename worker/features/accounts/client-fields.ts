import * as v from 'valibot';
import { isText, isVisible } from '../../../schema/lead-form';
import { EMAIL_TONES, LANGUAGES } from '../../../schema/vocabulary';
import { localized } from '../../platform/http/validate';

/**
 * The rules for a client's editable settings, shared by client creation (`client:create`,
 * POST /api/app/clients) and the dashboard's settings, so both accept the same values.
 * Messages follow the `lang` the value is parsed with: the dashboard passes the browser's,
 * the command line none (English, the wording it has always printed). Every value goes out
 * again: the business name in mail headers (From, Subject), the booking link in every reply
 * and in the public widget config. So each has a maximum (README "The dashboard API") and
 * the text rule of every edge (schema/lead-form.ts `isText`), one line where mail needs it.
 */

/** The most characters a URL field keeps (booking link, each allowed origin as typed). */
export const MAX_URL_LENGTH = 2_000;
/** The most allowed origins a client lists. */
export const MAX_ALLOWED_ORIGINS = 50;

const NAME_RULE = localized(
  'business name is required (1 to 200 characters)',
  "le nom de l'entreprise est requis (1 à 200 caractères)",
);
const NAME_ONE_LINE = localized(
  'business name must be on one line, without control characters',
  "le nom de l'entreprise doit tenir sur une ligne, sans caractères de contrôle",
);
export const businessName = v.pipe(
  v.string(NAME_RULE),
  v.trim(),
  v.check((value) => isText(value, true), NAME_ONE_LINE),
  // Zero-width characters alone are no name a reader of the mail could see.
  v.check(isVisible, NAME_RULE),
  v.maxLength(200, NAME_RULE),
);

export const clientLanguage = v.picklist(
  LANGUAGES,
  localized('language must be en or fr', 'la langue doit être en ou fr'),
);

export const emailTone = v.picklist(
  EMAIL_TONES,
  localized(
    `email tone must be one of ${EMAIL_TONES.join(', ')}`,
    `le ton doit être l'un de ${EMAIL_TONES.join(', ')}`,
  ),
);

const BOOKING_RULE = localized(
  'booking link must be a URL starting with http:// or https://, without spaces',
  'le lien de réservation doit être une URL commençant par http:// ou https://, sans espaces',
);
const BOOKING_LENGTH = localized(
  `booking link must be at most ${MAX_URL_LENGTH} characters`,
  `le lien de réservation doit compter au plus ${MAX_URL_LENGTH} caractères`,
);
/**
 * A link every reply carries. No whitespace or control character inside: the URL parser
 * would drop a line break silently, and the stored link would not be the one followed.
 */
export const bookingLink = v.pipe(
  v.string(BOOKING_RULE),
  v.trim(),
  v.maxLength(MAX_URL_LENGTH, BOOKING_LENGTH),
  v.check((value) => isText(value) && !/\s/.test(value), BOOKING_RULE),
  v.url(BOOKING_RULE),
  v.regex(/^https?:/, BOOKING_RULE),
);

const ORIGIN_RULE = localized(
  'each allowed origin must be a URL (https://example.ca)',
  'chaque origine autorisée doit être une URL (https://exemple.ca)',
);
/**
 * A site allowed to post leads, reduced to its origin. Only http(s): any other scheme
 * reduces to the origin "null", which is what sandboxed iframes and file:// pages send.
 */
export const allowedOrigin = v.pipe(
  v.string(ORIGIN_RULE),
  v.maxLength(MAX_URL_LENGTH, ORIGIN_RULE),
  v.check((value) => isText(value, true), ORIGIN_RULE),
  v.url(ORIGIN_RULE),
  v.regex(/^https?:\/\//i, ORIGIN_RULE),
  v.transform((value) => new URL(value).origin),
);
export const allowedOrigins = v.pipe(
  v.array(
    allowedOrigin,
    localized('allowed origins must be a list of URLs', 'les origines autorisées doivent être une liste d’URL'),
  ),
  v.maxLength(
    MAX_ALLOWED_ORIGINS,
    localized(`list at most ${MAX_ALLOWED_ORIGINS} origins`, `indiquez au plus ${MAX_ALLOWED_ORIGINS} origines`),
  ),
);
