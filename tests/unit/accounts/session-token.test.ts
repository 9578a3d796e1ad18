import { createHash } from 'node:crypto';
import { serialize } from 'hono/utils/cookie';
import { describe, expect, it } from 'vitest';
import {
  clearedSessionCookieAttributes,
  SESSION_COOKIE,
  SESSION_MAX_AGE_SECONDS,
  sessionCookieAttributes,
} from '../../../worker/features/accounts/session-cookie';
import {
  hashSessionToken,
  isWellFormedSessionToken,
  newSessionToken,
} from '../../../worker/features/accounts/session-token';

describe('session tokens', () => {
  it('are 32 random bytes in unpadded base64url', () => {
    const token = newSessionToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(isWellFormedSessionToken(token)).toBe(true);
  });

  it('never repeat', () => {
    const tokens = new Set(Array.from({ length: 1000 }, newSessionToken));
    expect(tokens.size).toBe(1000);
  });

  it('are stored as their hex SHA-256, which is not the token', async () => {
    const token = newSessionToken();
    const hash = await hashSessionToken(token);
    expect(hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(token);
    expect(await hashSessionToken(token)).toBe(hash);
  });

  it('reject cookie values that cannot be a token', () => {
    for (const junk of ['', 'abc', `${newSessionToken()}=`, 'a'.repeat(42), `${'a'.repeat(42)}+`, "' or 1=1 --"]) {
      expect(isWellFormedSessionToken(junk), junk).toBe(false);
    }
  });
});

describe('the session cookie', () => {
  it('is HttpOnly, SameSite=Lax, for the whole site, for 30 days', () => {
    const header = serialize(SESSION_COOKIE, 'token', sessionCookieAttributes('http://localhost:8787/api/app/session'));
    expect(header).toBe('avenir_session=token; Max-Age=2592000; Path=/; HttpOnly; SameSite=Lax');
    expect(SESSION_MAX_AGE_SECONDS).toBe(30 * 24 * 3600);
  });

  it('is Secure over https only', () => {
    expect(sessionCookieAttributes('https://avenir.example.workers.dev/api/app/session').secure).toBe(true);
    expect(sessionCookieAttributes('http://127.0.0.1:8787/api/app/session').secure).toBe(false);
    const header = serialize(SESSION_COOKIE, 't', sessionCookieAttributes('https://a.example/'));
    expect(header).toContain('; Secure');
  });

  it('is cleared with the same attributes and no lifetime', () => {
    expect(clearedSessionCookieAttributes('https://a.example/')).toEqual({
      ...sessionCookieAttributes('https://a.example/'),
      maxAge: 0,
    });
  });
});
