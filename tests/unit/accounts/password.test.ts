import { describe, expect, it } from 'vitest';
import {
  hashPassword,
  PBKDF2_MAX_ITERATIONS,
  parsePasswordHash,
  verifyPassword,
} from '../../../worker/features/accounts/password';

describe('password hashing', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const stored = await hashPassword('k7mq-2hxv-9tdr-wzpa');
    expect(await verifyPassword('k7mq-2hxv-9tdr-wzpa', stored)).toBe(true);
    expect(await verifyPassword('k7mq-2hxv-9tdr-wzpb', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('never stores the password itself, and salts each hash', async () => {
    const first = await hashPassword('same password');
    const second = await hashPassword('same password');
    expect(first).not.toContain('same password');
    expect(first).not.toBe(second);
    expect(await verifyPassword('same password', second)).toBe(true);
  });

  it('uses an iteration count Cloudflare accepts in production (at most 100,000)', async () => {
    // wrangler dev does not enforce Cloudflare's PBKDF2 cap; production throws above it.
    const { iterations } = parsePasswordHash(await hashPassword('x'));
    expect(iterations).toBeLessThanOrEqual(100_000);
    expect(iterations).toBe(PBKDF2_MAX_ITERATIONS);
  });

  it('refuses a hash that would need more iterations than Cloudflare allows', async () => {
    const stored = await hashPassword('x');
    const tooMany = stored.replace('$100000$', '$100001$');
    await expect(verifyPassword('x', tooMany)).rejects.toThrow(/at most 100000/);
  });

  it('treats composed and decomposed accents as the same password', async () => {
    const stored = await hashPassword('Montréal2026'.normalize('NFC'));
    expect(await verifyPassword('Montréal2026'.normalize('NFD'), stored)).toBe(true);
  });

  it('rejects a malformed stored hash with a clear error', async () => {
    await expect(verifyPassword('x', 'plaintext')).rejects.toThrow(/unrecognised password hash/);
  });
});
