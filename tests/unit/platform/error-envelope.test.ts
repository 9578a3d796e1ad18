import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { describe, expect, it, vi } from 'vitest';
import type { AppEnv } from '../../../worker/platform/env';
import { AppError, bilingual, type ErrorEnvelope } from '../../../worker/platform/errors';
import { notFound, onError } from '../../../worker/platform/http/error-envelope';
import { requestMeta } from '../../../worker/platform/http/request-meta';

function appThrowing(error: unknown) {
  const app = new Hono<AppEnv>().use(requestId(), requestMeta).get('/boom', () => {
    throw error;
  });
  app.notFound(notFound);
  app.onError(onError);
  return app;
}

describe('error envelope', () => {
  it('answers an unknown route with JSON 404 naming the route', async () => {
    const response = await appThrowing(null).request('/nowhere', { method: 'DELETE' });
    expect(response.status).toBe(404);
    const body = await response.json();
    expect(body).toEqual({
      error: {
        code: 'not_found',
        message: 'No route for DELETE /nowhere',
        requestId: response.headers.get('X-Request-Id'),
      },
    });
  });

  it('answers an unexpected error with JSON 500 and no stack trace or message', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = await appThrowing(new Error('password=hunter2 at db.ts:42')).request('/boom');
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toMatch(/hunter2|db\.ts|at /);
    expect(JSON.parse(text).error.code).toBe('internal_error');
    expect(log).toHaveBeenCalled(); // the details go to the log instead
    log.mockRestore();
  });

  it("answers an AppError with its code's status, its text and details", async () => {
    const error = new AppError('email_taken', bilingual('Taken.', 'Pris.'), { field: 'email' });
    const response = await appThrowing(error).request('/boom');
    expect(response.status).toBe(409);
    expect(((await response.json()) as ErrorEnvelope).error).toMatchObject({
      code: 'email_taken',
      message: 'Taken.',
      details: { field: 'email' },
    });
  });

  it('speaks the language the request asks for, French included', async () => {
    const french = { headers: { 'Accept-Language': 'fr-CA,fr;q=0.9' } };
    const lead = await appThrowing(new AppError('not_found', bilingual('No such lead.', 'Introuvable.'))).request(
      '/boom',
      french,
    );
    expect(((await lead.json()) as ErrorEnvelope).error.message).toBe('Introuvable.');
    const route = await appThrowing(null).request('/nowhere', french);
    expect(((await route.json()) as ErrorEnvelope).error.message).toBe('Aucune route pour GET /nowhere');
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const crash = await appThrowing(new Error('boom')).request('/boom', french);
    log.mockRestore();
    expect(((await crash.json()) as ErrorEnvelope).error.message).toBe('Un problème est survenu de notre côté.');
  });

  it('speaks the language its reader is known to read over the browser’s', async () => {
    const error = new AppError('invalid_lead', undefined, undefined, 'fr');
    const response = await appThrowing(error).request('/boom', { headers: { 'Accept-Language': 'en' } });
    expect(((await response.json()) as ErrorEnvelope).error.message).toBe('Veuillez vérifier les champs indiqués.');
  });

  it("turns Hono's own exceptions into codes of the vocabulary", async () => {
    const tooLarge = await appThrowing(new HTTPException(413, { message: 'Body too large' })).request('/boom');
    expect(tooLarge.status).toBe(413);
    expect(((await tooLarge.json()) as ErrorEnvelope).error.code).toBe('body_too_large');
    const malformed = await appThrowing(new HTTPException(400, { message: 'Malformed JSON' })).request('/boom');
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as ErrorEnvelope).error.code).toBe('malformed_request');
  });
});
