import { validator } from 'hono/validator';
import * as v from 'valibot';
import { isText } from '../../../schema/lead-form';
import { type Language, otherLanguage } from '../../../schema/vocabulary';
import { AppError, bilingual, type LocalizedText } from '../errors';
import { requestLanguage } from './request-meta';

/**
 * Body validation at the edge of a route, with one answer for every invalid body: 422
 * `invalid_request`, the first message, and each field's messages in `details.fields`, in
 * the language the browser asks for. A raw valibot result never reaches a client. Before any
 * schema, every string of the body or query string is held to the one text rule
 * (schema/lead-form.ts `isText`), so no route can hand the database text it cannot store.
 */

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

/**
 * The first message of a refusal in both languages: `issues` came from parsing `value` in
 * `language`; the other language's comes from parsing once more, on this failure path only.
 */
export function firstIssueText<TSchema extends v.GenericSchema>(
  schema: TSchema,
  value: unknown,
  issues: [v.InferIssue<TSchema>, ...v.InferIssue<TSchema>[]],
  language: Language,
): LocalizedText {
  const other = v.safeParse(schema, value, { lang: otherLanguage(language) });
  const otherMessage = other.success ? issues[0].message : other.issues[0].message;
  return { [language]: issues[0].message, [otherLanguage(language)]: otherMessage } as Record<Language, string>;
}

/**
 * The 422 answer for a value `schema` refused in `language`: the first message in both
 * languages, and each field's messages in the request's.
 */
function invalidRequest<TSchema extends v.GenericSchema>(
  schema: TSchema,
  value: unknown,
  issues: [v.InferIssue<TSchema>, ...v.InferIssue<TSchema>[]],
  language: Language,
) {
  const flat = v.flatten<TSchema>(issues);
  return new AppError('invalid_request', firstIssueText(schema, value, issues, language), {
    fields: flat.nested ?? {},
    ...(flat.root ? { root: flat.root } : {}),
  });
}

const NOT_TEXT = bilingual(
  'This contains a character that cannot be saved (a control character, or half of an emoji). Remove it and try again.',
  'Ce texte contient un caractère qui ne peut pas être enregistré (un caractère de contrôle, ou une moitié d’émoji). Retirez-le et réessayez.',
);

/**
 * The paths (`tags.0`, `note`; "" for the value itself) of the strings in `value` the text
 * rule refuses. Iterative, so a deeply nested body cannot exhaust the stack; keys are not
 * read, since no schema lets an unknown key through to the database.
 */
function refusedStrings(value: unknown): string[] {
  const refused: string[] = [];
  const pending: [unknown, string][] = [[value, '']];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, path] = next;
    if (typeof item === 'string') {
      if (!isText(item)) refused.push(path);
    } else if (typeof item === 'object' && item !== null) {
      for (const [key, child] of Object.entries(item)) pending.push([child, path ? `${path}.${key}` : key]);
    }
  }
  return refused;
}

/** The 422 naming each field whose text the database could not store, or null when there is none. */
function unstorableText(value: unknown, language: Language): AppError | null {
  const paths = refusedStrings(value);
  if (paths.length === 0) return null;
  const message = [NOT_TEXT[language]];
  const fields = Object.fromEntries(paths.filter((path) => path !== '').map((path) => [path, message]));
  return new AppError('invalid_request', NOT_TEXT, { fields, ...(paths.includes('') ? { root: message } : {}) });
}

function validated<TSchema extends v.GenericSchema>(schema: TSchema, value: unknown, language: Language) {
  const refused = unstorableText(value, language);
  if (refused) throw refused;
  const parsed = v.safeParse(schema, value, { lang: language });
  if (parsed.success) return parsed.output;
  throw invalidRequest(schema, value, parsed.issues, language);
}

/** Validates the JSON body against `schema`; the handler reads it with `c.req.valid('json')`. */
export const jsonBody = <TSchema extends v.GenericSchema>(schema: TSchema) =>
  validator('json', (value, c): v.InferOutput<TSchema> => validated(schema, value, requestLanguage(c)));

/**
 * Validates the query string against `schema`, with the same 422 answer as bodies; the
 * handler reads it with `c.req.valid('query')`. A repeated parameter arrives as an array,
 * which a string schema refuses.
 */
export const query = <TSchema extends v.GenericSchema>(schema: TSchema) =>
  validator('query', (value, c): v.InferOutput<TSchema> => validated(schema, value, requestLanguage(c)));
