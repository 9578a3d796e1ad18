import * as v from 'valibot';
import {
  checkReceivedLead,
  cleanText,
  isText,
  type LeadErrors,
  type LeadField,
  type LeadFields,
  type LeadIssue,
} from '../../../schema/lead-form';
import { LANGUAGES, type Language } from '../../../schema/vocabulary';

/** A submission that passed validation, with its fields cleaned. */
export interface LeadSubmission extends LeadFields {
  consent: boolean;
  language: Language;
  idempotencyKey: string | undefined;
  elapsedMs: number | undefined;
  honeypot: string | undefined;
  page: string | undefined;
  referrer: string | undefined;
  test: boolean;
}

/** Text under the one text rule (schema/lead-form.ts `isText`), at most `maxLength` characters. */
const plainText = (maxLength: number, singleLine: boolean) =>
  v.pipe(
    v.string(),
    v.maxLength(maxLength),
    v.check((value) => isText(value, singleLine)),
  );

/** Everything a submission carries beside the visitor's fields; unknown keys are ignored. */
const envelope = v.looseObject({
  language: v.optional(v.picklist(LANGUAGES)),
  idempotencyKey: v.optional(v.pipe(v.string(), v.minLength(8), v.maxLength(100), v.regex(/^[\w-]+$/))),
  elapsedMs: v.optional(v.pipe(v.number(), v.finite(), v.minValue(0))),
  // The hidden field a bot fills in: whatever it holds, only whether it is filled counts.
  website: v.optional(plainText(500, false)),
  page: v.optional(plainText(2_000, true)),
  referrer: v.optional(plainText(2_000, true)),
  test: v.optional(v.boolean()),
});

export type EnvelopeField = 'language' | 'idempotencyKey' | 'elapsedMs' | 'website' | 'page' | 'referrer' | 'test';
export type SubmissionErrors = LeadErrors & Partial<Record<EnvelopeField, LeadIssue>>;

export type ParsedSubmission =
  | { ok: true; submission: LeadSubmission }
  | { ok: false; errors: SubmissionErrors; language: Language };

/**
 * Validates a parsed JSON body with the rules the widget also applies. The visitor's
 * language decides the language of the error messages.
 */
export function parseSubmission(
  body: Record<string, unknown>,
  options: { requireConsent: boolean; fallbackLanguage: Language },
): ParsedSubmission {
  const language: Language =
    body.language === 'fr' || body.language === 'en' ? body.language : options.fallbackLanguage;
  const errors: SubmissionErrors = checkReceivedLead(body, { requireConsent: options.requireConsent });
  const parsed = v.safeParse(envelope, body);
  if (!parsed.success) {
    for (const issue of parsed.issues) {
      const key = issue.path?.[0]?.key;
      if (typeof key === 'string') errors[key as EnvelopeField] = 'not_text';
    }
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors, language };

  const meta = parsed.output;
  const text = (field: LeadField) => cleanText(body[field] as string);
  return {
    ok: true,
    submission: {
      name: text('name'),
      email: text('email'),
      phone: typeof body.phone === 'string' && cleanText(body.phone) ? text('phone') : undefined,
      message: text('message'),
      consent: body.consent === true,
      language,
      idempotencyKey: meta.idempotencyKey,
      elapsedMs: meta.elapsedMs,
      honeypot: meta.website,
      page: meta.page,
      referrer: meta.referrer,
      test: meta.test ?? false,
    },
  };
}
