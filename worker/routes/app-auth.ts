import { type Context, Hono } from 'hono';
import * as v from 'valibot';
import { clientSettings } from '../domain/client-settings';
import { parseIpAddress } from '../domain/ip-address';
import type { AppEnv } from '../env';
import { AppError } from '../errors';
import { csrfProtection } from '../middleware/csrf';
import { clearSessionCookie, requireInternal, requireSession, setSessionCookie } from '../middleware/session';
import { anyObject, type Bilingual, fields, jsonBody, localized, query, requestLanguage } from '../middleware/validate';
import { accountView } from '../services/account-view';
import { parseNewClient } from '../services/clients';
import { changePassword, type RequestOrigin, signIn, signOut, tooManyAttempts } from '../services/sessions';
import { createClientAsStaff, listClients, switchBack, switchClient } from '../services/staff';

/**
 * The dashboard's accounts under /api/app: sign-in and sign-out, the signed-in account,
 * password change, and what internal accounts do across clients.
 *
 * The middleware below is registered for /api/app/*, so it also guards the dashboard
 * routes mounted after this app: CSRF on every mutation, then the session wall (with the
 * one-time password gate). Mount this before the public /api app, whose CORS headers and
 * preflight answers are for the widget, not the dashboard.
 */
export const appAuth = new Hono<AppEnv>();

appAuth.use('*', async (c, next) => {
  await next();
  // Answers about a signed-in account are never to be kept by a browser or a proxy.
  c.header('Cache-Control', 'no-store');
  // Both throttled password checks (sign-in, password change) answer with when to retry.
  if (c.error instanceof AppError && c.error.code === 'too_many_attempts') {
    c.header('Retry-After', String(c.error.details?.retryAfterSeconds));
  }
});
appAuth.use('*', csrfProtection, requireSession);

const requestOrigin = (c: Context<AppEnv>): RequestOrigin => ({
  ip: parseIpAddress(c.req.header('CF-Connecting-IP')),
  userAgent: c.req.header('User-Agent')?.slice(0, 500) ?? null,
  now: new Date(),
});

const EMAIL_REQUIRED: Bilingual = ['Enter your email address.', 'Entrez votre adresse courriel.'];
const PASSWORD_REQUIRED: Bilingual = ['Enter your password.', 'Entrez votre mot de passe.'];
const CURRENT_PASSWORD_REQUIRED: Bilingual = ['Enter your current password.', 'Entrez votre mot de passe actuel.'];
const NEW_PASSWORD_REQUIRED: Bilingual = ['Enter a new password.', 'Entrez un nouveau mot de passe.'];
const CLIENT_REQUIRED: Bilingual = ['Choose a client.', 'Choisissez un client.'];

/** A non-empty string, capped so a huge body cannot make PBKDF2 work for nothing. */
const requiredText = (message: Bilingual, maxLength: number) =>
  v.pipe(v.string(localized(...message)), v.minLength(1, localized(...message)), v.maxLength(maxLength));

const signInBody = fields(
  {
    email: v.pipe(
      v.string(localized(...EMAIL_REQUIRED)),
      v.trim(),
      v.minLength(1, localized(...EMAIL_REQUIRED)),
      v.maxLength(254),
    ),
    password: requiredText(PASSWORD_REQUIRED, 1_000),
  },
  { email: EMAIL_REQUIRED, password: PASSWORD_REQUIRED },
);

appAuth.post('/session', jsonBody(signInBody), async (c) => {
  const result = await signIn(c.var.db, c.req.valid('json'), requestOrigin(c));
  if (!result.ok) {
    if (result.reason === 'throttled') throw tooManyAttempts(result.retryAfterSeconds);
    // One answer for an unknown email and a wrong password.
    throw new AppError(401, 'invalid_credentials', 'The email or password is incorrect.');
  }
  setSessionCookie(c, result.token);
  return c.json({ client: clientSettings(result.account), mustChangePassword: result.account.mustChangePassword });
});

appAuth.delete('/session', async (c) => {
  await signOut(c.var.db, c.var.session.id);
  clearSessionCookie(c);
  return c.body(null, 204);
});

appAuth.get('/me', async (c) => c.json(await accountView(c.var.db, c.var.session)));

const passwordBody = fields(
  {
    currentPassword: requiredText(CURRENT_PASSWORD_REQUIRED, 1_000),
    // Length and the other rules are checked by the service (domain/new-password.ts), with
    // the account's email at hand; this cap only bounds the work.
    newPassword: v.pipe(
      v.string(localized(...NEW_PASSWORD_REQUIRED)),
      v.maxLength(1_000, localized('Use at most 200 characters.', 'Utilisez au plus 200 caractères.')),
    ),
  },
  { currentPassword: CURRENT_PASSWORD_REQUIRED, newPassword: NEW_PASSWORD_REQUIRED },
);

appAuth.post('/password', jsonBody(passwordBody), async (c) => {
  await changePassword(c.var.db, c.var.session, c.req.valid('json'), requestOrigin(c), requestLanguage(c));
  return c.body(null, 204);
});

const switchBody = fields(
  {
    clientId: v.pipe(
      v.string(localized(...CLIENT_REQUIRED)),
      v.uuid(localized('This is not a client id.', "Ce n'est pas un identifiant de client.")),
    ),
  },
  { clientId: CLIENT_REQUIRED },
);

appAuth.post('/switch', requireInternal, jsonBody(switchBody), async (c) => {
  const target = await switchClient(c.var.db, c.var.session, c.req.valid('json').clientId, requestOrigin(c).ip);
  return c.json({ actingAs: target });
});

appAuth.delete('/switch', requireInternal, async (c) => {
  await switchBack(c.var.db, c.var.session, requestOrigin(c).ip);
  return c.body(null, 204);
});

const SEARCH_RULE: Bilingual = ['Search with at most 200 characters.', 'Cherchez avec au plus 200 caractères.'];
const clientSearch = v.object({
  // A repeated ?q= arrives as an array: refused like an overlong one.
  q: v.optional(v.pipe(v.string(localized(...SEARCH_RULE)), v.maxLength(200, localized(...SEARCH_RULE)))),
});

appAuth.get('/clients', requireInternal, query(clientSearch), async (c) =>
  c.json(await listClients(c.var.db, c.var.session, { q: c.req.valid('query').q })),
);

// The body is checked by parseNewClient, the same rules as `npm run client:create`.
appAuth.post('/clients', requireInternal, jsonBody(anyObject), async (c) => {
  const newClient = parseNewClient(c.req.valid('json'));
  const created = await createClientAsStaff(c.var.db, c.var.session, newClient, requestOrigin(c).ip);
  return c.json({ client: clientSettings(created.client), oneTimePassword: created.oneTimePassword }, 201);
});
