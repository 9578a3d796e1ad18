import { Hono } from 'hono';
import { openDatabase } from '../db';
import { leadCsvFilename } from '../domain/lead-csv';
import { leadExportQuery } from '../domain/lead-query';
import type { AppEnv } from '../env';
import { query } from '../middleware/validate';
import { clientLanguage, leadExportStream } from '../services/lead-export';

/**
 * GET /api/app/leads/export.csv: the inbox's leads as a CSV download, under the same
 * filters and sort as GET /api/app/leads but every page. Behind appAuth's session wall.
 */
export const appExport = new Hono<AppEnv>();

appExport.get('/leads/export.csv', query(leadExportQuery), async (c) => {
  const { clientId } = c.var.session;
  const language = await clientLanguage(c.var.db, clientId);
  const body = leadExportStream({
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
