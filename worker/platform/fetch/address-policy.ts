import ipaddr from 'ipaddr.js';

/**
 * Which hosts and addresses the outbound fetcher may reach: only names on the public
 * Internet and global unicast addresses. Pure: no DNS, no I/O.
 */

type IPv4 = ipaddr.IPv4;
type IPv6 = ipaddr.IPv6;

const v4 = (cidr: string): [IPv4, number] => ipaddr.IPv4.parseCIDR(cidr);
const v6 = (cidr: string): [IPv6, number] => ipaddr.IPv6.parseCIDR(cidr);

/**
 * Refused IPv4 ranges, listed here as well as in ipaddr.js's `range()`, so a release of the
 * library that forgets one cannot open it.
 */
const REFUSED_V4 = [
  v4('0.0.0.0/8'), // "this network"
  v4('10.0.0.0/8'), // private
  v4('100.64.0.0/10'), // carrier-grade NAT
  v4('127.0.0.0/8'), // loopback
  v4('169.254.0.0/16'), // link-local, cloud metadata (169.254.169.254)
  v4('172.16.0.0/12'), // private
  v4('192.0.0.0/24'), // IETF protocol assignments
  v4('192.0.2.0/24'), // TEST-NET-1
  v4('192.88.99.0/24'), // 6to4 relay anycast
  v4('192.168.0.0/16'), // private
  v4('198.18.0.0/15'), // benchmarking
  v4('198.51.100.0/24'), // TEST-NET-2
  v4('203.0.113.0/24'), // TEST-NET-3
  v4('224.0.0.0/4'), // multicast
  v4('240.0.0.0/4'), // reserved, and 255.255.255.255 broadcast
];

/** Global unicast IPv6 is 2000::/3; inside it, these are not reachable hosts. */
const GLOBAL_UNICAST_V6 = v6('2000::/3');
const REFUSED_V6 = [
  v6('2001:db8::/32'), // documentation
  v6('2001::/23'), // IETF protocol assignments (Teredo, 2001::/32, is decoded before this)
  v6('2002::/16'), // 6to4 (decoded before this)
  v6('3fff::/20'), // documentation (RFC 9637)
];

const NAT64_WELL_KNOWN = v6('64:ff9b::/96');
const TEREDO = v6('2001::/32');
const SIX_TO_FOUR = v6('2002::/16');

const v4FromParts = (high: number, low: number): IPv4 =>
  new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);

function isPublicV4(address: IPv4): boolean {
  if (address.range() !== 'unicast') return false;
  return !REFUSED_V4.some((range) => address.match(range));
}

function isPublicV6(address: IPv6): boolean {
  if (address.zoneId) return false; // only link-local addresses carry a zone
  const parts = address.parts as [number, number, number, number, number, number, number, number];
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-translated (::ffff:0:a.b.c.d) and the deprecated
  // IPv4-compatible form (::a.b.c.d, which includes :: and ::1): the IPv4 address decides.
  const firstFiveZero = parts.slice(0, 5).every((part) => part === 0);
  if (firstFiveZero && (parts[5] === 0 || parts[5] === 0xffff)) return isPublicV4(v4FromParts(parts[6], parts[7]));
  if (parts.slice(0, 4).every((part) => part === 0) && parts[4] === 0xffff && parts[5] === 0) {
    return isPublicV4(v4FromParts(parts[6], parts[7]));
  }
  // NAT64: the well-known prefix embeds the IPv4 address; the local-use 64:ff9b:1::/48 and
  // anything else outside 2000::/3 is not on the public Internet.
  if (address.match(NAT64_WELL_KNOWN)) return isPublicV4(v4FromParts(parts[6], parts[7]));
  // Teredo: the server's address in clear, the client's inverted; both must be public.
  if (address.match(TEREDO)) {
    return (
      isPublicV4(v4FromParts(parts[2], parts[3])) && isPublicV4(v4FromParts(~parts[6] & 0xffff, ~parts[7] & 0xffff))
    );
  }
  // 6to4: 2002:AABB:CCDD::/48 carries AA.BB.CC.DD.
  if (address.match(SIX_TO_FOUR)) return isPublicV4(v4FromParts(parts[1], parts[2]));
  if (address.range() !== 'unicast') return false;
  if (!address.match(GLOBAL_UNICAST_V6)) return false;
  return !REFUSED_V6.some((range) => address.match(range));
}

/**
 * Whether `ip` is a global unicast address the fetcher may connect to. Takes the canonical
 * forms only (dotted decimal IPv4, any valid IPv6, optionally in brackets as URL.hostname
 * gives it); anything else, "0x7f.1" or "2130706433" included, is refused rather than
 * guessed at: the WHATWG URL parser has already turned those into dotted decimal.
 */
export function isPublicAddress(ip: string): boolean {
  const text = ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return isPublicV4(ipaddr.IPv4.parse(text));
  if (text.includes(':') && ipaddr.IPv6.isValid(text)) return isPublicV6(ipaddr.IPv6.parse(text));
  return false;
}

export type HostCheck =
  /** `host` is lower case, without a trailing dot, and an IPv6 literal without its brackets. */
  { allowed: true; host: string; isIpLiteral: boolean } | { allowed: false; host: string; problem: string };

/**
 * Suffixes that never name a host on the public Internet: RFC 6761 and 6762 special names,
 * the ICANN-reserved private suffix .internal (metadata.google.internal), home networks,
 * and the suffixes routers and corporate networks answer for locally.
 */
const PRIVATE_SUFFIXES = [
  'localhost',
  'local',
  'internal',
  'arpa', // home.arpa, and the reverse-lookup trees
  'test',
  'invalid',
  'example',
  'onion',
  'localdomain',
  'lan',
  'home',
  'corp',
  'intranet',
];

const LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;

/**
 * Whether a URL's hostname may be fetched, before any DNS: a dotted public name or an IP
 * literal (whose address `isPublicAddress` then judges). Hostnames the WHATWG parser would
 * read as IPv4 in another form are refused unless already in dotted decimal.
 */
export function checkHost(hostname: string): HostCheck {
  const lowered = hostname.trim().toLowerCase();
  if (lowered.startsWith('[') && lowered.endsWith(']')) {
    const inner = lowered.slice(1, -1);
    return ipaddr.IPv6.isValid(inner)
      ? { allowed: true, host: inner, isIpLiteral: true }
      : { allowed: false, host: lowered, problem: 'is not a valid IPv6 address' };
  }
  if (lowered.includes(':')) {
    return ipaddr.IPv6.isValid(lowered)
      ? { allowed: true, host: lowered, isIpLiteral: true }
      : { allowed: false, host: lowered, problem: 'is not a valid host name' };
  }
  const host = lowered.endsWith('.') ? lowered.slice(0, -1) : lowered;
  if (ipaddr.IPv4.isValidFourPartDecimal(host)) return { allowed: true, host, isIpLiteral: true };
  const labels = host.split('.');
  const last = labels[labels.length - 1]!;
  // The URL parser reads a host whose last label is a number as an IPv4 address.
  if (/^(?:\d+|0x[0-9a-f]*)$/.test(last)) return { allowed: false, host, problem: 'is not a valid IPv4 address' };
  if (host.length === 0 || host.length > 253 || !labels.every((label) => LABEL.test(label))) {
    return { allowed: false, host, problem: 'is not a valid host name' };
  }
  if (labels.length < 2) return { allowed: false, host, problem: 'is not a fully qualified domain name' };
  if (PRIVATE_SUFFIXES.includes(last)) {
    return { allowed: false, host, problem: 'is a local or reserved name, not a site on the Internet' };
  }
  return { allowed: true, host, isIpLiteral: false };
}
