import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { html, raw } from 'hono/html';
import { clients } from '../../../schema';
import type { Language } from '../../../schema/vocabulary';
import { embedSnippet } from '../../../widget/snippet';
import type { DatabaseAccess } from '../../platform/db';
import type { AppEnv } from '../../platform/env';
import { AppError, bilingual } from '../../platform/errors';
import { isUuid } from '../../platform/identifiers';

/**
 * `/demo`: a small business's page with the widget embedded, for trying the product
 * locally. It exists only where DEMO_CLIENT_ID is set (`npm start` sets it). The page
 * loads the widget from the other loopback name (localhost ↔ 127.0.0.1), so the form runs
 * cross-origin exactly as on a customer's site. The key is the demo client's current one,
 * read on each visit, so the page keeps working after a rotation from Settings.
 */
export const demoRoutes = new Hono<AppEnv>().get('/demo', async (c) => {
  const demoClientId = c.env.DEMO_CLIENT_ID;
  const key = demoClientId ? await currentWidgetKey(c.var.db, demoClientId) : null;
  if (!key) throw new AppError('not_found', DEMO_ONLY);
  const language: Language = c.req.query('lang') === 'en' ? 'en' : 'fr';
  const page = new URL(c.req.url);
  const api = new URL(page.origin);
  api.hostname = page.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  const text = TEXT[language];
  c.header('Cache-Control', 'no-store');
  return c.html(html`<!doctype html>
<html lang="${language === 'fr' ? 'fr-CA' : 'en-CA'}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Rénovations Démo Laval</title>
    <style>
      body { margin: 0; font-family: Georgia, 'Times New Roman', serif; color: #2b2118; background: #faf6f0; }
      header { background: #3d2b1f; color: #faf6f0; padding: 1.5rem 1rem; }
      header div, main { max-width: 46rem; margin: 0 auto; }
      header h1 { margin: 0; font-size: 1.6rem; }
      nav a { color: #f3c98b; margin-right: 1rem; }
      main { padding: 1rem; }
      .hero { font-size: 1.15rem; line-height: 1.6; }
      .contact { display: grid; gap: 2rem; grid-template-columns: 1fr; }
      @media (min-width: 50rem) { .contact { grid-template-columns: 1fr 1.4fr; } }
      /* Host styles the form must shrug off: the widget lives in a shadow root. */
      input, textarea, button, label { all: unset; color: red !important; }
      footer { font-size: 0.85rem; color: #7a6a5a; padding: 2rem 1rem; text-align: center; }
    </style>
  </head>
  <body>
    <header>
      <div>
        <h1>Rénovations Démo Laval</h1>
        <nav aria-label="${text.languages}">
          <a href="?lang=fr" lang="fr" ${language === 'fr' ? raw('aria-current="page"') : ''}>Français</a>
          <a href="?lang=en" lang="en" ${language === 'en' ? raw('aria-current="page"') : ''}>English</a>
        </nav>
      </div>
    </header>
    <main>
      <p class="hero">${text.hero}</p>
      <section class="contact" aria-labelledby="contact-title">
        <div>
          <h2 id="contact-title">${text.contactTitle}</h2>
          <p>${text.contactBody}</p>
          <p>450 555-0123<br />1200, boul. de l’Avenir, Laval (Québec)</p>
        </div>
        <div>${raw(embedSnippet({ origin: api.origin, widgetKey: key }))}</div>
      </section>
    </main>
    <footer>${text.footer} ${api.origin}</footer>
  </body>
</html>`);
});

const DEMO_ONLY = bilingual(
  'The demo page is only served by `npm start`.',
  'La page de démonstration n’est servie que par `npm start`.',
);

async function currentWidgetKey(db: DatabaseAccess, clientId: string): Promise<string | null> {
  if (!isUuid(clientId)) return null;
  const [row] = await db.service((tx) =>
    tx.select({ key: clients.apiKey }).from(clients).where(eq(clients.id, clientId)),
  );
  return row?.key ?? null;
}

const TEXT: Record<Language, Record<'languages' | 'hero' | 'contactTitle' | 'contactBody' | 'footer', string>> = {
  fr: {
    languages: 'Langues',
    hero: 'Toitures, sous-sols et cuisines à Laval et sur la Rive-Nord depuis 1998. Soumission gratuite en 48 heures.',
    contactTitle: 'Demandez votre soumission',
    contactBody: 'Décrivez votre projet : nous vous répondons le jour même, en français ou en anglais.',
    footer: 'Page de démonstration d’Avenir. Le formulaire est servi par',
  },
  en: {
    languages: 'Languages',
    hero: 'Roofs, basements and kitchens in Laval and the North Shore since 1998. Free quote within 48 hours.',
    contactTitle: 'Ask for your free quote',
    contactBody: 'Tell us about your project: we answer the same day, in English or French.',
    footer: 'Avenir demo page. The form is served by',
  },
};
