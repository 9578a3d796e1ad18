import { eq, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { html } from 'hono/html';
import { clients } from '../../../schema';
import type { Language } from '../../../schema/vocabulary';
import type { AppEnv } from '../../platform/env';

/**
 * The Monday digest's "turn off" link, outside the dashboard: no sign-in, the link's token
 * (122 random bits, clients.digest_token) is the key. GET shows one button and changes
 * nothing, because mail scanners open every link they see; POST turns it off, from that
 * button or from the mail client's own one-click unsubscribe (RFC 8058: List-Unsubscribe-Post).
 */
export const digestRoutes = new Hono<AppEnv>();

// A page of its own: nothing cached, no referrer (the token is in the URL), nothing but its
// own inline style and its form posting to itself.
digestRoutes.use('/digest/*', async (c, next) => {
  await next();
  c.res.headers.set('Cache-Control', 'no-store');
  c.res.headers.set('Referrer-Policy', 'no-referrer');
  c.res.headers.set(
    'Content-Security-Policy',
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
  );
});

const WORDS = {
  en: {
    title: 'Monday digest',
    ask: (business: string) => `Stop the Monday digest of ${business}'s growth insights?`,
    button: 'Turn off the digest',
    done: 'The Monday digest is off. You can turn it back on at any time in Settings.',
    unknown: 'This link is no longer valid. Sign in and turn the digest off in Settings.',
  },
  fr: {
    title: 'Résumé du lundi',
    ask: (business: string) => `Ne plus recevoir le résumé du lundi des analyses de ${business} ?`,
    button: 'Désactiver le résumé',
    done: 'Le résumé du lundi est désactivé. Vous pouvez le réactiver en tout temps dans les Paramètres.',
    unknown: 'Ce lien n’est plus valide. Connectez-vous et désactivez le résumé dans les Paramètres.',
  },
} as const;

/** A page of its own, in the client's language; hono/html escapes every value put in it. */
const page = (language: Language, body: ReturnType<typeof html>) => html`<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${WORDS[language].title} · Avenir</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:10vh auto;padding:0 1.25rem;color:#1c2230}
button{font:inherit;padding:.6rem 1.1rem;border-radius:.5rem;border:0;background:#2f5bd3;color:#fff;cursor:pointer}</style>
</head><body><h1>${WORDS[language].title}</h1>${body}</body></html>`;

async function clientOfToken(c: { var: AppEnv['Variables'] }, token: string | undefined) {
  if (!token || !/^[0-9a-f]{32}$/.test(token)) return null;
  const [client] = await c.var.db.service((tx) =>
    tx
      .select({ id: clients.id, businessName: clients.businessName, language: clients.language })
      .from(clients)
      .where(eq(clients.digestToken, token)),
  );
  return client ?? null;
}

const fallbackLanguage = (c: { var: AppEnv['Variables'] }): Language => c.var.meta.language ?? 'en';

digestRoutes.get('/digest/off', async (c) => {
  const token = c.req.query('token');
  const client = await clientOfToken(c, token);
  if (!client) return c.html(page(fallbackLanguage(c), html`<p>${WORDS[fallbackLanguage(c)].unknown}</p>`), 404);
  const words = WORDS[client.language];
  return c.html(
    page(
      client.language,
      html`<p>${words.ask(client.businessName)}</p>
<form method="post" action="/digest/off?token=${token}"><button type="submit">${words.button}</button></form>`,
    ),
  );
});

digestRoutes.post('/digest/off', async (c) => {
  const client = await clientOfToken(c, c.req.query('token'));
  if (!client) return c.html(page(fallbackLanguage(c), html`<p>${WORDS[fallbackLanguage(c)].unknown}</p>`), 404);
  await c.var.db.service((tx) =>
    tx.update(clients).set({ weeklyDigest: false, updatedAt: sql`now()` }).where(eq(clients.id, client.id)),
  );
  return c.html(page(client.language, html`<p>${WORDS[client.language].done}</p>`));
});
