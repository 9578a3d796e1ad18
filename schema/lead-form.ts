/**
 * The contact form's rules, shared by the widget (checks before sending) and the Worker
 * (checks what arrives), so the two can never disagree. Plain functions, no dependency: this
 * module ships inside the widget, whose size is budgeted (README "Benchmarks"). So the rules
 * only hostile or broken input can break (`checkReceivedLead`) are the Worker's alone and
 * left out of the bundle; the widget words their issues like its own (`leadErrorMessage`).
 */
import type { Language } from './vocabulary';

/** Largest request body the intake reads. */
export const MAX_BODY_BYTES = 32 * 1024;

/** A form filled faster than this is a bot (humans need seconds to type a message). */
export const MIN_FILL_MS = 2_500;

/** In characters (UTF-16 code units) after trimming; README "The intake API" lists them. */
export const FIELD_LIMITS = { name: 120, email: 254, phone: 40, message: 5_000 } as const;

export type LeadField = 'name' | 'email' | 'phone' | 'message' | 'consent';
type TextField = Exclude<LeadField, 'consent'>;
export type LeadIssue =
  | 'required'
  | 'too_long'
  | 'invalid_email'
  | 'email_not_ascii'
  | 'invalid_phone'
  | 'consent_required'
  | 'not_text';
export type LeadErrors = Partial<Record<LeadField, LeadIssue>>;

/** What a visitor typed, as the widget sends it (the Worker trusts none of it). */
export interface LeadFields {
  name: string;
  email: string;
  phone?: string;
  message: string;
  consent?: boolean;
}

// What no text may hold, wherever it comes in: control characters other than tab and line
// breaks (NUL among them, which Postgres text cannot store), and a lone UTF-16 surrogate, half
// of a character with no UTF-8 form, which Postgres refuses too. No one types either.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point.
const CONTROL = /[\0-\b\v\f\x0e-\x1f\x7f\p{Cs}]/u;

/**
 * The text rule of every edge (the form's fields, the dashboard's bodies and query strings,
 * stored headers): a string the database can store and mail can carry. A single-line value
 * (a name, an address, a URL) has no line break either: in a mail header, one would end it.
 */
export const isText = (value: string, singleLine?: boolean): boolean =>
  !CONTROL.test(value) && !(singleLine && /[\n\r]/.test(value));

/**
 * `value` with what the text rule refuses replaced by U+FFFD, for text no one can correct
 * (a header a browser sent): repaired rather than refused, like any UTF-8 decoder does.
 */
export const repairText = (value: string) => value.replace(new RegExp(CONTROL, 'gu'), '\uFFFD');

/** Trims and normalises to NFC (é typed as e + accent equals é). */
export function cleanText(value: string): string {
  return value.normalize('NFC').trim();
}

// The widget's quick check of an address's shape: one @, no spaces, a dot in the domain.
// `mailAddress` (the Worker's) decides whether mail can carry it.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
// Digits with the usual separators, 7 to 20 digits in all (e.g. +1 514-555-0199 poste 12).
const PHONE = /^[+()\d\s.\-/]*(?:(?:ext|x|poste|#)\.?\s*\d{1,6})?$/i;

/** Checks the fields; returns the first problem of each field, empty when all is well. */
export function checkLeadFields(fields: Record<string, unknown>, options: { requireConsent: boolean }): LeadErrors {
  const errors: LeadErrors = {};
  const text = (field: TextField, required: boolean) => {
    const raw = fields[field];
    if (raw == null || raw === '') {
      if (required) errors[field] = 'required';
      return '';
    }
    if (typeof raw !== 'string' || !isText(raw)) {
      errors[field] = 'not_text';
      return '';
    }
    const value = cleanText(raw);
    if (required && !value) errors[field] = 'required';
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

// The address syntax mail can carry (README "The intake API"): before the @, an RFC 5322
// dot-atom of ASCII letters, digits and ! # $ % & ' * + - / = ? ^ _ ` { | } ~; after it, a
// domain of letters of any script, digits and hyphens, sent as punycode.
const LOCAL_PART = /^[\w!#$%&'*+/=?^`{|}~-]+(\.[\w!#$%&'*+/=?^`{|}~-]+)*$/;
const UNICODE_DOMAIN = /^[\p{L}\p{M}\p{N}.-]+$/u;
// Labels of 1 to 63 letters, digits and inner hyphens; a last label that starts with a letter
// (an IP address is no mail domain), punycode's xn-- included.
const ASCII_DOMAIN = /^([a-z\d]([a-z\d-]{0,61}[a-z\d])?\.)+[a-z][a-z\d-]{0,61}[a-z\d]$/;

/**
 * A domain in the ASCII form mail headers need, or null when it is no domain. IDNA by the
 * WHATWG URL parser that browsers and Workers have: `québec.ca` → `xn--qubec-csa.ca`.
 */
export function asciiDomain(domain: string): string | null {
  // Only letters, digits, hyphens and dots go in: the URL parser would read `/?#@:%` as URL
  // syntax, and silently drop zero-width characters the visitor would never see.
  if (!UNICODE_DOMAIN.test(domain)) return null;
  let host: string;
  try {
    host = new URL(`http://${domain}`).hostname;
  } catch {
    return null;
  }
  return host.length <= 253 && ASCII_DOMAIN.test(host) ? host : null;
}

/**
 * The address as mail headers carry it (its domain in ASCII), or null when mail cannot carry
 * it: one @, a local part of at most 64 ASCII characters, 254 characters in all.
 */
export function mailAddress(email: string): string | null {
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  const domain = asciiDomain(email.slice(at + 1));
  const address = `${local}@${domain}`;
  return at > 0 && domain && local.length <= 64 && LOCAL_PART.test(local) && address.length <= 254 ? address : null;
}

/**
 * What keeps mail from carrying `email`, or null. Letters beyond ASCII before the @ would
 * need SMTPUTF8, which Avenir does not send: their owner is asked for another address.
 */
export function emailIssue(email: string): 'invalid_email' | 'email_not_ascii' | null {
  if (mailAddress(email)) return null;
  // Would it do with plain letters before the @? Then those letters are the only problem.
  const at = email.lastIndexOf('@');
  const asciiLocal = email.slice(0, at).replace(/[^\0-\x7f]/g, 'a');
  return at > 0 && mailAddress(asciiLocal + email.slice(at)) ? 'email_not_ascii' : 'invalid_email';
}

// Something a reader can see: not spaces, format characters (zero-width ones), marks with
// nothing to sit on, nor the Hangul fillers that render as blanks.
const VISIBLE = /[^\s\p{C}\p{Z}\p{M}\u115f\u1160\u3164\uffa0]/u;

/** Whether any character of `value` can be seen: what "required" means. */
export const isVisible = (value: string) => VISIBLE.test(value);

/**
 * What the Worker checks of a lead that arrives: the form's rules, then those a person at
 * the form cannot break (its inputs hold one line, a paste of zero-width characters is
 * rare) but a script can: a line break in a one-line field, a required field with nothing
 * visible in it, an address mail cannot carry.
 */
export function checkReceivedLead(fields: Record<string, unknown>, options: { requireConsent: boolean }): LeadErrors {
  const errors = checkLeadFields(fields, options);
  for (const field of ['name', 'email', 'phone', 'message'] as const) {
    const value = fields[field];
    if (errors[field] || typeof value !== 'string') continue;
    if (field !== 'message' && !isText(value, true)) errors[field] = 'not_text';
    else if ((field === 'name' || field === 'message') && !isVisible(value)) errors[field] = 'required';
    else if (field === 'email') {
      const issue = emailIssue(cleanText(value));
      if (issue) errors.email = issue;
    }
  }
  return errors;
}

/** Each required field says what it needs when missing (phone is optional); consent has its own issue. */
type Messages = Record<Exclude<LeadIssue, 'required'>, string> &
  Record<`${Exclude<TextField, 'phone'>}_required`, string>;

const MESSAGES: Record<Language, Messages> = {
  en: {
    name_required: 'Please enter your name.',
    email_required: 'Please enter your email address.',
    message_required: 'Please write a message.',
    consent_required: 'Please check the box to send your message.',
    too_long: 'This is too long.',
    invalid_email: 'This email address does not look right.',
    email_not_ascii: 'Please use an address without accents before the @.',
    invalid_phone: 'This phone number does not look right.',
    not_text: 'This value is not valid.',
  },
  fr: {
    name_required: 'Veuillez entrer votre nom.',
    email_required: 'Veuillez entrer votre adresse courriel.',
    message_required: 'Veuillez écrire un message.',
    consent_required: 'Veuillez cocher la case pour envoyer votre message.',
    too_long: 'Ce texte est trop long.',
    invalid_email: 'Cette adresse courriel ne semble pas valide.',
    email_not_ascii: 'Veuillez utiliser une adresse sans accents avant le @.',
    invalid_phone: 'Ce numéro de téléphone ne semble pas valide.',
    not_text: 'Cette valeur n’est pas valide.',
  },
};

/** The sentence a visitor reads for a problem, in their language. */
export function leadErrorMessage(language: Language, field: LeadField, issue: LeadIssue): string {
  const messages = MESSAGES[language];
  if (issue !== 'required') return messages[issue];
  // Consent has its own sentence; the phone is optional, so never required.
  return field === 'consent' || field === 'phone' ? messages.consent_required : messages[`${field}_required`];
}
