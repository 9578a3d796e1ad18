import type { Context } from 'hono';
import { validator } from 'hono/validator';
import * as v from 'valibot';
import type { Language } from '../../schema/vocabulary';
import { preferredLanguage } from '../domain/submission';
import { AppError } from '../errors';

/**
 * Body validation at the edge of a route, with one answer for every invalid body: 422
 * `invalid_request`, the first message, and each field's messages in `details.fields`, in
 * the language the browser asks for. A raw valibot result never reaches a client.
 */

/** The language of the request's Accept-Language, English when it names neither. */
export const requestLanguage = (c: Context): Language => preferredLanguage(c.req.header('Accept-Language')) ?? 'en';

/** A valibot message in both languages, picked by the `lang` the body was parsed with. */
export const localized =
  (en: string, fr: string) =>
  (issue: v.BaseIssue<unknown>): string =>
    issue.lang === 'fr' ? fr : en;

/** A message in English and in French. */
export type Bilingual = readonly [en: string, fr: string];

const NOT_AN_OBJECT: Bilingual = ['Send the fields as a JSON object.', 'Envoyez les champs dans un objet JSON.'];

/**
 * `v.object` whose missing fields each get their own message: valibot reports a missing
 * key with the object's message, not the field's, so the object's message looks it up.
 */
export function fields<TEntries extends v.ObjectEntries>(
  entries: TEntries,
  whenMissing: Record<keyof TEntries & string, Bilingual>,
) {
  const messages: Record<string, Bilingual> = whenMissing;
  return v.object(entries, (issue) => {
    const key = issue.path?.[0]?.key;
    const [en, fr] = (typeof key === 'string' ? messages[key] : undefined) ?? NOT_AN_OBJECT;
    return issue.lang === 'fr' ? fr : en;
  });
}

/** Any JSON object, for bodies a service validates itself (parseNewClient). */
export const anyObject = v.looseObject({}, localized(...NOT_AN_OBJECT));

/** The 422 answer for a value `schema` refused: the first message, and each field's. */
function invalidRequest<TSchema extends v.GenericSchema>(issues: [v.InferIssue<TSchema>, ...v.InferIssue<TSchema>[]]) {
  const flat = v.flatten<TSchema>(issues);
  return new AppError(422, 'invalid_request', issues[0].message, {
    fields: flat.nested ?? {},
    ...(flat.root ? { root: flat.root } : {}),
  });
}

/** Validates the JSON body against `schema`; the handler reads it with `c.req.valid('json')`. */
export const jsonBody = <TSchema extends v.GenericSchema>(schema: TSchema) =>
  validator('json', (value, c): v.InferOutput<TSchema> => {
    const parsed = v.safeParse(schema, value, { lang: requestLanguage(c) });
    if (parsed.success) return parsed.output;
    throw invalidRequest<TSchema>(parsed.issues);
  });

/**
 * Validates the query string against `schema`, with the same 422 answer as bodies; the
 * handler reads it with `c.req.valid('query')`. A repeated parameter arrives as an array,
 * which a string schema refuses.
 */
export const query = <TSchema extends v.GenericSchema>(schema: TSchema) =>
  validator('query', (value, c): v.InferOutput<TSchema> => {
    const parsed = v.safeParse(schema, value, { lang: requestLanguage(c) });
    if (parsed.success) return parsed.output;
    throw invalidRequest<TSchema>(parsed.issues);
  });
