import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../env';
import { AppError, bilingual, type ErrorCode, type ErrorEnvelope, errorStatus } from '../errors';
import { requestLanguage } from './request-meta';

/** The answer for `error`: its code's status, its text in the reader's language. */
function answer(c: Context<AppEnv>, error: AppError) {
  const language = error.language ?? requestLanguage(c);
  const body: ErrorEnvelope = {
    error: {
      code: error.code,
      message: error.text[language],
      requestId: c.var.requestId,
      ...(error.details ? { details: error.details } : {}),
    },
  };
  return c.json(body, errorStatus(error.code));
}

export const notFound: NotFoundHandler<AppEnv> = (c) =>
  answer(
    c,
    new AppError(
      'not_found',
      bilingual(`No route for ${c.req.method} ${c.req.path}`, `Aucune route pour ${c.req.method} ${c.req.path}`),
    ),
  );

/** What Hono's own middleware throws (a body it could not parse, say), in our vocabulary. */
const HTTP_EXCEPTION_CODE: Partial<Record<number, ErrorCode>> = {
  400: 'malformed_request',
  401: 'unauthenticated',
  403: 'forbidden',
  413: 'body_too_large',
};

/**
 * What the log keeps of an unexpected error: its kind, its SQLSTATE when the database threw
 * it, its message with every quoted part left out, and where it was thrown. Never the whole
 * object: a Postgres error's `detail` and `where` (and its message's quotes) copy the input
 * it refused, which may be a visitor's words.
 */
export function loggableError(error: unknown): string {
  if (!(error instanceof Error)) return `non-Error thrown (${typeof error})`;
  const sqlState = 'code' in error && typeof error.code === 'string' ? ` [SQLSTATE ${error.code}]` : '';
  const message = (error.message.split('\n')[0] ?? '').replace(/"[^"]*"?|'[^']*'?|«[^»]*»?/g, '"…"').slice(0, 300);
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  return [`${error.name}${sqlState}: ${message}`, ...frames.slice(0, 8)].join('\n');
}

/** Every error leaves as the JSON envelope; unexpected ones without their stack. */
export const onError: ErrorHandler<AppEnv> = (error, c) => {
  if (error instanceof AppError) return answer(c, error);
  const code = error instanceof HTTPException ? HTTP_EXCEPTION_CODE[error.status] : undefined;
  if (code) return answer(c, new AppError(code));
  console.error(`[${c.var.requestId}] ${loggableError(error)}`);
  return answer(c, new AppError('internal_error'));
};
