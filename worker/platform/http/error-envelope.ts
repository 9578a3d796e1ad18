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

/** Every error leaves as the JSON envelope; unexpected ones without their stack. */
export const onError: ErrorHandler<AppEnv> = (error, c) => {
  if (error instanceof AppError) return answer(c, error);
  const code = error instanceof HTTPException ? HTTP_EXCEPTION_CODE[error.status] : undefined;
  if (code) return answer(c, new AppError(code));
  console.error(`[${c.var.requestId}]`, error);
  return answer(c, new AppError('internal_error'));
};
