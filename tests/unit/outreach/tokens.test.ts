import { describe, expect, it } from 'vitest';
import { readTrackingToken, signTrackingToken } from '../../../worker/features/outreach/tokens';

const secret = 'a-tracking-secret-of-at-least-32-chars';
const emailId = '3f2a8c1e-5b6d-4e7f-8a9b-0c1d2e3f4a5b';

describe('tracking and unsubscribe tokens', () => {
  it('reads back what it signed, the click’s address included', async () => {
    for (const token of [
      { kind: 'open', emailId },
      { kind: 'unsubscribe', emailId },
      { kind: 'click', emailId, url: 'https://avenir.example/fr/rendez-vous?source=courriel&é=1' },
    ] as const) {
      expect(await readTrackingToken(secret, await signTrackingToken(secret, token))).toEqual(token);
    }
  });

  it('refuses a token altered, moved to another email, or signed with another secret', async () => {
    const click = await signTrackingToken(secret, { kind: 'click', emailId, url: 'https://avenir.example/' });
    const [code, id, payload, mac] = click.split('.');
    const evil = btoa('https://169.254.169.254/').replaceAll('=', '');
    expect(await readTrackingToken(secret, `${code}.${id}.${evil}.${mac}`)).toBeNull();
    expect(await readTrackingToken(secret, `${code}.${'0'.repeat(32)}.${payload}.${mac}`)).toBeNull();
    expect(await readTrackingToken(`${secret}-rotated`, click)).toBeNull();
    const unsubscribe = await signTrackingToken(secret, { kind: 'unsubscribe', emailId });
    expect(await readTrackingToken(secret, unsubscribe.replace(/^u\./, 'o.'))).toBeNull();
    expect(await readTrackingToken(secret, 'not a token')).toBeNull();
  });

  it('tracks only http(s) links', async () => {
    await expect(signTrackingToken(secret, { kind: 'click', emailId, url: 'javascript:alert(1)' })).rejects.toThrow();
  });
});
