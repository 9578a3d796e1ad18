import { eq } from 'drizzle-orm';
import { type Context, Hono } from 'hono';
import { html, raw } from 'hono/html';
import { outreachEmails } from '../../../schema';
import type { Language } from '../../../schema/vocabulary';
import type { AppEnv } from '../../platform/env';
import { replyAddressConfig } from '../../platform/mail/reply-address';
import { metadataOf } from './approval';
import { recordUnsubscribe } from './lifecycle';
import { KEPT_HEADERS, type OutreachEventMessage } from './messages';
import { readTrackingToken } from './tokens';

/**
 * The public links in outreach emails. The open pixel and the click redirect answer at
 * once from the signed token alone and queue the event (no database on their path); the
 * redirect only ever goes to the address signed into its token. The unsubscribe link needs
 * no sign-in: a POST (RFC 8058 one-click, or the page's button) unsubscribes at once; a GET
 * shows a page with that button, because link scanners fetch every link in a message and
 * must not unsubscribe anyone.
 */
export const trackingRoutes = new Hono<AppEnv>();

/** A transparent 1×1 GIF. */
const PIXEL = Uint8Array.from(atob('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7'), (char) =>
  char.charCodeAt(0),
);
const NO_STORE = 'no-store, no-cache, must-revalidate, private';

const secretOf = (c: Context<AppEnv>) => replyAddressConfig(c.env)?.secret ?? null;

function keptHeaders(c: Context<AppEnv>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = c.req.header(name);
    if (value) kept[name] = value.slice(0, 512);
  }
  return kept;
}

/** Sends the event to the queue after the answer: a slow queue never slows a pixel. */
function queueEvent(
  c: Context<AppEnv>,
  event: Omit<OutreachEventMessage, 'type' | 'eventId' | 'at' | 'method' | 'userAgent' | 'ip' | 'headers'>,
) {
  const message: OutreachEventMessage = {
    type: 'outreach_event',
    eventId: crypto.randomUUID(),
    at: new Date().toISOString(),
    method: c.req.method,
    userAgent: c.var.meta.userAgent,
    ip: c.var.meta.ip,
    headers: keptHeaders(c),
    ...event,
  };
  c.executionCtx.waitUntil(
    c.env.JOBS.send(message).catch((error: Error) => console.warn(`tracking event lost: ${error.message}`)),
  );
}

const pixel = (c: Context<AppEnv>) =>
  c.body(PIXEL, 200, {
    'Content-Type': 'image/gif',
    'Cache-Control': NO_STORE,
    'Content-Length': String(PIXEL.length),
  });

trackingRoutes.on(['GET', 'HEAD'], '/o/p/:token', async (c) => {
  const secret = secretOf(c);
  const token = secret ? await readTrackingToken(secret, c.req.param('token').replace(/\.gif$/, '')) : null;
  if (token?.kind === 'open') queueEvent(c, { kind: 'open', emailId: token.emailId, url: null });
  // A forged or unknown token gets the same image: the answer says nothing about what exists.
  return pixel(c);
});

const LINK_GONE = {
  en: 'This link is not valid. If you copied it from an email, copy the whole address.',
  fr: 'Ce lien n’est pas valide. Si vous l’avez copié d’un courriel, copiez l’adresse en entier.',
};

trackingRoutes.on(['GET', 'HEAD'], '/o/c/:token', async (c) => {
  const secret = secretOf(c);
  const token = secret ? await readTrackingToken(secret, c.req.param('token')) : null;
  if (token?.kind !== 'click') {
    return c.text(`${LINK_GONE.fr}\n\n${LINK_GONE.en}\n`, 404, { 'Cache-Control': NO_STORE });
  }
  queueEvent(c, { kind: 'click', emailId: token.emailId, url: token.url });
  c.header('Cache-Control', NO_STORE);
  c.header('Referrer-Policy', 'no-referrer');
  return c.redirect(token.url, 302);
});

const PAGE_TEXT = {
  fr: {
    title: 'Désabonnement',
    ask: 'Voulez-vous ne plus recevoir nos courriels à cette adresse ?',
    button: 'Me désabonner',
    done: 'C’est fait : vous ne recevrez plus nos courriels à cette adresse.',
    invalid: LINK_GONE.fr,
  },
  en: {
    title: 'Unsubscribe',
    ask: 'Do you want to stop receiving our emails at this address?',
    button: 'Unsubscribe',
    done: 'Done: you will not receive our emails at this address again.',
    invalid: LINK_GONE.en,
  },
} as const;

function page(language: Language, body: string, address: string | null) {
  const text = PAGE_TEXT[language];
  return html`<!doctype html>
<html lang="${language}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex" />
    <title>${text.title}</title>
    <style>
      body { font: 17px/1.55 system-ui, sans-serif; max-width: 34rem; margin: 3rem auto; padding: 0 1.25rem; color: #1f2937; }
      h1 { font-size: 1.4rem; } .address { font-weight: 600; overflow-wrap: anywhere; }
      button { font: inherit; font-weight: 600; background: #1f4ed8; color: #fff; border: 0; border-radius: .5rem; padding: .75rem 1.25rem; cursor: pointer; min-height: 44px; }
      button:focus-visible { outline: 3px solid #93b4ff; outline-offset: 2px; }
    </style>
  </head>
  <body>
    <h1>${text.title}</h1>
    ${address ? html`<p class="address">${address}</p>` : ''}
    ${raw(body)}
  </body>
</html>`;
}

async function unsubscribeTarget(c: Context<AppEnv>) {
  const secret = secretOf(c);
  const token = secret ? await readTrackingToken(secret, c.req.param('token') ?? '') : null;
  if (token?.kind !== 'unsubscribe') return null;
  const [email] = await c.var.db.service((tx) =>
    tx.select().from(outreachEmails).where(eq(outreachEmails.id, token.emailId)),
  );
  return email ?? null;
}

const languageOf = (c: Context<AppEnv>, email: { metadata: Record<string, unknown> } | null): Language =>
  (email && metadataOf(email).language) || c.var.meta.language || 'fr';

trackingRoutes.get('/u/:token', async (c) => {
  const email = await unsubscribeTarget(c);
  const language = languageOf(c, email);
  const text = PAGE_TEXT[language];
  c.header('Cache-Control', NO_STORE);
  c.header('Referrer-Policy', 'no-referrer');
  if (!email) return c.html(page(language, `<p>${text.invalid}</p>`, null), 404);
  const body = `<p>${text.ask}</p><form method="post"><button type="submit">${text.button}</button></form>`;
  return c.html(page(language, body, email.prospectEmail));
});

trackingRoutes.post('/u/:token', async (c) => {
  const email = await unsubscribeTarget(c);
  const language = languageOf(c, email);
  const text = PAGE_TEXT[language];
  c.header('Cache-Control', NO_STORE);
  if (!email) return c.html(page(language, `<p>${text.invalid}</p>`, null), 404);
  // RFC 8058: a mail client's one-click POST carries `List-Unsubscribe=One-Click`; the page's button carries nothing.
  const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
  const via = form['List-Unsubscribe'] === 'One-Click' ? 'one_click' : 'page';
  await c.var.db.service((tx) => recordUnsubscribe(tx, email, via));
  return c.html(page(language, `<p role="status">${text.done}</p>`, email.prospectEmail));
});
