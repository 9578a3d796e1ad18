import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { describe, expect, it, vi } from 'vitest';
import type { AppEnv } from '../../worker/env';
import { AppError, type ErrorEnvelope } from '../../worker/errors';
import { notFound, onError } from '../../worker/middleware/errors';

function appThrowing(error: unknown) {
  const app = new Hono<AppEnv>().use(requestId()).get('/boom', () => {
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

  it('passes an AppError through with its status, code and details', async () => {
    const response = await appThrowing(new AppError(409, 'email_taken', 'Taken.', { field: 'email' })).request('/boom');
    expect(response.status).toBe(409);
    expect(((await response.json()) as ErrorEnvelope).error).toMatchObject({
      code: 'email_taken',
      message: 'Taken.',
      details: { field: 'email' },
    });
  });

  it("keeps an HTTPException's status", async () => {
    const response = await appThrowing(new HTTPException(413, { message: 'Body too large' })).request('/boom');
    expect(response.status).toBe(413);
    expect(((await response.json()) as ErrorEnvelope).error).toMatchObject({
      code: 'http_error',
      message: 'Body too large',
    });
  });
});
