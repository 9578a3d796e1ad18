import { describe, expect, it } from 'vitest';
import { checkHost, isPublicAddress } from '../../../../worker/platform/fetch/address-policy';

describe('isPublicAddress', () => {
  it('allows global unicast addresses', () => {
    for (const ip of [
      '8.8.8.8',
      '1.1.1.1',
      '93.184.216.34',
      '2606:4700:4700::1111',
      '2001:4860:4860::8888',
      '[2606:4700:4700::1111]',
      '::ffff:8.8.8.8', // mapped, public inside
      '64:ff9b::808:808', // NAT64 of 8.8.8.8
      '2002:808:808::1', // 6to4 of 8.8.8.8
      '2001:0:4136:e378:8000:63bf:f7f7:f7f7', // Teredo: server 65.54.227.120, client 8.8.8.8
    ]) {
      expect(isPublicAddress(ip), ip).toBe(true);
    }
  });

  it.each([
    ['loopback', ['127.0.0.1', '127.255.255.254', '::1']],
    ['private', ['10.0.0.1', '10.255.255.255', '172.16.0.1', '172.31.255.255', '192.168.0.1', '192.168.255.255']],
    ['link-local and cloud metadata', ['169.254.0.1', '169.254.169.254', 'fe80::1', 'febf::1', 'fe80::1%eth0']],
    ['carrier-grade NAT', ['100.64.0.1', '100.127.255.255']],
    ['"this network"', ['0.0.0.0', '0.1.2.3']],
    ['IETF protocol assignments', ['192.0.0.1', '192.0.0.170']],
    ['documentation', ['192.0.2.1', '198.51.100.7', '203.0.113.9', '2001:db8::1', '2001:db8:ffff::1']],
    ['benchmarking', ['198.18.0.1', '198.19.255.255']],
    ['multicast', ['224.0.0.1', '239.255.255.250', 'ff02::1', 'ff05::1:3']],
    ['broadcast and reserved', ['255.255.255.255', '240.0.0.1', '250.1.2.3']],
    ['unique-local (AWS metadata included)', ['fc00::1', 'fd00::1', 'fd00:ec2::254']],
    ['unspecified', ['::', '0.0.0.0']],
    [
      'IPv4-mapped of a private address',
      ['::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', '::ffff:169.254.169.254'],
    ],
    ['IPv4-compatible of a private address', ['::127.0.0.1', '::10.0.0.1', '::a9fe:a9fe']],
    ['IPv4-translated of a private address', ['::ffff:0:127.0.0.1', '::ffff:0:a00:1']],
    ['NAT64 of a private address, and local-use NAT64', ['64:ff9b::127.0.0.1', '64:ff9b::a00:1', '64:ff9b:1::808:808']],
    ['6to4 of a private address', ['2002:7f00:1::1', '2002:a00:1::', '2002:a9fe:a9fe::1']],
    ['Teredo of a private address', ['2001:0:4136:e378:8000:63bf:3fff:fdd2', '2001:0:a00:1::f7f7:f7f7']],
    ['outside 2000::/3, site-local, discard', ['4000::1', 'fec0::1', '100::1', '5f00::1']],
  ])('refuses %s', (_, ips) => {
    for (const ip of ips) expect(isPublicAddress(ip), ip).toBe(false);
  });

  it('refuses what is not an address in canonical form', () => {
    for (const text of [
      '',
      'example.com',
      '2130706433',
      '0x7f.1',
      '0177.0.0.1',
      '127.1',
      '1.2.3.4.5',
      '[::1',
      'gggg::1',
    ]) {
      expect(isPublicAddress(text), text).toBe(false);
    }
  });
});

describe('checkHost', () => {
  it('allows dotted public names, lower-cased, without a trailing dot', () => {
    expect(checkHost('Plomberie-Tremblay.CA')).toEqual({
      allowed: true,
      host: 'plomberie-tremblay.ca',
      isIpLiteral: false,
    });
    expect(checkHost('www.example.com.')).toEqual({ allowed: true, host: 'www.example.com', isIpLiteral: false });
    expect(checkHost('xn--caf-dma.ca')).toMatchObject({ allowed: true, isIpLiteral: false });
  });

  it('says which hosts are IP literals, leaving the address to isPublicAddress', () => {
    expect(checkHost('8.8.8.8')).toEqual({ allowed: true, host: '8.8.8.8', isIpLiteral: true });
    expect(checkHost('[2606:4700:4700::1111]')).toEqual({
      allowed: true,
      host: '2606:4700:4700::1111',
      isIpLiteral: true,
    });
  });

  it('refuses local, internal and reserved names', () => {
    for (const host of [
      'localhost',
      'LOCALHOST.',
      'api.localhost',
      'printer.local',
      'metadata.google.internal',
      'router.home.arpa',
      '1.0.0.127.in-addr.arpa',
      'nas.lan',
      'shop.test',
      'x.invalid',
      'intranet',
      'metadata',
    ]) {
      expect(checkHost(host), host).toMatchObject({ allowed: false });
    }
  });

  it('refuses malformed names and numeric forms that are not dotted decimal', () => {
    for (const host of [
      '',
      '.',
      'a..b',
      '-a.com',
      'a-.com',
      'exa mple.com',
      'café.ca',
      '0x7f.1',
      '2130706433',
      '10.1',
      '[::1',
    ]) {
      expect(checkHost(host), host).toMatchObject({ allowed: false });
    }
    expect(checkHost(`${'a'.repeat(64)}.com`)).toMatchObject({ allowed: false });
  });

  it('sees through the URL parser: 2130706433, 0x7f.1 and 0177.0.0.1 are 127.0.0.1, and refused', () => {
    for (const url of [
      'http://2130706433/',
      'http://0x7f.1/',
      'http://0177.0.0.1/',
      'http://127.1/',
      'http://[::ffff:127.0.0.1]/',
    ]) {
      const host = checkHost(new URL(url).hostname);
      expect(host, url).toMatchObject({ allowed: true, isIpLiteral: true });
      expect(host.allowed && isPublicAddress(host.host), url).toBe(false);
    }
    expect(new URL('http://2130706433/').hostname).toBe('127.0.0.1');
  });
});
