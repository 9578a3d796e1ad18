import type { Language } from '../../../schema/vocabulary';

/**
 * The rules a new dashboard password must follow. Length over complexity (NIST SP 800-63B):
 * at least 10 characters, at most 200 so a pasted novel cannot make PBKDF2 work for nothing,
 * and never something an attacker already knows — the account's email, or the one-time
 * password that was shown on a screen or sent by mail.
 */

export const NEW_PASSWORD_MIN_LENGTH = 10;
export const NEW_PASSWORD_MAX_LENGTH = 200;

export type NewPasswordIssue = 'too_short' | 'too_long' | 'same_as_email' | 'same_as_one_time_password';

export interface NewPasswordContext {
  /** The account's email. */
  email: string;
  /** The one-time password being replaced, when the account is still on one. */
  oneTimePassword?: string | undefined;
}

// Hashing normalises to NFC (password.ts), so rules count and compare the same way.
const normalise = (text: string) => text.normalize('NFC');
const characters = (text: string) => [...normalise(text)].length;
const sameText = (a: string, b: string) => normalise(a).trim().toLowerCase() === normalise(b).trim().toLowerCase();

/** The first rule `password` breaks, or null when it may be used. */
export function checkNewPassword(password: string, context: NewPasswordContext): NewPasswordIssue | null {
  const length = characters(password);
  if (length < NEW_PASSWORD_MIN_LENGTH) return 'too_short';
  if (length > NEW_PASSWORD_MAX_LENGTH) return 'too_long';
  if (sameText(password, context.email)) return 'same_as_email';
  if (context.oneTimePassword !== undefined && normalise(password) === normalise(context.oneTimePassword)) {
    return 'same_as_one_time_password';
  }
  return null;
}

const MESSAGES: Record<Language, Record<NewPasswordIssue, string>> = {
  en: {
    too_short: `Use at least ${NEW_PASSWORD_MIN_LENGTH} characters.`,
    too_long: `Use at most ${NEW_PASSWORD_MAX_LENGTH} characters.`,
    same_as_email: 'Your password cannot be your email address.',
    same_as_one_time_password: 'Choose a new password, not the one-time password you received.',
  },
  fr: {
    too_short: `Utilisez au moins ${NEW_PASSWORD_MIN_LENGTH} caractères.`,
    too_long: `Utilisez au plus ${NEW_PASSWORD_MAX_LENGTH} caractères.`,
    same_as_email: 'Votre mot de passe ne peut pas être votre adresse courriel.',
    same_as_one_time_password: 'Choisissez un nouveau mot de passe, pas le mot de passe à usage unique reçu.',
  },
};

/** What to tell the person, in their language. */
export const newPasswordMessage = (issue: NewPasswordIssue, language: Language): string => MESSAGES[language][issue];
