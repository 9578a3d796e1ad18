import * as v from 'valibot';
import { DEFAULT_TIME_ZONE, timeZoneNamed } from '../local-time';
import { localized } from './validate';

/** A `tz` query parameter: the reader's time zone as the browser names it, canonical, America/Toronto by default. */

export const INVALID_TIME_ZONE = {
  en: 'Use a time zone name such as America/Toronto.',
  fr: 'Utilisez un nom de fuseau horaire comme America/Toronto.',
} as const;

const message = localized(INVALID_TIME_ZONE.en, INVALID_TIME_ZONE.fr);

export const timeZoneParam = v.optional(
  v.pipe(
    v.string(message),
    v.maxLength(100, message),
    v.check((name) => timeZoneNamed(name) !== null, message),
    v.transform((name) => timeZoneNamed(name)!),
  ),
  DEFAULT_TIME_ZONE,
);
