import { Hono } from 'hono';
import * as v from 'valibot';
import type { AppEnv } from '../../platform/env';
import { requestLanguage } from '../../platform/http/request-meta';
import { anyObject, type Bilingual, fields, jsonBody, localized, query } from '../../platform/http/validate';
import { clientSettings, parseNewClient, requireInternal } from '../accounts';
import { createClientAsStaff, listClients, switchBack, switchClient } from './staff';

/**
 * What internal (Avenir staff) accounts do across clients, under /api/app: view a client's
 * dashboard as that client, list and create clients. Behind the dashboard guard, and each
 * route behind `requireInternal`.
 */
export const staffRoutes = new Hono<AppEnv>();

const CLIENT_REQUIRED: Bilingual = ['Choose a client.', 'Choisissez un client.'];

const switchBody = fields(
  {
    clientId: v.pipe(
      v.string(localized(...CLIENT_REQUIRED)),
      v.uuid(localized('This is not a client id.', "Ce n'est pas un identifiant de client.")),
    ),
  },
  { clientId: CLIENT_REQUIRED },
);

staffRoutes.post('/switch', requireInternal, jsonBody(switchBody), async (c) => {
  const target = await switchClient(c.var.db, c.var.session, c.req.valid('json').clientId, c.var.meta.ip);
  return c.json({ actingAs: target });
});

staffRoutes.delete('/switch', requireInternal, async (c) => {
  await switchBack(c.var.db, c.var.session, c.var.meta.ip);
  return c.body(null, 204);
});

const SEARCH_RULE: Bilingual = ['Search with at most 200 characters.', 'Cherchez avec au plus 200 caractères.'];
const clientSearch = v.object({
  // A repeated ?q= arrives as an array: refused like an overlong one.
  q: v.optional(v.pipe(v.string(localized(...SEARCH_RULE)), v.maxLength(200, localized(...SEARCH_RULE)))),
});

staffRoutes.get('/clients', requireInternal, query(clientSearch), async (c) =>
  c.json(await listClients(c.var.db, c.var.session, { q: c.req.valid('query').q })),
);

// The body is checked by parseNewClient, the same rules as `npm run client:create`.
staffRoutes.post('/clients', requireInternal, jsonBody(anyObject), async (c) => {
  const newClient = parseNewClient(c.req.valid('json'), requestLanguage(c));
  const created = await createClientAsStaff(c.var.db, c.var.session, newClient, c.var.meta.ip);
  return c.json({ client: clientSettings(created.client), oneTimePassword: created.oneTimePassword }, 201);
});
