import { Hono } from 'hono';
import { html } from 'hono/html';
import type { AppEnv } from '../../platform/env';
import { crawlerUserAgent } from './deps';

/**
 * /bot: the page the site reader's User-Agent points to. A site owner who sees AvenirBot in
 * their logs learns who reads their site, what it reads, the rules it keeps and how to stop it.
 */
export const crawlerRoutes = new Hono<AppEnv>();

crawlerRoutes.get('/bot', (c) => {
  const operator = c.env.OPERATOR_NAME?.trim() || 'Avenir';
  const agent = crawlerUserAgent(c.env);
  c.header('Cache-Control', 'public, max-age=86400');
  return c.html(html`<!doctype html>
<html lang="fr">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>AvenirBot</title>
    <style>
      body { font: 16px/1.55 system-ui, sans-serif; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; color: #1f2937; }
      h1 { font-size: 1.5rem; } h2 { font-size: 1.1rem; margin-top: 2rem; } code { background: #f3f4f6; padding: 0 .25em; }
    </style>
  </head>
  <body>
    <h1>AvenirBot</h1>
    <p>AvenirBot lit les pages publiques d’accueil, de contact et « à propos » de sites d’entreprises pour le compte de ${operator}, afin de savoir si leur formulaire de contact, leur prise de rendez-vous et leur clavardage répondent vite à leur clientèle.</p>
    <ul>
      <li>Il respecte le fichier <code>robots.txt</code> (jeton <code>AvenirBot</code>) et fait au plus une requête par seconde par site.</li>
      <li>Il lit au plus quatre pages par site et n’exécute aucun script.</li>
      <li>Il ne soumet jamais de formulaire sans l’approbation d’une personne, et jamais derrière un CAPTCHA ou une connexion.</li>
    </ul>
    <p>Pour qu’il ne lise plus votre site : <code>User-agent: AvenirBot</code> / <code>Disallow: /</code> dans votre <code>robots.txt</code>.</p>
    <h2 lang="en">In English</h2>
    <div lang="en">
      <p>AvenirBot reads the public home, contact and about pages of business websites for ${operator}, to learn whether their contact form, booking and chat answer customers quickly. It obeys <code>robots.txt</code> (token <code>AvenirBot</code>), makes at most one request a second per site, reads at most four pages, runs no script, and never submits a form without a person's approval, nor behind a CAPTCHA or a sign-in.</p>
      <p>To stop it: <code>User-agent: AvenirBot</code> / <code>Disallow: /</code> in your <code>robots.txt</code>.</p>
    </div>
    <p><small>User-Agent: <code>${agent}</code></small></p>
  </body>
</html>`);
});
