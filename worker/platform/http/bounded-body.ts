import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';
import { AppError, bilingual } from '../errors';

/**
 * Largest body of a dashboard API request (/api/app/*). The largest the dashboard sends is a
 * note of 10,000 characters (30 KB of UTF-8 at most) or a list of 200 lead ids (8 KB).
 */
export const DASHBOARD_MAX_BODY_BYTES = 64 * 1024;

/**
 * How much of an oversized body is still read (and thrown away) before answering 413. A
 * server that answers without reading what the client is still sending makes the client's
 * socket reset, and the client sees a network error instead of the 413 (the widget would
 * retry it forever). Past this, the client is not a form, and a reset is its problem.
 */
const DRAIN_LIMIT_BYTES = 1024 * 1024;

/**
 * The request body's bytes, refused with 413 past `maxBytes` whether or not it declares a
 * Content-Length. Never holds more than `maxBytes` of it.
 */
export async function readBoundedBytes(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const tooLarge = () =>
    new AppError(
      'body_too_large',
      bilingual(
        `The request body is over ${sizeName(maxBytes, 'en')}.`,
        `Le corps de la requête dépasse ${sizeName(maxBytes, 'fr')}.`,
      ),
    );
  const body = request.body;
  if (!body) return new Uint8Array(0);
  const declared = Number(request.headers.get('Content-Length') ?? Number.NaN);
  // HTTP framing holds a body to its declared length: within the limit, the runtime reads it fastest.
  if (declared <= maxBytes) return new Uint8Array(await request.arrayBuffer());
  const reader = body.getReader();
  if (declared > maxBytes) {
    await drain(reader, 0);
    throw tooLarge();
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await drain(reader, size);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** "64 KB", "5 MB": the limit as a person reads it. */
function sizeName(bytes: number, language: 'en' | 'fr'): string {
  const megabytes = bytes >= 1024 * 1024;
  const value = megabytes ? bytes / (1024 * 1024) : bytes / 1024;
  return `${value} ${megabytes ? (language === 'en' ? 'MB' : 'Mo') : language === 'en' ? 'KB' : 'Ko'}`;
}

/** The request body as UTF-8 text, bounded as readBoundedBytes. */
export const readBoundedText = async (request: Request, maxBytes: number): Promise<string> =>
  new TextDecoder().decode(await readBoundedBytes(request, maxBytes));

async function drain(reader: ReadableStreamDefaultReader<Uint8Array>, alreadyRead: number): Promise<void> {
  let read = alreadyRead;
  while (read <= DRAIN_LIMIT_BYTES) {
    const { done, value } = await reader.read();
    if (done) return;
    read += value.byteLength;
  }
  await reader.cancel();
}

/**
 * Every body under the middleware read through readBoundedBytes before anything parses it:
 * 413 past `maxBytes`, or past a larger limit for the paths that take files (`larger`:
 * path prefix → bytes). What was read replaces the request's body, as Hono's own bodyLimit
 * does, so the validators parse the bounded bytes and nothing reads more.
 */
export const boundedBody = (maxBytes: number, larger: Readonly<Record<string, number>> = {}) =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (c.req.raw.body) {
      const path = c.req.path;
      const limit = Object.entries(larger).find(([prefix]) => path.startsWith(prefix))?.[1] ?? maxBytes;
      c.req.raw = new Request(c.req.raw, { body: await readBoundedBytes(c.req.raw, limit) });
    }
    await next();
  });
