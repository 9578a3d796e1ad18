import { type Context, Hono } from 'hono';
import * as v from 'valibot';
import { mailAddress } from '../../../schema/lead-form';
import type { AppEnv } from '../../platform/env';
import { AppError } from '../../platform/errors';
import { requestLanguage } from '../../platform/http/request-meta';
import { type Bilingual, fields, jsonBody, localized } from '../../platform/http/validate';
import { accountView } from './account-view';
import { clientLanguage } from './client-fields';
import { clientSettings } from './client-settings';
import { mailPasswordReset, requestPasswordReset, resetPassword, tooManyResetRequests } from './password-reset';
import { clearSessionCookie, setSessionCookie } from './session-wall';
import { changePassword, type RequestOrigin, signIn, signOut, tooManyAttempts } from './sessions';

/**
 * The dashboard's own account under /api/app: sign-in and sign-out, the signed-in
 * account, password change, and the "forgot password" link. Behind the dashboard guard
 * (CSRF, then the session wall, which lets POST /session and the two reset routes through).
 */
export const accountRoutes = new Hono<AppEnv>();

export const requestOrigin = (c: Context<AppEnv>): RequestOrigin => ({ ...c.var.meta, now: new Date() });

const EMAIL_REQUIRED: Bilingual = ['Enter your email address.', 'Entrez votre adresse courriel.'];
const PASSWORD_REQUIRED: Bilingual = ['Enter your password.', 'Entrez votre mot de passe.'];
const CURRENT_PASSWORD_REQUIRED: Bilingual = ['Enter your current password.', 'Entrez votre mot de passe actuel.'];
const NEW_PASSWORD_REQUIRED: Bilingual = ['Enter a new password.', 'Entrez un nouveau mot de passe.'];

/** A non-empty string, capped so a huge body cannot make PBKDF2 work for nothing. */
const requiredText = (message: Bilingual, maxLength: number) =>
  v.pipe(
    v.string(localized(...message)),
    v.minLength(1, localized(...message)),
    v.maxLength(
      maxLength,
      localized(`Use at most ${maxLength} characters.`, `Utilisez au plus ${maxLength} caractères.`),
    ),
  );

const signInBody = fields(
  {
    email: v.pipe(
      v.string(localized(...EMAIL_REQUIRED)),
      v.trim(),
      v.minLength(1, localized(...EMAIL_REQUIRED)),
      v.maxLength(254, localized(...EMAIL_REQUIRED)),
    ),
    password: requiredText(PASSWORD_REQUIRED, 1_000),
  },
  { email: EMAIL_REQUIRED, password: PASSWORD_REQUIRED },
);

accountRoutes.post('/session', jsonBody(signInBody), async (c) => {
  const result = await signIn(c.var.db, c.req.valid('json'), requestOrigin(c));
  if (!result.ok) {
    if (result.reason === 'throttled') throw tooManyAttempts(result.retryAfterSeconds);
    // One answer for an unknown email and a wrong password.
    throw new AppError('invalid_credentials');
  }
  setSessionCookie(c, result.token);
  return c.json({ client: clientSettings(result.account), mustChangePassword: result.account.mustChangePassword });
});

accountRoutes.delete('/session', async (c) => {
  await signOut(c.var.db, c.var.session.id);
  clearSessionCookie(c);
  return c.body(null, 204);
});

accountRoutes.get('/me', async (c) => c.json(await accountView(c.var.db, c.var.session)));

const passwordBody = fields(
  {
    currentPassword: requiredText(CURRENT_PASSWORD_REQUIRED, 1_000),
    // Length and the other rules are checked by the service (new-password.ts), with the
    // account's email at hand; this cap only bounds the work.
    newPassword: v.pipe(
      v.string(localized(...NEW_PASSWORD_REQUIRED)),
      v.maxLength(1_000, localized('Use at most 200 characters.', 'Utilisez au plus 200 caractères.')),
    ),
  },
  { currentPassword: CURRENT_PASSWORD_REQUIRED, newPassword: NEW_PASSWORD_REQUIRED },
);

accountRoutes.post('/password', jsonBody(passwordBody), async (c) => {
  await changePassword(c.var.db, c.var.session, c.req.valid('json'), requestOrigin(c), requestLanguage(c));
  return c.body(null, 204);
});

const VALID_EMAIL: Bilingual = ['Enter a valid email address.', 'Entrez une adresse courriel valide.'];

const forgotPasswordBody = fields(
  {
    // The address syntax accounts are created with (clients.ts), so a typo is caught here
    // rather than answered "check your inbox"; whether an account has it is never said.
    email: v.pipe(
      v.string(localized(...EMAIL_REQUIRED)),
      v.trim(),
      v.minLength(1, localized(...EMAIL_REQUIRED)),
      v.maxLength(254, localized(...VALID_EMAIL)),
      v.check((value) => mailAddress(value) !== null, localized(...VALID_EMAIL)),
    ),
    /** The screen's language: the mail's, over the account's own. */
    language: v.optional(clientLanguage),
  },
  { email: EMAIL_REQUIRED, language: ['Language must be en or fr.', 'La langue doit être en ou fr.'] },
);

/**
 * Asks for a reset link. The same 202 whether or not an account has the email, and the
 * same work before it: the mail is sent after the answer.
 */
accountRoutes.post('/session/forgot-password', jsonBody(forgotPasswordBody), async (c) => {
  const { email, language } = c.req.valid('json');
  const result = await requestPasswordReset(c.var.db, email, requestOrigin(c));
  if (!result.ok) {
    c.header('Retry-After', String(result.retryAfterSeconds));
    throw tooManyResetRequests(result.retryAfterSeconds);
  }
  if (result.reset) c.executionCtx.waitUntil(mailPasswordReset(c.env, result.reset, language));
  return c.json({ ok: true }, 202);
});

const LINK_INCOMPLETE: Bilingual = [
  'This link is incomplete. Open the link from the email again, or ask for a new one.',
  'Ce lien est incomplet. Ouvrez de nouveau le lien du courriel, ou demandez-en un nouveau.',
];

const resetPasswordBody = fields(
  {
    token: v.pipe(
      v.string(localized(...LINK_INCOMPLETE)),
      v.minLength(1, localized(...LINK_INCOMPLETE)),
      v.maxLength(200, localized(...LINK_INCOMPLETE)),
    ),
    // The rules are checked by the service (new-password.ts) with the account's email at
    // hand; this cap only bounds the work.
    password: v.pipe(
      v.string(localized(...NEW_PASSWORD_REQUIRED)),
      v.maxLength(1_000, localized('Use at most 200 characters.', 'Utilisez au plus 200 caractères.')),
    ),
  },
  { token: LINK_INCOMPLETE, password: NEW_PASSWORD_REQUIRED },
);

/** Sets a new password through a reset link, ends every other session, and signs in as sign-in does. */
accountRoutes.post('/session/reset-password', jsonBody(resetPasswordBody), async (c) => {
  const result = await resetPassword(c.var.db, c.req.valid('json'), requestOrigin(c), requestLanguage(c));
  setSessionCookie(c, result.token);
  return c.json({ client: clientSettings(result.account), mustChangePassword: false });
});
