import { type Context, Hono } from 'hono';
import * as v from 'valibot';
import type { AppEnv } from '../../platform/env';
import { AppError } from '../../platform/errors';
import { requestLanguage } from '../../platform/http/request-meta';
import { type Bilingual, fields, jsonBody, localized } from '../../platform/http/validate';
import { accountView } from './account-view';
import { clientSettings } from './client-settings';
import { clearSessionCookie, setSessionCookie } from './session-wall';
import { changePassword, type RequestOrigin, signIn, signOut, tooManyAttempts } from './sessions';

/**
 * The dashboard's own account under /api/app: sign-in and sign-out, the signed-in
 * account, password change. Behind the dashboard guard (CSRF, then the session wall,
 * which lets POST /session through).
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
