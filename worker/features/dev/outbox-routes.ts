import { Hono } from 'hono';
import { html } from 'hono/html';
import type { AppEnv } from '../../platform/env';
import { AppError, bilingual } from '../../platform/errors';
import { findOutboxMessage, listOutbox } from './outbox';

/**
 * `/dev/outbox`: the mail the dev mailer kept instead of sending (no Gmail configured). Only
 * where DEV_OUTBOX is "on" (`npm start` sets it); a 404 everywhere else.
 */
export const outboxRoutes = new Hono<AppEnv>();

outboxRoutes.use('/dev/*', async (c, next) => {
  if (c.env.DEV_OUTBOX !== 'on') {
    throw new AppError(
      'not_found',
      bilingual('The outbox is only served by `npm start`.', 'La boîte d’envoi n’est servie que par `npm start`.'),
    );
  }
  await next();
  c.header('Cache-Control', 'no-store');
  // The message's HTML is shown in a sandboxed frame; nothing on these pages runs script.
  c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; frame-src 'self'; img-src data:");
});

const page = (title: string, body: unknown) => html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title} · Avenir dev outbox</title>
    <style>
      body { font: 15px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem; color: #1d232b; }
      table { border-collapse: collapse; width: 100%; }
      th, td { text-align: left; padding: .4rem .5rem; border-bottom: 1px solid #dde2e8; vertical-align: top; }
      time, .muted { color: #5c6773; font-size: .9em; }
      iframe { width: 100%; height: 24rem; border: 1px solid #dde2e8; border-radius: 6px; }
      pre { white-space: pre-wrap; background: #f4f6f8; padding: .75rem; border-radius: 6px; overflow-x: auto; }
      dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
      dt { font-weight: 600; }
    </style>
  </head>
  <body>
    ${body}
  </body>
</html>`;

outboxRoutes.get('/dev/outbox', async (c) => {
  const messages = await listOutbox(c.var.db);
  return c.html(
    page(
      'Outbox',
      html`<h1>Dev outbox</h1>
        <p class="muted">
          ${messages.length} message(s) the product would have sent. Configure Gmail (README, “Configuration”) to
          send them for real.
        </p>
        <table>
          <thead>
            <tr><th>When</th><th>To</th><th>Subject</th></tr>
          </thead>
          <tbody>
            ${messages.map(
              (message) =>
                html`<tr>
                  <td><time datetime="${message.createdAt.toISOString()}">${message.createdAt.toISOString().replace('T', ' ').slice(0, 19)}</time></td>
                  <td>${message.toAddress}</td>
                  <td><a href="/dev/outbox/${message.id}">${message.subject}</a></td>
                </tr>`,
            )}
          </tbody>
        </table>`,
    ),
  );
});

outboxRoutes.get('/dev/outbox/:id', async (c) => {
  const message = await findOutboxMessage(c.var.db, c.req.param('id'));
  if (!message) {
    throw new AppError(
      'not_found',
      bilingual('No such message in the outbox.', 'Ce message n’est pas dans la boîte d’envoi.'),
    );
  }
  return c.html(
    page(
      message.subject,
      html`<p><a href="/dev/outbox">← Outbox</a></p>
        <h1>${message.subject}</h1>
        <dl>
          <dt>From</dt><dd>${message.fromAddress}</dd>
          <dt>To</dt><dd>${message.toAddress}</dd>
          <dt>Reply-To</dt><dd>${message.replyTo ?? '—'}</dd>
          <dt>Message-ID</dt><dd>${message.messageId}</dd>
          <dt>Date</dt><dd>${message.createdAt.toISOString()}</dd>
        </dl>
        <h2>HTML part</h2>
        <iframe sandbox title="HTML part" srcdoc="${message.htmlBody}"></iframe>
        <h2>Text part</h2>
        <pre>${message.textBody}</pre>
        <details><summary>Raw MIME</summary><pre>${message.rawMime}</pre></details>`,
    ),
  );
});
