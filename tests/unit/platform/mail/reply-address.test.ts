import { describe, expect, it } from 'vitest';
import { readReplyAddress, replyAddress, replyAddressConfig } from '../../../../worker/platform/mail/reply-address';

const config = { secret: 'a-test-secret-of-at-least-32-characters!', domain: 'in.avenir.example' };
const id = '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b';

describe('reply addresses', () => {
  it('names the test it was handed out for, and survives a mail server changing its case', async () => {
    const address = await replyAddress(config, { purpose: 'form_test', id });
    expect(address).toMatch(/^test\+ft\.3f2a9c1e5b7d4e8f9a0b1c2d3e4f5a6b\.[0-9a-f]{20}@in\.avenir\.example$/);
    expect(address.split('@')[0]!.length).toBeLessThanOrEqual(64); // RFC 5321's limit on a local part
    expect(await readReplyAddress(config, address)).toEqual({ purpose: 'form_test', id });
    expect(await readReplyAddress(config, address.toUpperCase())).toEqual({ purpose: 'form_test', id });
  });

  it('refuses a forged, altered or foreign address', async () => {
    const address = await replyAddress(config, { purpose: 'form_test', id });
    const [local, domain] = address.split('@') as [string, string];
    const otherId = local.replace('3f2a9c1e', '3f2a9c1f');
    const flipped = local.slice(0, -1) + (local.endsWith('0') ? '1' : '0');
    for (const forged of [
      `${otherId}@${domain}`, // another test's id under this signature
      `${flipped}@${domain}`, // one signature character changed
      `${local}@elsewhere.example`, // another domain
      `info+${local.slice(5)}@${domain}`, // another mailbox
      `test@${domain}`,
      'someone@gmail.com',
    ]) {
      expect(await readReplyAddress(config, forged), forged).toBeNull();
    }
    const otherSecret = { ...config, secret: 'another-secret-of-at-least-32-characters' };
    expect(await readReplyAddress(otherSecret, address)).toBeNull();
  });

  it('needs both settings and a long secret', async () => {
    expect(replyAddressConfig({ INBOUND_DOMAIN: 'in.avenir.example' })).toBeNull();
    expect(replyAddressConfig({ INBOUND_TOKEN_SECRET: config.secret })).toBeNull();
    expect(replyAddressConfig({ INBOUND_DOMAIN: ' in.avenir.example ', INBOUND_TOKEN_SECRET: config.secret })).toEqual(
      config,
    );
    await expect(replyAddress({ ...config, secret: 'short' }, { purpose: 'form_test', id })).rejects.toThrow(/32/);
  });
});
