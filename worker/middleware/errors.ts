import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../env';
import { AppError, type ErrorEnvelope } from '../errors';

const envelope = (
  c: Context<AppEnv>,
  code: string,
  message: string,
  details?: Record<string, unknown>,
): ErrorEnvelope => ({
  error: { code, message, requestId: c.var.requestId, ...(details ? { details } : {}) },
});

export const notFound: NotFoundHandler<AppEnv> = (c) =>
  c.json(envelope(c, 'not_found', `No route for ${c.req.method} ${c.req.path}`), 404);

/** Every error leaves as the JSON envelope; unexpected ones without their stack. */
export const onError: ErrorHandler<AppEnv> = (error, c) => {
  if (error instanceof AppError) return c.json(envelope(c, error.code, error.message, error.details), error.status);
  if (error instanceof HTTPException) return c.json(envelope(c, 'http_error', error.message), error.status);
  console.error(`[${c.var.requestId}]`, error);
  return c.json(envelope(c, 'internal_error', 'Something went wrong on our side.'), 500);
};
