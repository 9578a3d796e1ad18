import { Hono } from 'hono';
import { html, raw } from 'hono/html';
import type { Language } from '../../../schema/vocabulary';
import { WIDGET_RESERVED_HEIGHT } from '../../../widget/snippet';
import { STYLES } from '../../../widget/styles';
import type { AppEnv } from '../../platform/env';
import { AppError } from '../../platform/errors';
import { requireSession } from '../accounts';
import { resolveWidgetKey } from '../intake';

/**
 * `GET /app/widget-preview?key=…&lang=en|fr&mode=form|launcher`: a bare page with the
 * client's form, loaded by /widget.js from this Worker, that the dashboard's settings show
 * in an iframe. The dashboard's own CSP (`style-src 'self'`) would refuse the `<style>` the
 * widget puts in its shadow root, so the form lives on this page, whose CSP allows exactly
 * that style by its hash: no 'unsafe-inline', and widget.js stays as customers get it.
 *
 * The page is this Worker's own origin, which no client lists among its allowed origins;
 * the intake accepts it for every live key and stores its leads as test leads
 * (features/intake/routes.ts, `isOwnOrigin`). Only the signed-in client's own key is shown.
 */
export const widgetPreviewRoutes = new Hono<AppEnv>();

/** The page's own few rules; the form's are the widget's STYLES, in its shadow root. */
export const PREVIEW_PAGE_STYLE = [
  'body{margin:0;padding:1rem;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#fff}',
  `[data-avenir-form]{min-height:${WIDGET_RESERVED_HEIGHT}}`,
  'p{margin:0 0 1rem;color:#555}',
].join('');

/** A CSP source for an inline `<style>` whose text is exactly `text`. */
export async function styleHash(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return `'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`;
}

/**
 * The preview's policy: scripts from this origin only (widget.js), the two inline styles
 * by hash, requests to this origin only (the widget's config and lead), framed only by
 * the dashboard (same origin), no forms posted anywhere (the widget's form posts by fetch).
 */
export const previewCsp = (styleSources: readonly string[]) =>
  [
    "default-src 'none'",
    "script-src 'self'",
    `style-src ${styleSources.join(' ')}`,
    "connect-src 'self'",
    "img-src 'self' data:",
    "frame-ancestors 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');

// Computed once per isolate, on first use: WebCrypto is asynchronous and not for global scope.
let policy: Promise<string> | undefined;
const previewPolicy = () => {
  policy ??= Promise.all([styleHash(STYLES), styleHash(PREVIEW_PAGE_STYLE)]).then(previewCsp);
  return policy;
};

const TEXT: Record<Language, { title: string; launcher: string }> = {
  en: {
    title: 'Preview of your contact form',
    launcher: 'Your form opens from the button at the bottom right, as on your site.',
  },
  fr: {
    title: 'Aperçu de votre formulaire de contact',
    launcher: 'Votre formulaire s’ouvre avec le bouton en bas à droite, comme sur votre site.',
  },
};

// The session wall of the dashboard API, here for one page: no session 401, a one-time
// password not yet replaced 403.
widgetPreviewRoutes.use('/app/widget-preview', requireSession);

widgetPreviewRoutes.get('/app/widget-preview', async (c) => {
  const key = c.req.query('key') ?? '';
  // Fresh: the preview reloads after a save or a key rotation and must show their result.
  const client = await resolveWidgetKey(c.var.db, key, { fresh: true });
  // Another client's key is as unknown here as a made-up one.
  if (!client || client.id !== c.var.session.clientId) {
    throw new AppError('widget_not_found');
  }
  // The dashboard asks for a language; else the client's own.
  const asked = c.req.query('lang');
  const language: Language = asked === 'en' || asked === 'fr' ? asked : client.language;
  const launcher = c.req.query('mode') === 'launcher';
  const text = TEXT[language];
  const page = html`<!doctype html>
<html lang="${language === 'fr' ? 'fr-CA' : 'en-CA'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${text.title}</title>
<style>${raw(PREVIEW_PAGE_STYLE)}</style>
</head>
<body>
${launcher ? html`<p>${text.launcher}</p>` : html`<div data-avenir-form></div>`}
<script src="/widget.js" data-key="${key}" data-lang="${language}"${launcher ? raw(' data-mode="launcher"') : ''} async></script>
</body>
</html>
`;
  return c.html(page, 200, {
    'Content-Security-Policy': await previewPolicy(),
    'X-Frame-Options': 'SAMEORIGIN',
    'Referrer-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  });
});
