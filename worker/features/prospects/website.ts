/**
 * The key a prospect is stored under: scheme and host of its site, lower case, without
 * "www." or a default port, so the same business found by two providers is one row.
 * Returns null for anything that is not an http(s) URL with a dotted host name.
 */
export function normalizeWebsite(input: string): string | null {
  const trimmed = input.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  // "mailto:info@example.ca" parses as https://mailto:info@example.ca: a user, not a site.
  if (url.username || url.password) return null;
  const host = url.hostname.replace(/^www\./, '').replace(/\.$/, '');
  if (!host.includes('.') || host.startsWith('.')) return null;
  return `${url.protocol}//${host}${url.port ? `:${url.port}` : ''}`;
}
