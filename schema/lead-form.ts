/**
 * The contact form's rules, shared by the widget (checks before sending) and the Worker
 * (checks what arrives), so the two can never disagree. Plain functions, no dependency: this
 * module ships inside the widget, whose size is budgeted.
 */
import type { Language } from './vocabulary';

/** Largest request body the intake reads. */
export const MAX_BODY_BYTES = 32 * 1024;

/** A form filled faster than this is a bot (humans need seconds to type a message). */
export const MIN_FILL_MS = 2_500;

export const FIELD_LIMITS = { name: 120, email: 254, phone: 40, message: 5_000 } as const;

export type LeadField = 'name' | 'email' | 'phone' | 'message' | 'consent';
type TextField = Exclude<LeadField, 'consent'>;
export type LeadIssue = 'required' | 'too_long' | 'invalid_email' | 'invalid_phone' | 'consent_required' | 'not_text';
export type LeadErrors = Partial<Record<LeadField, LeadIssue>>;

/** What a visitor typed, as the widget sends it (the Worker trusts none of it). */
export interface LeadFields {
  name: string;
  email: string;
  phone?: string;
  message: string;
  consent?: boolean;
}

// Deliberately simple: one @, no spaces, a dot in the domain. The reply proves the rest.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
// Digits with the usual separators, 7 to 20 digits in all (e.g. +1 514-555-0199 poste 12).
const PHONE = /^[+()\d\s.\-/]*(?:(?:ext|x|poste|#)\.?\s*\d{1,6})?$/i;
// Control characters (null bytes included) other than tab and line breaks: no one types
// them into a form, and Postgres text cannot hold a null byte.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Whether a string holds characters no form field should (null bytes and the like). */
export const hasControlCharacters = (value: string) => CONTROL.test(value);

/** Trims and normalises to NFC (é typed as e + accent equals é). */
export function cleanText(value: string): string {
  return value.normalize('NFC').trim();
}

/** Checks the fields; returns the first problem of each field, empty when all is well. */
export function checkLeadFields(fields: Record<string, unknown>, options: { requireConsent: boolean }): LeadErrors {
  const errors: LeadErrors = {};
  const text = (field: TextField, required: boolean) => {
    const raw = fields[field];
    if (raw === undefined || raw === null || raw === '') {
      if (required) errors[field] = 'required';
      return '';
    }
    if (typeof raw !== 'string' || hasControlCharacters(raw)) {
      errors[field] = 'not_text';
      return '';
    }
    const value = cleanText(raw);
    if (!value && required) errors[field] = 'required';
    else if (value.length > FIELD_LIMITS[field]) errors[field] = 'too_long';
    return value;
  };
  text('name', true);
  const email = text('email', true);
  const phone = text('phone', false);
  text('message', true);
  if (email && !errors.email && !EMAIL.test(email)) errors.email = 'invalid_email';
  if (phone && !errors.phone) {
    const digits = phone.replace(/\D/g, '').length;
    if (!PHONE.test(phone) || digits < 7 || digits > 20) errors.phone = 'invalid_phone';
  }
  const consent = fields.consent;
  if (consent !== undefined && typeof consent !== 'boolean') errors.consent = 'not_text';
  else if (options.requireConsent && consent !== true) errors.consent = 'consent_required';
  return errors;
}

/** Each field says what it needs when missing; consent has its own issue, consent_required. */
type Messages = Record<Exclude<LeadIssue, 'required'>, string> & Record<`${TextField}_required`, string>;

const MESSAGES: Record<Language, Messages> = {
  en: {
    name_required: 'Please enter your name.',
    email_required: 'Please enter your email address.',
    phone_required: 'Please enter your phone number.',
    message_required: 'Please write a message.',
    consent_required: 'Please check the box to send your message.',
    too_long: 'This is too long.',
    invalid_email: 'This email address does not look right.',
    invalid_phone: 'This phone number does not look right.',
    not_text: 'This value is not valid.',
  },
  fr: {
    name_required: 'Veuillez entrer votre nom.',
    email_required: 'Veuillez entrer votre adresse courriel.',
    phone_required: 'Veuillez entrer votre numéro de téléphone.',
    message_required: 'Veuillez écrire un message.',
    consent_required: 'Veuillez cocher la case pour envoyer votre message.',
    too_long: 'Ce texte est trop long.',
    invalid_email: 'Cette adresse courriel ne semble pas valide.',
    invalid_phone: 'Ce numéro de téléphone ne semble pas valide.',
    not_text: 'Cette valeur n’est pas valide.',
  },
};

/** The sentence a visitor reads for a problem, in their language. */
export function leadErrorMessage(language: Language, field: LeadField, issue: LeadIssue): string {
  const messages = MESSAGES[language];
  if (issue !== 'required') return messages[issue];
  return field === 'consent' ? messages.consent_required : messages[`${field}_required`];
}
