import { type Context, Hono } from 'hono';
import * as v from 'valibot';
import { openDatabase } from '../../platform/db';
import type { AppEnv } from '../../platform/env';
import { AppError } from '../../platform/errors';
import { requestLanguage } from '../../platform/http/request-meta';
import { type Bilingual, fields, jsonBody, localized, query } from '../../platform/http/validate';
import { isUuid } from '../../platform/identifiers';
import { enrichLeadMessageFor } from '../enrichment';
import { listActivity } from './activity';
import { applyBulkAction, BULK_ACTIONS } from './bulk-actions';
import { clientLanguage, leadExportStream } from './export';
import { leadCsvFilename } from './lead-csv';
import { leadDetail, leadNotFound, listLeads } from './leads';
import { createNote, deleteNote, editNote, noteNotFound } from './notes';
import {
  activityQuery,
  type Cursor,
  decodeCursor,
  INVALID_CURSOR_MESSAGE,
  leadExportQuery,
  leadListQuery,
} from './query';
import { listTags } from './tags';

/**
 * The lead inbox under /api/app: the list and its CSV export, one lead, bulk actions,
 * notes, tags and the activity log. Behind the dashboard guard (session, CSRF). Every
 * service runs in the tenant transaction of the session's client, so row-level security
 * decides what exists: another client's ids are 404.
 */
export const inboxRoutes = new Hono<AppEnv>();

/** A path id that is not a uuid names nothing: 404, as an unknown one (never a 500). */
function pathId(c: Context<AppEnv>, name: string, notFound: () => AppError): string {
  const id = c.req.param(name);
  if (!id || !isUuid(id)) throw notFound();
  return id;
}

function cursorOf(c: Context<AppEnv>, text: string | undefined, sort: Cursor['sort']): Cursor | null {
  if (text === undefined) return null;
  const cursor = decodeCursor(text, sort);
  if (cursor) return cursor;
  throw new AppError('invalid_request', INVALID_CURSOR_MESSAGE, {
    fields: { cursor: [INVALID_CURSOR_MESSAGE[requestLanguage(c)]] },
  });
}

inboxRoutes.get('/leads', query(leadListQuery), async (c) => {
  const params = c.req.valid('query');
  const cursor = cursorOf(c, params.cursor, params.sort);
  return c.json(await listLeads(c.var.db, c.var.session.clientId, params, cursor));
});

// Before /leads/:id, which would take export.csv for a lead id (and 404).
inboxRoutes.get('/leads/export.csv', query(leadExportQuery), async (c) => {
  const { clientId } = c.var.session;
  const language = await clientLanguage(c.var.db, clientId);
  const body = await leadExportStream({
    // The request's database access closes when this handler returns, before the body is
    // read: the stream pages with its own.
    open: () => openDatabase(c.env),
    clientId,
    query: c.req.valid('query'),
    language,
  });
  return c.body(body, 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${leadCsvFilename(new Date())}"`,
  });
});

inboxRoutes.get('/tags', async (c) => c.json({ tags: await listTags(c.var.db, c.var.session.clientId) }));

inboxRoutes.get('/leads/:id', async (c) => {
  const leadId = pathId(c, 'id', leadNotFound);
  return c.json(await leadDetail(c.var.db, c.var.session.clientId, leadId));
});

const IDS_REQUIRED: Bilingual = ['Choose at least one lead.', 'Choisissez au moins un client potentiel.'];
const ACTION_REQUIRED: Bilingual = [
  `Choose an action: ${BULK_ACTIONS.join(', ')}.`,
  `Choisissez une action : ${BULK_ACTIONS.join(', ')}.`,
];
const TAG_REQUIRED: Bilingual = ['Name the tag (1 to 40 characters).', "Nommez l'étiquette (1 à 40 caractères)."];

const REASON_AS_TEXT: Bilingual = ['Write the reason as text.', 'Écrivez la raison en texte.'];

const actionBody = v.pipe(
  fields(
    {
      ids: v.pipe(
        v.array(
          v.pipe(
            v.string(localized('This is not a lead id.', "Ce n'est pas un identifiant de client potentiel.")),
            v.uuid(localized('This is not a lead id.', "Ce n'est pas un identifiant de client potentiel.")),
          ),
          localized(...IDS_REQUIRED),
        ),
        v.minLength(1, localized(...IDS_REQUIRED)),
        v.maxLength(
          200,
          localized('Choose at most 200 leads at a time.', 'Choisissez au plus 200 clients potentiels à la fois.'),
        ),
      ),
      action: v.picklist(BULK_ACTIONS, localized(...ACTION_REQUIRED)),
      tag: v.optional(
        v.pipe(
          v.string(localized(...TAG_REQUIRED)),
          v.trim(),
          v.minLength(1, localized(...TAG_REQUIRED)),
          v.maxLength(40, localized(...TAG_REQUIRED)),
        ),
      ),
      reversionReason: v.optional(
        v.pipe(
          v.string(localized(...REASON_AS_TEXT)),
          v.trim(),
          v.maxLength(1_000, localized('Use at most 1000 characters.', 'Utilisez au plus 1000 caractères.')),
        ),
      ),
    },
    { ids: IDS_REQUIRED, action: ACTION_REQUIRED, tag: TAG_REQUIRED, reversionReason: REASON_AS_TEXT },
  ),
  v.forward(
    v.check((body) => body.action !== 'tag' || body.tag !== undefined, localized(...TAG_REQUIRED)),
    ['tag'],
  ),
);

inboxRoutes.post('/leads/actions', jsonBody(actionBody), async (c) => {
  const { session } = c.var;
  const { updated, toEnrich } = await applyBulkAction(
    c.var.db,
    session.clientId,
    session.accountEmail,
    c.req.valid('json'),
    requestLanguage(c),
  );
  if (toEnrich.length > 0) {
    await c.env.JOBS.sendBatch(
      toEnrich.map((leadId) => ({ body: enrichLeadMessageFor({ leadId, clientId: session.clientId }) })),
    );
  }
  return c.json({ updated });
});

const NOTE_REQUIRED: Bilingual = [
  'Write the note (1 to 10,000 characters).',
  'Écrivez la note (1 à 10 000 caractères).',
];
const noteBody = fields(
  {
    note: v.pipe(
      v.string(localized(...NOTE_REQUIRED)),
      v.trim(),
      v.minLength(1, localized(...NOTE_REQUIRED)),
      v.maxLength(10_000, localized(...NOTE_REQUIRED)),
    ),
  },
  { note: NOTE_REQUIRED },
);

inboxRoutes.post('/leads/:id/notes', jsonBody(noteBody), async (c) => {
  const leadId = pathId(c, 'id', leadNotFound);
  const { session } = c.var;
  const note = await createNote(c.var.db, session.clientId, session.accountEmail, leadId, c.req.valid('json').note);
  return c.json({ note }, 201);
});

inboxRoutes.patch('/leads/:id/notes/:noteId', jsonBody(noteBody), async (c) => {
  const ids = { leadId: pathId(c, 'id', leadNotFound), noteId: pathId(c, 'noteId', noteNotFound) };
  const { session } = c.var;
  const note = await editNote(c.var.db, session.clientId, session.accountEmail, ids, c.req.valid('json').note);
  return c.json({ note });
});

inboxRoutes.delete('/leads/:id/notes/:noteId', async (c) => {
  const ids = { leadId: pathId(c, 'id', leadNotFound), noteId: pathId(c, 'noteId', noteNotFound) };
  const { session } = c.var;
  await deleteNote(c.var.db, session.clientId, session.accountEmail, ids);
  return c.body(null, 204);
});

inboxRoutes.get('/activity', query(activityQuery), async (c) => {
  const params = c.req.valid('query');
  const cursor = cursorOf(c, params.cursor, 'activity');
  return c.json(await listActivity(c.var.db, c.var.session.clientId, params, cursor));
});
