import { describe, expect, it } from 'vitest';
import { hashPassword, parsePasswordHash, verifyPassword } from '../../../worker/features/accounts/password';
import { UNKNOWN_ACCOUNT_PASSWORD_HASH } from '../../../worker/features/accounts/unknown-account';

describe('the hash sign-in checks for an unknown email', () => {
  it('costs what a real account costs: same scheme, same iterations, same hash size', async () => {
    const dummy = parsePasswordHash(UNKNOWN_ACCOUNT_PASSWORD_HASH);
    const real = parsePasswordHash(await hashPassword('tuyau-bleu-42'));
    expect(dummy.iterations).toBe(real.iterations);
    expect(dummy.salt).toHaveLength(real.salt.length);
    expect(dummy.hash).toHaveLength(real.hash.length);
  });

  it('matches no password anyone would send', async () => {
    for (const guess of ['', 'password', 'correct horse battery staple', 'k7mq-2hxv-9tdr-wzpa']) {
      expect(await verifyPassword(guess, UNKNOWN_ACCOUNT_PASSWORD_HASH)).toBe(false);
    }
  });
});
