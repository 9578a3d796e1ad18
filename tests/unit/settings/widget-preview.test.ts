import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { STYLES } from '../../../widget/styles';
import { isOwnOrigin } from '../../../worker/features/intake/widget-keys';
import { PREVIEW_PAGE_STYLE, previewCsp, styleHash } from '../../../worker/features/settings/widget-preview';

describe('isOwnOrigin: a widget request from a page of this Worker (the dashboard preview)', () => {
  const url = 'https://app.avenir.example/api/lead';

  it('is true for the origin the request was sent to', () => {
    expect(isOwnOrigin({ url, origin: 'https://app.avenir.example', fetchSite: 'same-origin' })).toBe(true);
    // Sec-Fetch-Site is not needed when the Origin says it.
    expect(isOwnOrigin({ url, origin: 'https://app.avenir.example', fetchSite: undefined })).toBe(true);
  });

  it('is false for any other scheme, host or port, whatever Sec-Fetch-Site claims', () => {
    for (const origin of [
      'http://app.avenir.example',
      'https://avenir.example',
      'https://app.avenir.example:8443',
      'https://app.avenir.example.evil.example',
      'null',
      '',
    ]) {
      expect(isOwnOrigin({ url, origin, fetchSite: 'same-origin' }), origin).toBe(false);
    }
  });

  it('without an Origin, trusts only a browser-set Sec-Fetch-Site: same-origin', () => {
    expect(isOwnOrigin({ url, origin: undefined, fetchSite: 'same-origin' })).toBe(true);
    for (const fetchSite of [undefined, 'same-site', 'cross-site', 'none']) {
      expect(isOwnOrigin({ url, origin: undefined, fetchSite }), String(fetchSite)).toBe(false);
    }
  });
});

describe("the preview page's CSP", () => {
  it('hashes a style as CSP does: sha256 of its UTF-8 text, base64', async () => {
    for (const text of [STYLES, PREVIEW_PAGE_STYLE, 'p{content:"é"}']) {
      expect(await styleHash(text)).toBe(`'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`);
    }
  });

  it('allows only its own scripts and requests, the hashed styles, and framing by the dashboard', () => {
    const csp = previewCsp(["'sha256-a'", "'sha256-b'"]);
    expect(csp).toContain("style-src 'sha256-a' 'sha256-b'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).not.toMatch(/unsafe|\*/);
  });
});
