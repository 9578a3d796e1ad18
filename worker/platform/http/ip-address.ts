/**
 * The visitor's address from `CF-Connecting-IP`, checked before it reaches an `inet`
 * column: a header Cloudflare did not set (local runs, a misconfigured proxy) must not turn
 * a sign-in into a database error.
 */

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const HEXTET = /^[0-9a-f]{1,4}$/i;

function isIpv6(value: string): boolean {
  if (value.length > 45) return false;
  const halves = value.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((half) => (half === '' ? [] : half.split(':')));
  let count = 0;
  for (const [index, group] of groups.entries()) {
    // An embedded IPv4 address (::ffff:192.0.2.1) stands for the last two groups.
    if (index === groups.length - 1 && IPV4.test(group)) count += 2;
    else if (HEXTET.test(group)) count += 1;
    else return false;
  }
  return halves.length === 2 ? count <= 7 : count === 8;
}

/** The address if it is a well-formed IPv4 or IPv6 address, else null. */
export function parseIpAddress(header: string | undefined): string | null {
  const value = header?.trim() ?? '';
  if (IPV4.test(value)) return value;
  if (isIpv6(value)) return value.toLowerCase();
  return null;
}
