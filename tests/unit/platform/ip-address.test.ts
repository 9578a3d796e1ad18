import { describe, expect, it } from 'vitest';
import { parseIpAddress } from '../../../worker/platform/http/ip-address';

describe('the visitor address from CF-Connecting-IP', () => {
  it('keeps IPv4 and IPv6 addresses', () => {
    expect(parseIpAddress('203.0.113.7')).toBe('203.0.113.7');
    expect(parseIpAddress(' 198.51.100.255 ')).toBe('198.51.100.255');
    expect(parseIpAddress('2001:DB8::1')).toBe('2001:db8::1');
    expect(parseIpAddress('::1')).toBe('::1');
    expect(parseIpAddress('2001:db8:0:0:0:0:0:1')).toBe('2001:db8:0:0:0:0:0:1');
    expect(parseIpAddress('::ffff:192.0.2.1')).toBe('::ffff:192.0.2.1');
  });

  it('drops anything else, so it never reaches an inet column', () => {
    for (const junk of [
      undefined,
      '',
      'unknown',
      '256.1.1.1',
      '1.2.3',
      '01.2.3.4',
      ':::',
      '1::2::3',
      '2001:db8:0:0:0:0:0:0:1',
      '12345::1',
      "1.2.3.4'; drop table clients; --",
    ]) {
      expect(parseIpAddress(junk), String(junk)).toBeNull();
    }
  });
});
